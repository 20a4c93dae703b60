package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.SinkServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
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
            try (CliProcess chinese = CliProcess.start(null, List.of("-Duser.language=zh", "-Duser.country=CN"),
                    "send", "tcp", "127.0.0.1", port, "--file", missing.toString())) {
                chinese.closeInput();
                assertSaidOnce(chinese, 1, "\u65e0\u6cd5\u6253\u5f00 " + missing + "\uff1a\u6587\u4ef6\u6216\u6587\u4ef6\u5939\u4e0d\u5b58\u5728",
                        missing);
            }
        }
    }

    /** A rules file that is not one says where and what in the language's words, not a developer's English. */
    @Test
    void aRulesFileWithAnUnknownChecksumSaysWhereInChinese(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("r.json"), "{\"rules\": [{\"name\": \"a\", \"payload\": \"OK\","
                + " \"match\": \"CONTAINS\", \"pattern\": \"AT\"}, {\"name\": \"b\", \"payload\": \"OK\","
                + " \"match\": \"CONTAINS\", \"pattern\": \"AT\", \"checksum\": \"CRC64\"}]}");
        try (CliProcess cli = CliProcess.start(null, List.of("-Duser.language=zh", "-Duser.country=CN"),
                "listen", "tcp", "--bind", "127.0.0.1", "0", "--rules", rules.toString())) {
            cli.closeInput();
            assertSaidOnce(cli, 2, "\u65e0\u6cd5\u5bfc\u5165 " + rules + "\uff1a\u7b2c 2 \u9879\u7684\u5b57\u6bb5"
                    + "\u201cchecksum\u201d\uff1a\u672a\u77e5\u7684\u503c\u201cCRC64\u201d", rules);
        }
    }

    @Test
    void aCaptureIntoAMissingFolderSaysNoSuchFile(@TempDir Path dir) {
        Path capture = dir.resolve("absent").resolve("traffic.bin");
        assertSaidOnce(CliProcess.run("listen", "tcp", "--bind", "127.0.0.1", "0", "--capture", capture.toString()), 1,
                "Cannot capture to " + capture + ": no such file or folder", capture);
    }

    /**
     * A capture that cannot grow (the system's file size limit: "File too large", which root
     * meets too) stops with one line in the chosen language's words, and the listen goes on to
     * its summary. It printed "Capture to traffic.bin stopped: File too large" and, on standard
     * error, the engine's "warn capture to … failed after … bytes: java.io.IOException: File too large".
     */
    @Test
    void aCaptureThatCannotGrowSaysWhyInWordsAndTheListenGoesOn(@TempDir Path dir) throws Exception {
        String english = "Capture to %s stopped: the file is as large as the system allows";
        String chinese = "\u4fdd\u5b58\u5230 %s \u5df2\u505c\u6b62\uff1a\u6587\u4ef6\u5df2\u8fbe\u5230"
                + "\u7cfb\u7edf\u5141\u8bb8\u7684\u6700\u5927\u5927\u5c0f";
        for (List<String> language : List.of(List.<String>of(), List.of("-Duser.language=zh", "-Duser.country=CN"))) {
            Path capture = dir.resolve("traffic" + language.size() + ".bin");
            String words = String.format(language.isEmpty() ? english : chinese, capture);
            byte[] flood = new byte[512 * 1024]; // beyond a limit of 256 blocks of 512 or 1,024 bytes: the flush at the end fails
            try (CliProcess cli = CliProcess.startWithFileSizeLimit(256, language, "listen", "tcp", "--bind", "127.0.0.1",
                    "0", "--capture", capture.toString(), "--capture-format", "raw")) {
                cli.closeInput();
                int port = EventLines.listeningPort(cli.awaitLine(EventLines.matching("listening", "127\\.0\\.0\\.1:\\d+"),
                        "the listening line"));
                try (Socket client = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
                    OutputStream out = client.getOutputStream();
                    out.write(flood);
                } // the end of the session flushes the capture, past the limit
                String said = cli.awaitLine(line -> line.contains(" error ") && line.contains(capture.toString()), "the capture's fault");
                assertEquals(words, said.substring(said.indexOf(" error ") + " error ".length()));
                cli.interrupt();
                int exit = cli.awaitExit();
                String errors = cli.errors();
                assertAll(() -> assertEquals(130, exit, cli::toString),
                        () -> assertTrue(cli.lines().get(cli.lines().size() - 1).contains(" rx 524288 B"),
                                () -> "the listen read on to its summary: " + cli),
                        () -> assertFalse(errors.contains("File too large"), () -> "no system text: " + cli),
                        () -> assertFalse(errors.contains("Exception"), () -> "no exception: " + cli));
            }
        }
    }
}
