package io.socketdeck.core.respond;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.settings.EntriesRead;
import io.socketdeck.core.util.Json;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rules match as their kind says, the first enabled one answers, and a bad one is refused where it is bad. */
class RuleSetTest {

    private static final Charset GBK = Charset.forName("GBK");
    private final AtomicLong counter = new AtomicLong();
    private final MacroValues tab = counter::incrementAndGet;

    private static Rule text(Rule.Match match, String pattern, String reply) {
        return new Rule(true, match, pattern, QuickCommand.text("r", reply), 0);
    }

    /** These short messages never overflow a rule's regex (see {@link RegexTooDeepTest}). */
    private static void noneTooDeep(String ruleName) {
        throw new AssertionError("rule " + ruleName + " overflowed the stack");
    }

    private String answer(RuleSet rules, String message) {
        RuleSet.Answer answer = rules.answer(message.getBytes(GBK), GBK, tab, RuleSetTest::noneTooDeep);
        return answer == null ? null : new String(answer.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void eachKindOfMatchLooksWhereItSays() {
        assertEquals("OK", answer(RuleSet.of(List.of(text(Rule.Match.EXACT, "AT", "OK"))), "AT"));
        assertNull(answer(RuleSet.of(List.of(text(Rule.Match.EXACT, "AT", "OK"))), "AT\r\n"));
        assertEquals("yes", answer(RuleSet.of(List.of(text(Rule.Match.CONTAINS, "温度", "yes"))), "读取温度"),
                "text matches decode in the tab's encoding (GBK here)");
        assertEquals("s", answer(RuleSet.of(List.of(text(Rule.Match.STARTS_WITH, "GET ", "s"))), "GET /"));
        assertEquals("e", answer(RuleSet.of(List.of(text(Rule.Match.ENDS_WITH, "\r\n", "e"))), "x\r\n"));
    }

    @Test
    void aRegexAnswerUsesItsGroups() {
        RuleSet rules = RuleSet.of(List.of(text(Rule.Match.REGEX, "SET (\\w+)=(\\d+)", "$1 is $2 ($$), was $0")));
        assertEquals("rate is 500 ($), was SET rate=500", answer(rules, "SET rate=500"));
    }

    @Test
    void theFirstEnabledMatchingRuleAnswersAndCountsAHit() {
        RuleSet rules = RuleSet.of(List.of(
                text(Rule.Match.CONTAINS, "A", "off").withEnabled(false),
                text(Rule.Match.CONTAINS, "A", "first"),
                text(Rule.Match.CONTAINS, "A", "second")));
        assertEquals("first", answer(rules, "AT"));
        assertEquals("first", answer(rules, "AT+GMR"));
        assertNull(answer(rules, "nothing"));
        assertEquals(List.of(0L, 2L, 0L), List.of(rules.hits(0), rules.hits(1), rules.hits(2)));
    }

    @Test
    void aModbusReadIsAnsweredWithItsRegistersAndCrc() {
        QuickCommand registers = new QuickCommand("read", "01 03 04 00 0A 00 0B", true, "UTF-8", false,
                LineEnding.NONE, Checksum.CRC16_MODBUS);
        RuleSet rules = RuleSet.of(List.of(new Rule(true, Rule.Match.HEX, "01 03 ?? ?? 00 02", registers, 0)));
        byte[] request = HexFormat.of().parseHex("010300000002c40b");
        byte[] expected = Checksum.CRC16_MODBUS.append(HexFormat.of().parseHex("010304000a000b"));
        assertArrayEquals(expected, rules.answer(request, GBK, tab, RuleSetTest::noneTooDeep).bytes());
        assertNull(rules.answer(HexFormat.of().parseHex("010600000002"), GBK, tab, RuleSetTest::noneTooDeep), "another function code");
        assertNull(rules.answer(HexFormat.of().parseHex("0103"), GBK, tab, RuleSetTest::noneTooDeep), "shorter than the pattern");
    }

    @Test
    void aReplyCarriesTheCounterAndCanQuoteItsRequest() {
        RuleSet rules = RuleSet.of(List.of(text(Rule.Match.CONTAINS, "", "x"),
                text(Rule.Match.STARTS_WITH, "P", "#{{COUNTER}} got {{REQ_HEX}}")));
        assertEquals("#1 got 50 49 4E 47", answer(rules, "PING"), "the empty pattern never compiled, so never matched");
        assertEquals("#2 got 50", answer(rules, "P"));
    }

    @Test
    void aRuleThatCannotBeUsedIsRefusedAtItsField() {
        RuleException regex = assertThrows(RuleException.class, () -> RuleSet.check(text(Rule.Match.REGEX, "a(b", "x")));
        assertEquals(RuleException.Field.PATTERN, regex.field());
        assertEquals(RuleException.Reason.BAD_REGEX, regex.reason());
        RuleException odd = assertThrows(RuleException.class, () -> RuleSet.check(text(Rule.Match.HEX, "01 0", "x")));
        assertEquals(RuleException.Reason.HEX_ODD, odd.reason());
        assertEquals(3, odd.position());
        RuleException wild = assertThrows(RuleException.class, () -> RuleSet.check(text(Rule.Match.HEX, "01 ?3", "x")));
        assertEquals(RuleException.Reason.HEX_CHARACTER, wild.reason());
        RuleException macro = assertThrows(RuleException.class, () -> RuleSet.check(text(Rule.Match.EXACT, "a", "{{NOPE}}")));
        assertEquals(RuleException.Field.REPLY, macro.field());
        assertEquals(PayloadException.Reason.UNKNOWN_MACRO, macro.payloadProblem().reason());
        QuickCommand latin = new QuickCommand("r", "中", false, "ISO-8859-1", false, LineEnding.NONE, Checksum.NONE);
        RuleException unmappable = assertThrows(RuleException.class,
                () -> RuleSet.check(new Rule(true, Rule.Match.EXACT, "a", latin, 0)));
        assertEquals(PayloadException.Reason.UNMAPPABLE, unmappable.payloadProblem().reason());
        assertThrows(RuleException.class, () -> RuleSet.check(text(Rule.Match.EXACT, "", "x")), "an empty pattern");
        assertThrows(RuleException.class, () -> RuleSet.check(text(Rule.Match.EXACT, "a", "")), "an empty reply");
    }

    @Test
    void rulesReadBackFromJsonAsWritten() throws Exception {
        List<Rule> rules = List.of(text(Rule.Match.REGEX, "SET (\\w+)", "OK $1").withEnabled(false),
                new Rule(true, Rule.Match.HEX, "01 03 ?? ??", QuickCommand.hex("modbus", "01 03 02 00 01"), 250));
        assertEquals(rules, RuleJson.fromTree(Json.parse(Json.write(RuleJson.toTree(rules)))));
    }

    /** Issue 52: in the settings file, a rule that cannot be read costs that rule only, and is kept. */
    @Test
    void theSettingsKeepARuleTheyCannotReadAsItWas() throws Exception {
        List<Rule> good = List.of(text(Rule.Match.EXACT, "PING", "PONG"), text(Rule.Match.CONTAINS, "AT", "OK"));
        List<Object> stored = new ArrayList<>(RuleJson.toTree(good));
        Map<String, Object> suffix = new LinkedHashMap<>(RuleJson.toTree(good).get(0));
        suffix.put("match", "SUFFIX");
        Map<String, Object> slow = new LinkedHashMap<>(RuleJson.toTree(good).get(1));
        slow.put("delayMs", 120_000);
        Map<String, Object> newerChecksum = new LinkedHashMap<>(RuleJson.toTree(good).get(1));
        newerChecksum.put("checksum", "CRC16_XMODEM");
        stored.add(1, suffix);
        stored.add(slow);
        stored.add(newerChecksum);
        stored.add("not a rule");

        EntriesRead<Rule> read = RuleJson.readEach(stored);

        assertEquals(good, read.read());
        assertEquals(List.of(1, 3, 4, 5), read.unread().stream().map(EntriesRead.Unread::index).toList());
        assertEquals("command 6: wrong type: expected an object, found text", read.unread().get(3).problem());
        assertEquals(Json.parse(Json.write(stored)),
                Json.parse(Json.write(EntriesRead.withUnread(RuleJson.toTree(read.read()), read.unread()))));
    }
}
