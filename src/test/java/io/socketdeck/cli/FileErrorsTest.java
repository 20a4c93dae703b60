package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.SinkServer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the command line cannot open is named once, with the reason in words of the chosen
 * language: not "Cannot open /x/missing.bin: /x/missing.bin", the path being all the system's
 * exception says for a missing file or a denied one.
 */
class FileErrorsTest {

    private static void assertSaidOnce(CliProcess cli, int status, String words, Path file) {
        int exit = cli.exitCode(); // waits for the end: all it said is read then
        String errors = cli.errors();
        assertAll(() -> assertEquals(status, exit, cli::toString),
                () -> assertTrue(errors.contains(words), () -> "expected \u201c" + words + "\u201d in " + cli),
                () -> assertEquals(1, errors.split(Pattern.quote(file.toString()), -1).length - 1,
                        () -> "the path once: " + cli));
    }

    @Test
    void aMissingFileToSendSaysNoSuchFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.bin");
        try (SinkServer listener = new SinkServer()) {
            String port = Integer.toString(listener.address().getPort());
            assertSaidOnce(CliProcess.run("send", "tcp", "127.0.0.1", port, "--file", missing.toString()), 1,
                    "Cannot open " + missing + ": no such file or folder", missing);
            CliProcess chinese = CliProcess.start(null, List.of("-Duser.language=zh", "-Duser.country=CN"),
                    "send", "tcp", "127.0.0.1", port, "--file", missing.toString());
            chinese.closeInput();
            assertSaidOnce(chinese, 1, "\u65e0\u6cd5\u6253\u5f00 " + missing + "\uff1a\u6587\u4ef6\u6216\u6587\u4ef6\u5939\u4e0d\u5b58\u5728",
                    missing);
        }
    }

    @Test
    void aCaptureIntoAMissingFolderSaysNoSuchFile(@TempDir Path dir) {
        Path capture = dir.resolve("absent").resolve("traffic.bin");
        assertSaidOnce(CliProcess.run("listen", "tcp", "--bind", "127.0.0.1", "0", "--capture", capture.toString()), 1,
                "Cannot capture to " + capture + ": no such file or folder", capture);
    }
}
