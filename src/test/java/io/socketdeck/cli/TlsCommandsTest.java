package io.socketdeck.cli;

import static io.socketdeck.cli.EventLines.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send --tls} against {@code listen --tls --self-signed}: refused as the window refuses a
 * self-signed server (exit 7, the log's words and the fingerprint to pin), then trusted by that
 * pin; insecure says it is; a plaintext peer and bad TLS input get their own words.
 */
class TlsCommandsTest {

    @TempDir
    Path folder;

    private static CliProcess listen(String... extra) {
        String[] base = {"listen", "tcp", "--bind", "127.0.0.1", "0"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliProcess cli = CliProcess.start(args);
        return cli.orKilled(() -> {
            cli.closeInput();
            cli.awaitLine(matching("listening", "127\\.0\\.0\\.1:\\d+"), "the listening line");
        });
    }

    private static String port(CliProcess listener) {
        return Integer.toString(EventLines.listeningPort(
                listener.awaitLine(matching("listening", ".*"), "the listening line")));
    }

    @Test
    void aSelfSignedServerIsRefusedWithItsFingerprintThenTrustedByThatPin() {
        try (CliProcess server = listen("--tls", "--self-signed", "--echo")) {
            String port = port(server);
            String presenting = server.awaitLine(matching("presenting", ".*SHA-256 .*"), "the certificate presented");
            String fingerprint = presenting.replaceAll(".*SHA-256 ([0-9A-F:]{95}).*", "$1");

            CliProcess refused = CliProcess.run("send", "tcp", "127.0.0.1", port, "hello", "--tls");
            assertEquals(ExitCode.TLS_FAILED.code(), refused.exitCode(), refused::toString);
            assertTrue(refused.errors().contains("unknown issuer"), refused::toString);
            assertTrue(refused.errors().contains("--pin " + fingerprint), refused::toString);

            CliProcess pinned = CliProcess.run("send", "tcp", "127.0.0.1", port, "hello", "--tls", "--pin",
                    fingerprint.toLowerCase(java.util.Locale.ROOT), "--wait-reply", "20000");
            assertEquals(0, pinned.exitCode(), pinned::toString);
            pinned.awaitLine(matching("secured", ".*TLSv1\\.3.*pinned fingerprint.*"), "the handshake's line");
            pinned.awaitLine(matching("received", "127\\.0\\.0\\.1:" + port + " 5 B hello"), "the echo");
            server.awaitLine(matching("secured", ".*TLSv1\\.3.*"), "the server's handshake line");
        }
    }

    @Test
    void insecureTrustsAnyCertificateAndSaysSo() {
        try (CliProcess server = listen("--tls", "--self-signed", "device.lan")) {
            CliProcess insecure = CliProcess.run("send", "tcp", "127.0.0.1", port(server), "x", "--tls", "--insecure");
            assertEquals(0, insecure.exitCode(), insecure::toString);
            insecure.awaitLine(matching("secured", ".*\u201cdevice\\.lan\u201d NOT verified.*"), "the insecure handshake");
        }
    }

    @Test
    void aPlaintextServerIsNamedAsOne() {
        try (CliProcess server = listen("--reply", "HELLO\\r\\n", "--escapes")) {
            CliProcess client = CliProcess.run("send", "tcp", "127.0.0.1", port(server), "x", "--tls");
            assertEquals(ExitCode.TLS_FAILED.code(), client.exitCode(), client::toString);
            assertTrue(client.errors().contains("does not speak TLS"), client::toString);
        }
    }

    @Test
    void badTlsInputIsAUsageErrorInTheWindowsWords() {
        CliProcess missing = CliProcess.run("send", "tcp", "127.0.0.1", "9", "x", "--tls", "--ca-file",
                folder.resolve("nowhere.pem").toString());
        assertEquals(ExitCode.USAGE.code(), missing.exitCode(), missing::toString);
        assertTrue(missing.errors().contains("There is no file"), missing::toString);

        CliProcess badPin = CliProcess.run("send", "tcp", "127.0.0.1", "9", "x", "--tls", "--pin", "12:34");
        assertEquals(ExitCode.USAGE.code(), badPin.exitCode(), badPin::toString);
        assertTrue(badPin.errors().contains("is not a SHA-256 fingerprint"), badPin::toString);

        CliProcess noCert = CliProcess.run("listen", "tcp", "--bind", "127.0.0.1", "0", "--tls");
        assertEquals(ExitCode.USAGE.code(), noCert.exitCode(), noCert::toString);
        assertTrue(noCert.errors().contains("--cert FILE or --self-signed"), noCert::toString);

        CliProcess udp = CliProcess.run("send", "udp", "127.0.0.1", "9", "x", "--tls");
        assertEquals(ExitCode.USAGE.code(), udp.exitCode(), udp::toString);
    }
}
