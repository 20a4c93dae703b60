package io.socketdeck.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketdeck.core.capture.CaptureFailure;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.respond.RuleSet;
import io.socketdeck.core.send.QuickCommand;
import java.nio.file.Path;
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
        assertEquals("Capture to /full/c.log stopped: the disk is full (No space left on device)",
                InputErrors.captureFailed(new CaptureFailure(CaptureFailure.Kind.DISK_FULL, Path.of("/full/c.log"), 0,
                        "No space left on device")));
    }

    @Test
    void chineseSaysItInChinese() {
        Language.use(Language.CHINESE);
        assertEquals("无法导入 rules.json：x", InputErrors.importFailed("rules.json", "x"));
    }
}
