package io.socketdeck.cli.script;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.PayloadOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ${variables} in a script's text, and a captured value going on the wire as it is. */
class VarTextTest {

    @Test
    void variablesAreFoundAndResolvedAndDollarDollarIsALiteral() throws VarText.Problem {
        VarText text = VarText.parse("GET ${token} for ${user} at $${HOME} and ${token}$");
        assertAll(() -> assertEquals(List.of("token", "user"), List.copyOf(text.names())),
                () -> assertTrue(text.hasVariables()),
                () -> assertEquals("GET abc for me at ${HOME} and abc$",
                        text.resolve(Map.of("token", "abc", "user", "me"))),
                () -> assertEquals("GET <token> for <user> at ${HOME} and <token>$",
                        text.resolveWith(name -> "<" + name + ">")),
                () -> assertFalse(VarText.parse("no $ variables {{COUNTER}}").hasVariables()),
                () -> assertEquals("", VarText.parse("").resolve(Map.of())));
    }

    @Test
    void aMalformedVariableIsAProblemAtItsPosition() {
        VarText.Problem unclosed = assertThrows(VarText.Problem.class, () -> VarText.parse("ab ${token"));
        VarText.Problem badName = assertThrows(VarText.Problem.class, () -> VarText.parse("${1x}"));
        VarText.Problem empty = assertThrows(VarText.Problem.class, () -> VarText.parse("x${}"));
        assertAll(() -> assertEquals(3, unclosed.position()),
                () -> assertEquals(0, badName.position()),
                () -> assertTrue(badName.getMessage().contains("\"${1x}\" is not a variable")),
                () -> assertEquals(1, empty.position()));
    }

    @Test
    void aCapturedValueIsSentAsItIsNeverAsAMacroOrAnEscape() throws Exception {
        Script script = ScriptLoader.parse("s.yaml", """
                steps:
                  - connect: {tcp: 127.0.0.1:5000, line-end: crlf}
                  - expect: {regex: '(.*)', capture: {v: 1}}
                  - send: "[${v}] {{COUNTER}}"
                  - send: {text: '[${v}]\\t', escapes: true}
                  - send: {hex: "01 ${v}"}
                """, Map.of());
        Step.Send plain = (Step.Send) script.steps().get(2);
        Step.Send escaped = (Step.Send) script.steps().get(3);
        Step.Send hex = (Step.Send) script.steps().get(4);
        PayloadOptions connection = Sends.options(plain, StandardCharsets.UTF_8, LineEnding.CRLF);
        Map<String, String> vars = Map.of("v", "{{TIME}} \\n");
        assertAll(
                () -> assertEquals("[{{TIME}} \\n] 7\r\n", new String(Sends.build(plain, connection, vars, () -> 7),
                        StandardCharsets.UTF_8)),
                () -> assertEquals("[{{TIME}} \\n]\t\r\n", new String(Sends.build(escaped,
                        Sends.options(escaped, StandardCharsets.UTF_8, LineEnding.CRLF), vars, () -> 1),
                        StandardCharsets.UTF_8)),
                () -> assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, Sends.build(hex,
                        Sends.options(hex, StandardCharsets.UTF_8, LineEnding.CRLF), Map.of("v", "02 FF"), () -> 1),
                        "a connection's line end is for its text sends, not for hex"),
                () -> assertEquals(Checksum.NONE, connection.checksum()));
    }

    @Test
    void inARegexAValueMatchesItself() throws Exception {
        Script script = ScriptLoader.parse("s.yaml", """
                vars: {v: "a.b"}
                steps:
                  - connect: {tcp: 127.0.0.1:5000}
                  - expect: {regex: 'x${v}y'}
                """, Map.of());
        Expected expected = Expected.of((Step.Expect) script.steps().get(1), script.vars());
        Pattern pattern = ((Expected.Regex) expected).pattern();
        assertTrue(pattern.matcher("xa.by").matches());
        assertFalse(pattern.matcher("xazby").matches());
    }
}
