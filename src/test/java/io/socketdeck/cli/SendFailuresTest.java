package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.BlackholeServer;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.ResettingServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a send fails has its own exit status and the window's words on standard error, never a
 * stack trace: scripts tell a refused port from an unknown host from bad input.
 */
class SendFailuresTest {

    @TempDir
    Path folder;

    private static void assertFailed(CliProcess cli, int status, String words) {
        assertAll(() -> assertEquals(status, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.errors().contains(words), () -> "expected \u201c" + words + "\u201d in " + cli),
                () -> assertFalse(cli.errors().contains("Exception") || cli.errors().contains("\tat "),
                        () -> "a stack trace: " + cli));
    }

    @Test
    void aRefusedConnectionIsStatus3() {
        int port = ClosedPort.find();
        assertFailed(CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(port), "hi"), 3,
                "Connection refused by 127.0.0.1:" + port + ": nothing is listening on that port");
    }

    @Test
    void withJsonTheEndIsAnEventLineToo() throws IOException {
        int port = ClosedPort.find();
        CliProcess cli = CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(port), "hi", "--json");
        assertFailed(cli, 3, "Connection refused by 127.0.0.1:" + port);
        Map<String, Object> end = JSON.std.mapFrom(cli.lines().get(cli.lines().size() - 1));
        assertEquals("error", end.get("event"));
        assertEquals(3, end.get("exit"));
        assertEquals(cli.errors().strip(), end.get("message"));
    }

    @Test
    void aHostNameWithoutAddressIsStatus5() {
        assertFailed(CliProcess.run("send", "tcp", "nohost.invalid", "80", "hi"), 5,
                "Unknown host \u201cnohost.invalid\u201d: no address found for this name");
    }

    @Test
    void noAnswerToTheConnectIsStatus4() throws IOException {
        try (BlackholeServer blackhole = new BlackholeServer()) {
            assertFailed(CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(blackhole.port()), "hi",
                    "--connect-timeout", "500"), 4, "No answer from 127.0.0.1:" + blackhole.port());
        }
    }

    @Test
    void aResetWhileWaitingForTheReplyIsStatus1() throws IOException {
        try (ResettingServer server = new ResettingServer();
             CliProcess cli = CliProcess.start("send", "tcp", "127.0.0.1", Integer.toString(server.port()), "req",
                     "--wait-reply", "60000")) {
            cli.closeInput();
            server.awaitAccepted(1, CliProcess.EXIT_TIMEOUT);
            Await.until(() -> server.received(0).length == 3, CliProcess.EXIT_TIMEOUT, "the request at the server");
            server.resetAll();
            assertFailed(cli, 1, "Connection reset by 127.0.0.1:" + server.port());
        }
    }

    @Test
    void aBadPortIsAUsageErrorInTheWindowsWords() {
        CliProcess cli = CliProcess.run("send", "tcp", "127.0.0.1", "0", "hi");
        assertFailed(cli, 2, "PORT: The port must be between 1 and 65535.");
        assertTrue(cli.errors().contains("Usage: socketdeck send"), cli::toString);
    }

    @Test
    void badHexIsAUsageErrorNamingTheCharacter() {
        assertFailed(CliProcess.run("send", "udp", "127.0.0.1", "9", "01 0G", "--hex"), 2,
                "Not a hex digit at character 5: \u201cG\u201d.");
    }

    @Test
    void anUnknownMacroIsAUsageError() {
        assertFailed(CliProcess.run("send", "tcp", "127.0.0.1", "9", "x{{NOPE}}"), 2,
                "Unknown macro at character 2: \u201c{{NOPE}}\u201d");
    }

    @Test
    void theWordsAreChineseInAChineseLocale() {
        try (CliProcess cli = CliProcess.start(null, List.of("-Duser.language=zh", "-Duser.country=CN"),
                "send", "tcp", "127.0.0.1", "65536", "hi")) {
            cli.closeInput();
            assertFailed(cli, 2, "PORT: \u7aef\u53e3\u5fc5\u987b\u5728 1 \u5230 65535 \u4e4b\u95f4\u3002");
        }
    }

    @Test
    void anUnreadableFileIsStatus1() {
        assertFailed(CliProcess.run("send", "tcp", "127.0.0.1", "9", "--file", "/nonexistent/request.bin"), 1,
                "Cannot open /nonexistent/request.bin");
    }

    @Test
    void anEncodingThatCanOnlyDecodeIsAUsageErrorNamingIt() {
        assertFailed(CliProcess.run("send", "udp", "127.0.0.1", "9", "hi", "--encoding", "ISO-2022-CN"), 2,
                "--encoding ISO-2022-CN can only decode");
    }

    /**
     * A peer that accepts and never reads: 8 MiB cannot all be written (the socket buffers hold a
     * few), and the send ends after {@code --wait-reply} without progress, not never.
     */
    @Test
    void aPeerThatDoesNotReadEndsTheSendAfterWaitReply() throws IOException {
        assertStalledSendEnds("--wait-reply", "2000");
    }

    @Test
    void aPeerThatDoesNotReadEndsTheSendAfterSendTimeout() throws IOException {
        assertStalledSendEnds("--send-timeout", "1000");
    }

    private void assertStalledSendEnds(String... timeout) throws IOException {
        Path file = Files.write(folder.resolve("8mib.bin"), new byte[8 << 20]);
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096); // before bind: the accepted socket's, small
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            server.setSoTimeout((int) CliProcess.EXIT_TIMEOUT.toMillis());
            String[] args = {"send", "tcp", "127.0.0.1", Integer.toString(server.getLocalPort()), "--file",
                file.toString(), timeout[0], timeout[1]};
            try (CliProcess cli = CliProcess.start(args); Socket notReading = server.accept()) {
                cli.closeInput();
                assertFailed(cli, 6, "127.0.0.1:" + server.getLocalPort() + " is not reading: ");
                assertTrue(cli.errors().contains(" of 8,388,608 bytes written"), cli::toString);
                assertTrue(notReading.isConnected());
            }
        }
    }
}
