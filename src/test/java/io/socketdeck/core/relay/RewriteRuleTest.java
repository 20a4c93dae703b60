package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewriteRuleTest {

    private static final Charset GBK = Charset.forName("GBK");

    private static byte[] rewrite(List<RewriteRule> rules, byte[] chunk, List<String> reports) {
        return new LegSettings(LegFaults.NONE.withRewrites(rules)).rewrite(chunk,
                (rule, matches) -> reports.add(rule.kind() + "×" + matches));
    }

    @Test
    void textIsMatchedInItsEncoding() {
        List<String> reports = new ArrayList<>();
        RewriteRule rule = new RewriteRule(RewriteRule.Kind.TEXT, "温度", "温度(改)", GBK);
        byte[] out = rewrite(List.of(rule), "温度=21".getBytes(GBK), reports);
        assertEquals("温度(改)=21", new String(out, GBK));
        assertEquals(List.of("TEXT×1"), reports);
    }

    @Test
    void regexSeesNonAsciiAsItsBytesAndKeepsGroups() {
        List<String> reports = new ArrayList<>();
        RewriteRule rule = new RewriteRule(RewriteRule.Kind.REGEX, "温度=(\\d+)", "温度=[$1]", StandardCharsets.UTF_8);
        byte[] out = rewrite(List.of(rule), "a 温度=21 温度=7".getBytes(StandardCharsets.UTF_8), reports);
        assertEquals("a 温度=[21] 温度=[7]", new String(out, StandardCharsets.UTF_8));
        assertEquals(List.of("REGEX×2"), reports);
    }

    @Test
    void hexWildcardsMatchAnyByteAndAnEmptyReplacementCuts() {
        List<String> reports = new ArrayList<>();
        RewriteRule rule = new RewriteRule(RewriteRule.Kind.HEX, "01 ?? 03", "", StandardCharsets.UTF_8);
        byte[] out = rewrite(List.of(rule), new byte[] {0, 1, (byte) 0xfe, 3, 4, 1, 2, 3}, reports);
        assertArrayEquals(new byte[] {0, 4}, out);
    }

    @Test
    void aChunkWithoutMatchIsReturnedAsIs() {
        byte[] chunk = {1, 2, 3};
        RewriteRule rule = new RewriteRule(RewriteRule.Kind.TEXT, "x", "y", StandardCharsets.UTF_8);
        assertEquals(chunk, rewrite(List.of(rule), chunk, new ArrayList<>()));
    }

    @Test
    void problemsAreNamedForTheField() {
        assertEquals(RewriteRule.Problem.EMPTY_MATCH,
                RewriteRule.check(RewriteRule.Kind.TEXT, "", "x", StandardCharsets.UTF_8));
        assertEquals(RewriteRule.Problem.BAD_REGEX,
                RewriteRule.check(RewriteRule.Kind.REGEX, "(", "x", StandardCharsets.UTF_8));
        assertEquals(RewriteRule.Problem.BAD_REPLACEMENT,
                RewriteRule.check(RewriteRule.Kind.REGEX, "a", "$2", StandardCharsets.UTF_8));
        assertEquals(RewriteRule.Problem.BAD_HEX_MATCH,
                RewriteRule.check(RewriteRule.Kind.HEX, "0g", "00", StandardCharsets.UTF_8));
        assertEquals(RewriteRule.Problem.BAD_HEX_MATCH,
                RewriteRule.check(RewriteRule.Kind.HEX, "0?", "00", StandardCharsets.UTF_8));
        assertEquals(RewriteRule.Problem.BAD_REPLACEMENT,
                RewriteRule.check(RewriteRule.Kind.HEX, "00", "??", StandardCharsets.UTF_8));
        assertEquals(RewriteRule.Problem.NOT_ENCODABLE,
                RewriteRule.check(RewriteRule.Kind.TEXT, "温", "x", StandardCharsets.US_ASCII));
        assertNull(RewriteRule.check(RewriteRule.Kind.HEX, "0a:?? 0B", "ff 00", StandardCharsets.UTF_8));
    }
}
