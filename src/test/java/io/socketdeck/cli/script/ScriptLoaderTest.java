package io.socketdeck.cli.script;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.text.Language;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script file read into steps, and every kind of mistake named by file, line and column. */
class ScriptLoaderTest {

    private static Locale before;

    @BeforeAll
    static void english() {
        before = Language.current();
        Language.use(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Language.use(before);
    }

    private static Script parse(String yaml) throws ScriptException {
        return ScriptLoader.parse("s.yaml", yaml, Map.of());
    }

    private static String error(String yaml) {
        return assertThrows(ScriptException.class, () -> parse(yaml)).getMessage();
    }

    private static final String CONNECT = "steps:\n  - connect: {tcp: 127.0.0.1:5000}\n";

    @Test
    void everyStepKindIsReadWithItsFieldsAndNumberedInFileOrder() throws ScriptException {
        Script script = parse("""
                name: device login
                vars: {user: admin, port: 5000}
                timeout: 2s
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", name: plc, timeout: 1500, encoding: GBK, line-end: crlf}
                  - send: LOGIN ${user}
                  - expect:
                      regex: 'TOKEN=(?<token>\\w+)'
                      capture: {token: token, whole: 0}
                  - send: {hex: "01 03 00 00 00 01", checksum: crc16-modbus, on: plc}
                  - expect: {hex: "01 03 02 ?? ??", timeout: 300ms}
                  - repeat:
                      times: 3
                      steps:
                        - send: "PING {{COUNTER}} ${token}"
                          on: plc
                        - sleep: 0.5s
                  - close
                """);
        assertEquals("device login", script.name());
        assertEquals(Map.of("user", "admin", "port", "5000"), script.vars());
        assertEquals(8, script.actions(), "a repeat is no action of its own");
        List<Step> steps = script.steps();
        Step.Connect connect = assertInstanceOf(Step.Connect.class, steps.get(0));
        Step.Send login = assertInstanceOf(Step.Send.class, steps.get(1));
        Step.Expect token = assertInstanceOf(Step.Expect.class, steps.get(2));
        Step.Send modbus = assertInstanceOf(Step.Send.class, steps.get(3));
        Step.Expect reply = assertInstanceOf(Step.Expect.class, steps.get(4));
        Step.Repeat repeat = assertInstanceOf(Step.Repeat.class, steps.get(5));
        Step.Close close = assertInstanceOf(Step.Close.class, steps.get(6));
        assertAll(
                () -> assertEquals(new Step.Connect(new Where(5, 5), 1, Step.Protocol.TCP, connect.target(),
                        Duration.ofMillis(1500), "plc", Charset.forName("GBK"), LineEnding.CRLF), connect),
                () -> assertEquals("127.0.0.1:${port}", connect.target().source()),
                () -> assertEquals(new Where(6, 5), login.at()),
                () -> assertEquals(2, login.number()),
                () -> assertNull(login.charset(), "the connection's encoding"),
                () -> assertNull(login.lineEnd(), "the connection's line end"),
                () -> assertEquals(Step.Match.REGEX, token.match()),
                () -> assertEquals(List.of("token", "whole"), List.copyOf(token.captures().keySet())),
                () -> assertEquals(Duration.ofSeconds(2), token.timeout(), "the script's timeout"),
                () -> assertTrue(modbus.hex()),
                () -> assertEquals(Checksum.CRC16_MODBUS, modbus.checksum()),
                () -> assertEquals("plc", modbus.on()),
                () -> assertEquals(Duration.ofMillis(300), reply.timeout()),
                () -> assertEquals(3, repeat.times()),
                () -> assertEquals(new Where(15, 11), repeat.steps().get(0).at()),
                () -> assertEquals(6, ((Step.Action) repeat.steps().get(0)).number()),
                () -> assertEquals("plc", ((Step.Send) repeat.steps().get(0)).on(), "on: beside the step"),
                () -> assertEquals(new Step.Sleep(new Where(17, 11), 7, Duration.ofMillis(500)), repeat.steps().get(1)),
                () -> assertEquals(new Step.Close(new Where(18, 5), 8, null), close),
                () -> assertEquals("send \"PING {{COUNTER}} ${token}\" on plc",
                        ((Step.Action) repeat.steps().get(0)).describe()));
    }

    @Test
    void commandLineVarsGoOverTheScriptsAndTheNameDefaultsToTheFileName() throws ScriptException {
        Script script = ScriptLoader.parse("checks/login.yaml", "vars: {port: 1}\n" + CONNECT.replace("127.0.0.1:5000", "\"127.0.0.1:${port}\""),
                Map.of("port", "5001", "extra", "x"));
        assertEquals("login", script.name());
        assertEquals(Map.of("port", "5001", "extra", "x"), script.vars());
    }

    @Test
    void aYamlSyntaxErrorNamesFileLineAndColumn() {
        assertAll(
                () -> assertEquals("s.yaml:4:9: YAML: expected ',' or '}', but got : (while parsing a flow mapping at 3:14)",
                        error("name: x\nsteps:\n  - connect: {tcp: 127.0.0.1:5000\n  - send: hi\n")),
                () -> assertEquals("s.yaml:4:4: YAML: expected <block end>, but found '<block mapping start>' "
                        + "(while parsing a block collection at 2:3)", error(CONNECT + "  - send: hi\n   expect: x\n")),
                () -> assertEquals("s.yaml:4:1: YAML: found unexpected end of stream (while scanning a quoted scalar "
                        + "at 3:11)", error(CONNECT + "  - send: \"hi\n")),
                () -> assertTrue(error(CONNECT + "\t- send: hi\n").startsWith("s.yaml:3:1: YAML: found character '\\t(TAB)'")));
    }

    @Test
    void anUnknownStepOrFieldIsNamedAtItsOwnLineAndColumn() {
        assertAll(
                () -> assertEquals("s.yaml:3:5: unknown step \"sned\" (steps: connect, send, expect, sleep, repeat, close)",
                        error(CONNECT + "  - sned: hello\n")),
                () -> assertEquals("s.yaml:3:5: unknown step \"bye\" (steps: connect, send, expect, sleep, repeat, close)",
                        error(CONNECT + "  - bye\n")),
                () -> assertEquals("s.yaml:3:23: unknown field \"tmeout\" in expect (fields: text, regex, hex, timeout, "
                        + "capture, on)", error(CONNECT + "  - expect: {text: x, tmeout: 5}\n")),
                () -> assertEquals("s.yaml:4:5: \"timeout\" belongs inside expect: {..., timeout: ...}, not beside it"
                                .replace("...", "\u2026"), error(CONNECT + "  - expect: x\n    timeout: 5\n")),
                () -> assertEquals("s.yaml:4:5: one step per list item: \"send\" and \"expect\" (start the second with "
                        + "its own -)", error(CONNECT + "  - send: x\n    expect: y\n")),
                () -> assertEquals("s.yaml:1:1: unknown field \"step\" in the script (fields: name, vars, timeout, steps)",
                        error("step:\n  - close\n")),
                () -> assertEquals("s.yaml:3:4: an empty step", error(CONNECT + "  -\n  - close\n")),
                () -> assertEquals("s.yaml:3:21: \"text\" appears twice in send",
                        error(CONNECT + "  - send: {text: a, text: b}\n")));
    }

    @Test
    void aStepNeedsAConnectionMadeBeforeItAndVariablesKnownBeforeIt() {
        assertAll(
                () -> assertEquals("s.yaml:2:5: send before any connect: connect first", error("steps:\n  - send: hi\n")),
                () -> assertEquals("s.yaml:3:5: no connection named \"plc\" before this step (name one with connect: "
                        + "{\u2026, name: plc})", error(CONNECT + "  - send: hi\n    on: plc\n")),
                () -> assertEquals("s.yaml:3:11: unknown variable ${token}: not in vars, --var or an earlier capture",
                        error(CONNECT + "  - send: GET ${token}\n  - expect: {regex: 'T=(\\w+)', capture: {token: 1}}\n")),
                () -> assertEquals("s.yaml:3:11: text: \"${\" without its \"}\" (write $${ for a literal ${) at "
                        + "character 5", error(CONNECT + "  - send: GET ${token\n")));
    }

    @Test
    void aCaptureMakesAVariableForTheStepsAfterIt() throws ScriptException {
        Script script = parse(CONNECT + "  - expect: {regex: 'T=(\\w+)', capture: {token: 1}}\n  - send: GET ${token}\n");
        assertEquals(Step.Match.REGEX, ((Step.Expect) script.steps().get(1)).match());
        assertEquals(java.util.Set.of("token"), ((Step.Send) script.steps().get(2)).payload().names());
    }

    @Test
    void payloadsPatternsAndTargetsAreCheckedWithTheWindowsWords() {
        assertAll(
                () -> assertEquals("s.yaml:3:11: Unknown macro at character 4: \u201c{{COUNTR}}\u201d (macros: {{COUNTER}} "
                        + "{{TIME}} {{DATE}} {{UNIX}} {{UNIX_MS}} {{RANDOM:N}} {{HEX:..}}; write {{{{ for a literal {{).",
                        error(CONNECT + "  - send: hi {{COUNTR}}\n")),
                () -> assertEquals("s.yaml:3:17: Odd number of hex digits at character 4: \u201c3\u201d.",
                        error(CONNECT + "  - send: {hex: 01 3}\n")),
                () -> assertEquals("s.yaml:2:20: The port must be between 1 and 65535.",
                        error("steps:\n  - connect: {tcp: 127.0.0.1:99999}\n")),
                () -> assertEquals("s.yaml:2:20: \"::1:80\": an IPv6 address goes in brackets, e.g. [::1]:5000",
                        error("steps:\n  - connect: {tcp: \"::1:80\"}\n")),
                () -> assertEquals("s.yaml:3:19: Not a hex digit at character 4: \u201cZ\u201d.",
                        error(CONNECT + "  - expect: {hex: 01 ZZ}\n")),
                () -> assertEquals("s.yaml:3:21: regex: Unclosed group at character 4",
                        error(CONNECT + "  - expect: {regex: 'a(b'}\n")),
                () -> assertEquals("s.yaml:3:42: capture t: the regex has 1 group, no group 2",
                        error(CONNECT + "  - expect: {regex: 'a(b)', capture: {t: 2}}\n")),
                () -> assertEquals("s.yaml:3:46: capture t: the regex has no group named \"w\" (v)",
                        error(CONNECT + "  - expect: {regex: 'a(?<v>b)', capture: {t: w}}\n")),
                () -> assertEquals("s.yaml:3:32: capture: only a regex has groups to capture",
                        error(CONNECT + "  - expect: {text: a, capture: {t: 1}}\n")),
                () -> assertEquals("s.yaml:3:11: nothing to send", error(CONNECT + "  - send: \"\"\n")));
    }

    @Test
    void numbersAndSwitchesAreCheckedWhereTheyAre() {
        assertAll(
                () -> assertEquals("s.yaml:3:32: timeout: \"soon\" is not a time: write milliseconds (1 to 86400000) "
                        + "like 500, or 500ms, 2s, 1.5s", error(CONNECT + "  - expect: {text: a, timeout: soon}\n")),
                () -> assertEquals("s.yaml:3:21: times: \"0\" is not a whole number from 1 to 1000000",
                        error(CONNECT + "  - repeat: {times: 0, steps: [close]}\n")),
                () -> assertEquals("s.yaml:2:45: timeout: UDP has no handshake to wait for",
                        error("steps:\n  - connect: {udp: 127.0.0.1:5000, timeout: 5}\n")),
                () -> assertEquals("s.yaml:3:30: escapes: write true or false",
                        error(CONNECT + "  - send: {text: a, escapes: maybe}\n")),
                () -> assertEquals("s.yaml:3:31: Unknown encoding: NOPE", error(CONNECT + "  - send: {text: a, encoding: NOPE}\n")),
                () -> assertEquals("s.yaml:3:31: line-end: \"lfcr\" is none of none, cr, lf, crlf",
                        error(CONNECT + "  - send: {text: a, line-end: lfcr}\n")));
    }

    /**
     * An encoding Java can only decode (ISO-2022-CN, x-JISAutoDetect) may show what a connection
     * receives, but text cannot be sent in it: the send that would is refused where it is.
     */
    @Test
    void anEncodingThatCanOnlyDecodeSendsNoText() {
        assertAll(
                () -> assertEquals("s.yaml:3:18: ISO-2022-CN can only decode: Java has no encoder for it, so no"
                        + " text can be sent in it (it can still show what arrives)",
                        error(CONNECT + "  - send: {text: a, encoding: ISO-2022-CN}\n")),
                () -> assertEquals("s.yaml:3:11: x-JISAutoDetect can only decode: Java has no encoder for it, so"
                        + " no text can be sent in it (it can still show what arrives)",
                        error("steps:\n  - connect: {tcp: 127.0.0.1:5000, encoding: x-JISAutoDetect}\n  - send: hi\n")),
                () -> assertDoesNotThrow(() -> parse("steps:\n  - connect: {tcp: 127.0.0.1:5000, encoding: ISO-2022-CN}\n"
                        + "  - send: {hex: 01 02}\n  - expect: x\n"), "hex is sent as it is; text is shown"));
    }

    @Test
    void aFileThatIsNoScriptSaysSo() {
        assertAll(() -> assertEquals("s.yaml:1:1: the file has no script: it needs at least steps", error("")),
                () -> assertEquals("s.yaml:1:1: the file has no script: it needs at least steps", error("# only a comment\n")),
                () -> assertEquals("s.yaml:1:1: the script takes a mapping with name, vars and steps", error("- close\n")),
                () -> assertEquals("s.yaml:1:1: the script needs \"steps\": a list of connect, send, expect, sleep, "
                        + "repeat, close", error("name: x\n")),
                () -> assertEquals("s.yaml:1:8: steps has no steps", error("steps: []\n")));
    }

    @Test
    void aFileThatCannotBeReadIsAProblemOfItsOwn(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        assertEquals(latin1 + ": not UTF-8 text",
                assertThrows(ScriptException.class, () -> ScriptLoader.load(latin1, Map.of())).getMessage());
        assertEquals(dir.resolve("none.yaml") + ": no such file",
                assertThrows(ScriptException.class, () -> ScriptLoader.load(dir.resolve("none.yaml"), Map.of()))
                        .getMessage());
    }
}
