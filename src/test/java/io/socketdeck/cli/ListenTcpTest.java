package io.socketdeck.cli;

import static io.socketdeck.cli.EventLines.line;
import static io.socketdeck.cli.EventLines.matching;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socketdeck listen tcp} with real clients: several at once, echo, rules, and text cut between reads. */
class ListenTcpTest {

    @TempDir
    Path folder;

    /** Starts {@code listen tcp --bind 127.0.0.1 0 EXTRA...} and returns it once it printed its port. */
    private static CliProcess listen(String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"listen", "tcp", "--bind", "127.0.0.1", "0"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        CliProcess cli = CliProcess.start(args);
        return cli.orKilled(() -> {
            cli.closeInput();
            cli.awaitLine(matching("listening", "127\\.0\\.0\\.1:\\d+"), "the listening line");
        });
    }

    private static InetSocketAddress address(CliProcess cli) throws IOException {
        int port = EventLines.listeningPort(cli.awaitLine(matching("listening", ".*"), "the listening line"));
        return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
    }

    @Test
    @SuppressWarnings("try") // alpha is closed early on purpose: its leaving is what is watched
    void twoClientsAtOnceEachSeenWithTheirLines() throws IOException {
        assumeTrue(PythonPeer.available(), "python3 not installed: the clients are python3 scripts");
        try (CliProcess cli = listen()) {
            InetSocketAddress server = address(cli);
            try (PythonPeer alpha = PythonPeer.tcpClient(server, "alpha\n".getBytes(StandardCharsets.US_ASCII));
                 PythonPeer beta = PythonPeer.tcpClient(server, "beta\n".getBytes(StandardCharsets.US_ASCII))) {
                String a = "127.0.0.1:" + alpha.address().getPort();
                String b = "127.0.0.1:" + beta.address().getPort();
                cli.awaitLine(line("accepted", a), "alpha accepted");
                cli.awaitLine(line("accepted", b), "beta accepted");
                cli.awaitLine(line("received", a + " 6 B alpha\\n"), "alpha's line");
                cli.awaitLine(line("received", b + " 5 B beta\\n"), "beta's line");
                alpha.close();
                cli.awaitLine(matching("closed", a.replace(".", "\\.") + " (peer|reset)"), "alpha leaving");
                assertTrue(beta.isAlive(), "beta stays connected");
            }
            cli.interrupt();
            assertEquals(130, cli.awaitExit(), cli::toString);
            assertTrue(cli.lines().get(cli.lines().size() - 1).endsWith(
                    " summary clients 2 rx 11 B 2 messages tx 0 B 0 messages"), cli::toString);
        }
    }

    @Test
    void echoSendsEveryMessageBack() throws IOException {
        assumeTrue(PythonPeer.available(), "python3 not installed: the client is a python3 script");
        try (CliProcess cli = listen("--echo")) {
            byte[] request = "echo me \u00e9".getBytes(StandardCharsets.UTF_8);
            try (PythonPeer client = PythonPeer.tcpClient(address(cli), request)) {
                Await.until(() -> client.received().length == request.length, CliProcess.EXIT_TIMEOUT,
                        () -> "the echo at the client: " + client.stdout() + "\n" + cli);
                assertArrayEquals(request, client.received());
                cli.awaitLine(line("sent", "127.0.0.1:" + client.address().getPort() + " 10 B echo me \u00e9"),
                        "the echo's line");
            }
        }
    }

    @Test
    void rulesFromTheTabsFileAnswerARequest() throws IOException {
        assumeTrue(PythonPeer.available(), "python3 not installed: the client is a python3 script");
        Path rules = folder.resolve("rules.json");
        Files.writeString(rules, """
                {"format": "socketdeck.auto-reply-rules", "version": 1, "rules": [
                  {"name": "temperature", "match": "STARTS_WITH", "pattern": "GET temp",
                   "payload": "temp=21.5 #{{COUNTER}}\\\\r\\\\n", "escapes": true},
                  {"name": "never", "enabled": false, "match": "CONTAINS", "pattern": "GET", "payload": "no"}
                ]}""");
        try (CliProcess cli = listen("--rules", rules.toString())) {
            byte[] request = "GET temp\n".getBytes(StandardCharsets.US_ASCII);
            try (PythonPeer client = PythonPeer.tcpClient(address(cli), request)) {
                byte[] answer = "temp=21.5 #1\r\n".getBytes(StandardCharsets.US_ASCII);
                Await.until(() -> client.received().length == answer.length, CliProcess.EXIT_TIMEOUT,
                        () -> "the rule's answer at the client: " + client.stdout() + "\n" + cli);
                assertArrayEquals(answer, client.received());
            }
        }
    }

    /**
     * A rule's encoding that the window does not offer (it would send UTF-8 instead) is the one the
     * command line answers in, as it encodes {@code --encoding}: a file written for the command line
     * means what it says.
     */
    @Test
    void aRulesEncodingBeyondTheWindowsListIsTheOneTheAnswerIsIn() throws IOException {
        Path rules = folder.resolve("sjis.json");
        Files.writeString(rules, """
                [{"name": "test", "match": "EXACT", "pattern": "req", "payload": "\u30c6\u30b9\u30c8",
                  "charset": "Shift_JIS"}]""");
        try (CliProcess cli = listen("--rules", rules.toString()); Socket client = new Socket()) {
            client.connect(address(cli));
            client.setSoTimeout((int) CliProcess.EXIT_TIMEOUT.toMillis());
            client.getOutputStream().write("req".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            assertEquals("836583588367", HexFormat.of().formatHex(client.getInputStream().readAllBytes()),
                    cli::toString);
            assertEquals("", cli.errors(), "no warning: nothing fell back to UTF-8");
        }
    }

    /** A rule in an encoding Java does not know, or can only decode, is refused with its name, not sent as UTF-8. */
    @Test
    void aRuleInAnEncodingThatCannotSendIsAUsageError() throws IOException {
        Path unknown = Files.writeString(folder.resolve("unknown.json"), """
                [{"name": "greet", "match": "CONTAINS", "pattern": "hi", "payload": "hello", "charset": "NOPE-1"}]""");
        Path decodeOnly = Files.writeString(folder.resolve("decode-only.json"), """
                [{"name": "greet", "match": "CONTAINS", "pattern": "hi", "payload": "hello",
                  "charset": "ISO-2022-CN"}]""");
        CliProcess first = CliProcess.run("listen", "tcp", "--bind", "127.0.0.1", "0", "--rules", unknown.toString());
        CliProcess second = CliProcess.run("listen", "tcp", "--bind", "127.0.0.1", "0", "--rules",
                decodeOnly.toString());
        assertAll(() -> assertEquals(2, first.exitCode(), first::toString),
                () -> assertTrue(first.errors().contains(unknown + ", \u201cgreet\u201d: Unknown encoding: NOPE-1"),
                        first::toString),
                () -> assertEquals(2, second.exitCode(), second::toString),
                () -> assertTrue(second.errors().contains(decodeOnly + ", \u201cgreet\u201d: ISO-2022-CN can only decode"),
                        second::toString),
                () -> assertFalse(first.errors().contains("\tat ") || second.errors().contains("\tat "),
                        () -> first + "\n" + second));
    }

    /** A client that sends, shuts its output and waits (nc -N) still gets a delayed rule's answer. */
    @Test
    void aDelayedAnswerReachesAClientThatFinishedSending() throws IOException {
        Path rules = folder.resolve("slow.json");
        Files.writeString(rules, """
                [{"name": "slow", "match": "EXACT", "pattern": "req", "payload": "late", "delayMs": 300}]""");
        try (CliProcess cli = listen("--rules", rules.toString()); Socket client = new Socket()) {
            client.connect(address(cli));
            client.setSoTimeout((int) CliProcess.EXIT_TIMEOUT.toMillis());
            client.getOutputStream().write("req".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            assertArrayEquals("late".getBytes(StandardCharsets.US_ASCII), client.getInputStream().readAllBytes(),
                    "the answer, then the server's close");
            cli.awaitLine(line("closed", "127.0.0.1:" + client.getLocalPort() + " peer"), "the client's end");
        }
    }

    /**
     * GBK's two-byte characters cut between reads: each read's line shows the characters it
     * completes, never a replacement mark, as the window's log shows them.
     */
    @Test
    void gbkTextCutBetweenReadsIsShownWhole() throws IOException {
        Charset gbk = Charset.forName("GBK");
        byte[] text = "\u4e2d\u6587\u6d4b\u8bd5".getBytes(gbk); // D6 D0 CE C4 B2 E2 CA D4
        try (CliProcess cli = listen("--encoding", "GBK");
             Socket client = new Socket()) {
            client.setTcpNoDelay(true);
            client.connect(address(cli));
            String peer = "127.0.0.1:" + client.getLocalPort();
            OutputStream out = client.getOutputStream();
            out.write(text, 0, 1); // D6: no whole character yet
            cli.awaitLine(line("received", peer + " 1 B \u2039D6\u203a"), "the lone lead byte, as pending hex");
            out.write(text, 1, 2); // D0 CE: completes 中, begins 文
            cli.awaitLine(line("received", peer + " 2 B \u4e2d"), "中 whole");
            out.write(text, 3, 5); // C4 B2 E2 CA D4: completes 文, then 测试
            cli.awaitLine(line("received", peer + " 5 B \u6587\u6d4b\u8bd5"), "文测试 whole");
            assertTrue(cli.lines().stream().noneMatch(l -> l.contains("\ufffd")), cli::toString);
            assertEquals("d6d0cec4b2e2cad4", HexFormat.of().formatHex(text));
        }
    }
}
