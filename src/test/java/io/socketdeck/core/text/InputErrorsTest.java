package io.socketdeck.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketdeck.core.capture.CaptureFailure;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.respond.RuleSet;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandFormatException;
import io.socketdeck.core.send.QuickCommandJson;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rule or a file the user gave, refused in the same words by the window and the command line. */
class InputErrorsTest {

    private Locale before;

    @BeforeEach
    void english() {
        before = Language.current();
        Language.use(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Language.use(before);
    }

    private static String problem(Rule rule) {
        return InputErrors.rule(assertThrows(RuleException.class, () -> RuleSet.check(rule)));
    }

    @Test
    void aRuleIsRefusedAtTheCharacterWhereItGoesWrong() {
        assertEquals("Not a valid regular expression at character 5: Unclosed group",
                problem(new Rule(true, Rule.Match.REGEX, "AT+(", QuickCommand.text("r", "OK"), 0)));
        assertEquals("Type what to look for.",
                problem(new Rule(true, Rule.Match.CONTAINS, "", QuickCommand.text("r", "OK"), 0)));
        assertEquals("Nothing to send.",
                problem(new Rule(true, Rule.Match.CONTAINS, "AT", QuickCommand.text("r", ""), 0)));
        assertEquals("Not a hex digit at character 4: \u201cZ\u201d.",
                problem(new Rule(true, Rule.Match.HEX, "01 ZZ", QuickCommand.text("r", "OK"), 0)));
        assertEquals("Unknown macro at character 4: \u201c{{NOPE}}\u201d",
                problem(new Rule(true, Rule.Match.CONTAINS, "AT", QuickCommand.text("r", "OK {{NOPE}}"), 0))
                        .replaceAll(" \\(macros:.*", ""));
    }

    @Test
    void filesAreNamedWithWhatWentWrong() {
        assertEquals("Could not import rules.json: no \"rules\" list",
                InputErrors.importFailed("rules.json", "no \"rules\" list"));
        assertEquals("Cannot open /tmp/x: No such file", InputErrors.fileOpen("/tmp/x", "No such file"));
        assertEquals("Cannot capture to /ro/c.log: Permission denied",
                InputErrors.captureOpen("/ro/c.log", "Permission denied"));
        assertEquals("Capture to /full/c.log stopped: the disk is full",
                InputErrors.captureFailed(new CaptureFailure(CaptureFailure.Kind.DISK_FULL, Path.of("/full/c.log"), 0,
                        new IOException("No space left on device"))));
    }

    @Test
    void chineseSaysItInChinese() {
        Language.use(Language.CHINESE);
        assertEquals("无法导入 rules.json：x", InputErrors.importFailed("rules.json", "x"));
    }

    /** What {@code json} as a quick-command file is refused with, in English and then in Chinese. */
    private static List<String> importProblem(String json) {
        QuickCommandFormatException e = assertThrows(QuickCommandFormatException.class, () -> QuickCommandJson.fromJson(json));
        String english = InputErrors.importProblem(e);
        Language.use(Language.CHINESE);
        String chinese = InputErrors.importProblem(e);
        Language.use(Locale.ENGLISH);
        return List.of(english, chinese);
    }

    @Test
    void anImportIsRefusedInTheUsersLanguageFromTheProblemsParts() {
        assertEquals(List.of("entry 2, field \u201cchecksum\u201d: unknown value \u201cCRC64\u201d",
                        "\u7b2c 2 \u9879\u7684\u5b57\u6bb5\u201cchecksum\u201d\uff1a\u672a\u77e5\u7684\u503c\u201cCRC64\u201d"),
                importProblem("[{\"name\":\"a\",\"payload\":\"x\"},{\"name\":\"b\",\"payload\":\"x\",\"checksum\":\"CRC64\"}]"));
        assertEquals(List.of("entry 1: the field \u201cpayload\u201d is missing",
                        "\u7b2c 1 \u9879\u7f3a\u5c11\u5b57\u6bb5\u201cpayload\u201d"),
                importProblem("[{\"name\":\"a\"}]"));
        assertEquals(List.of("entry 1, field \u201chex\u201d: true or false expected, found text",
                        "\u7b2c 1 \u9879\u7684\u5b57\u6bb5\u201chex\u201d\uff1a\u5e94\u4e3a\u5e03\u5c14\u503c\uff08true \u6216 false\uff09"
                                + "\uff0c\u5b9e\u9645\u662f\u6587\u672c"),
                importProblem("[{\"name\":\"a\",\"payload\":\"x\",\"hex\":\"yes\"}]"));
        assertEquals(List.of("entry 1: an object expected, found text",
                        "\u7b2c 1 \u9879\uff1a\u5e94\u4e3a\u5bf9\u8c61\uff0c\u5b9e\u9645\u662f\u6587\u672c"),
                importProblem("[\"just text\"]"));
        assertEquals(List.of("not a list of commands or rules", "\u4e0d\u662f\u547d\u4ee4\u6216\u89c4\u5219\u7684\u5217\u8868"),
                importProblem("{\"other\": 1}"));
        assertEquals(List.of("not valid JSON at line 2, column 3",
                        "\u4e0d\u662f\u6709\u6548\u7684 JSON\uff1a\u7b2c 2 \u884c\u7b2c 3 \u5217"),
                importProblem("[\n  }"));
        assertEquals("the file is too large to be a list of commands or rules (17,000,000 bytes)",
                InputErrors.importProblem(QuickCommandFormatException.tooLarge(17_000_000)));
    }

    @Test
    void anImportThatCannotBeReadSaysWhy() {
        assertEquals("Could not import /x/r.json: no such file or folder",
                InputErrors.importFailed("/x/r.json", new NoSuchFileException("/x/r.json")));
    }
}
