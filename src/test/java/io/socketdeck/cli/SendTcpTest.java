package io.socketdeck.cli;

import static io.socketdeck.cli.EventLines.indexOf;
import static io.socketdeck.cli.EventLines.line;
import static io.socketdeck.cli.EventLines.matching;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.PythonPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code socketdeck send tcp} against real python3 peers, through the real main in a child JVM. */
class SendTcpTest {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(30);

    /** How many free ports a test tries when the one it was given was taken before it was used. */
    private static final int PORT_ATTEMPTS = 5;

    @BeforeAll
    static void python() {
        assumeTrue(PythonPeer.available(), "python3 not installed: the peers are python3 scripts");
    }

    @Test
    void theEchoOfWhatWasSentIsPrintedAsTheReply() throws IOException {
        try (PythonPeer echo = PythonPeer.tcpEcho()) {
            String peer = "127.0.0.1:" + echo.port();
            CliProcess cli = CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(echo.port()),
                    "hello\\r\\n", "--escapes", "--wait-reply", "30000");
            List<String> lines = cli.lines();
            int connected = indexOf(lines, line("connected", peer));
            int sent = indexOf(lines, line("sent", peer + " 7 B hello\\r\\n"));
            int received = indexOf(lines, line("received", peer + " 7 B hello\\r\\n"));
            int closed = indexOf(lines, line("closed", peer + " local"));
            assertAll(() -> assertEquals(0, cli.exitCode(), cli::toString),
                    () -> assertTrue(connected >= 0 && connected < sent && sent < received && received < closed,
                            cli::toString),
                    () -> assertEquals("", cli.errors()));
        }
    }

    @Test
    void standardInputIsTheDataWhenNoneIsGiven() throws IOException {
        try (PythonPeer echo = PythonPeer.tcpEcho()) {
            String peer = "127.0.0.1:" + echo.port();
            try (CliProcess cli = CliProcess.start("send", "tcp", "127.0.0.1", Integer.toString(echo.port()),
                    "--wait-reply", "30000")) {
                cli.write("from stdin \u2713".getBytes(StandardCharsets.UTF_8));
                cli.closeInput();
                assertEquals(0, cli.awaitExit(), cli::toString);
                assertTrue(indexOf(cli.lines(), line("received", peer + " 14 B from stdin \u2713")) >= 0,
                        cli::toString);
            }
        }
    }

    @Test
    void hexWithAModbusChecksumReachesThePeerByteForByte() throws IOException {
        try (PythonPeer device = PythonPeer.start("tcp_record.py", "127.0.0.1")) {
            CliProcess cli = CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(device.port()),
                    "01 03 00 00 00 0A", "--hex", "--checksum", "crc16-modbus", "--show", "hex");
            assertEquals(0, cli.exitCode(), cli::toString);
            assertTrue(indexOf(cli.lines(), line("sent", "127.0.0.1:" + device.port() + " 8 B 01 03 00 00 00 0A C5 CD"))
                    >= 0, cli::toString);
            assertEquals("01030000000ac5cd", receivedHex(device), device.stdout());
        }
    }

    @Test
    void aSilentPeerIsNoReplyWithStatus6() throws IOException {
        try (PythonPeer device = PythonPeer.start("tcp_record.py", "127.0.0.1")) {
            CliProcess cli = CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(device.port()), "ping",
                    "--wait-reply", "700");
            assertAll(() -> assertEquals(6, cli.exitCode(), cli::toString),
                    () -> assertEquals("No reply from 127.0.0.1:" + device.port() + " within 700 ms",
                            cli.errors().strip()),
                    () -> assertEquals("70696e67", receivedHex(device), "the request went out all the same"));
        }
    }

    @Test
    void countSendsAgainAtTheIntervalWithTheCounterCountingUp() throws IOException {
        try (PythonPeer device = PythonPeer.start("tcp_record.py", "127.0.0.1")) {
            CliProcess cli = CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(device.port()),
                    "n{{COUNTER}};", "--count", "3", "--interval", "50");
            assertEquals(0, cli.exitCode(), cli::toString);
            assertEquals(3, cli.lines().stream().filter(matching("sent", "127\\.0\\.0\\.1:\\d+ 3 B n\\d;")).count(),
                    cli::toString);
            assertEquals("n1;n2;n3;", new String(HexFormat.of().parseHex(receivedHex(device)),
                    StandardCharsets.US_ASCII));
        }
    }

    @Test
    void jsonPrintsTheSameEventsOneObjectPerLine() throws IOException {
        try (PythonPeer echo = PythonPeer.tcpEcho()) {
            CliProcess cli = CliProcess.run("send", "tcp", "127.0.0.1", Integer.toString(echo.port()), "\u4f60\u597d",
                    "--wait-reply", "30000", "--json");
            assertEquals(0, cli.exitCode(), cli::toString);
            List<String> events = new ArrayList<>();
            Map<String, Object> received = null;
            for (String text : cli.lines()) {
                Map<String, Object> object = JSON.std.mapFrom(text);
                assertTrue(object.get("time").toString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), text);
                events.add((String) object.get("event"));
                if ("received".equals(object.get("event"))) {
                    received = object;
                }
            }
            assertEquals(List.of("connected", "sent", "received", "closed"), events, cli::toString);
            assertEquals("\u4f60\u597d", received.get("text"));
            assertEquals(6, received.get("bytes"));
            assertEquals("127.0.0.1:" + echo.port(), received.get("peer"));
        }
    }

    @Test
    void ctrlCWhileWaitingForTheReplyPrintsTheSummaryAndExits130() throws IOException {
        try (PythonPeer device = PythonPeer.start("tcp_record.py", "127.0.0.1");
             CliProcess cli = CliProcess.start("send", "tcp", "127.0.0.1", Integer.toString(device.port()), "ping",
                     "--wait-reply", "120000")) {
            cli.closeInput();
            cli.awaitLine(line("sent", "127.0.0.1:" + device.port() + " 4 B ping"), "the sent line");
            cli.interrupt();
            assertEquals(130, cli.awaitExit(), cli::toString);
            List<String> lines = cli.lines();
            assertTrue(line("summary", "rx 0 B 0 messages tx 4 B 1 messages").test(lines.get(lines.size() - 1)),
                    cli::toString);
        }
    }

    @Test
    void theLocalPortAskedForIsTheOneThePeerSees() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            // A port free a moment ago may be someone else's by the time the child JVM binds it:
            // then another, as a user would. The send needs no accept (the connection waits in the
            // backlog), so the command ends before the test looks at what it did.
            for (int attempt = 1; ; attempt++) {
                int localPort = freePort();
                try (CliProcess cli = CliProcess.start("send", "tcp", "127.0.0.1", Integer.toString(server.getLocalPort()),
                        "hi", "--bind", "127.0.0.1", "--local-port", Integer.toString(localPort))) {
                    cli.closeInput();
                    int exit = cli.awaitExit();
                    if (exit == 1 && cli.errors().startsWith("The port is already in use") && attempt < PORT_ATTEMPTS) {
                        continue;
                    }
                    assertEquals(0, exit, cli::toString);
                    try (Socket accepted = Blocking.accept(server)) {
                        assertEquals(localPort, accepted.getPort());
                    }
                    return;
                }
            }
        }
    }

    /** A port the system just handed out and took back: free, as far as anyone can tell. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /** Everything the recording peer read, once the sender finished, as hex. */
    private static String receivedHex(PythonPeer device) {
        Await.until(() -> device.stdout().contains("EOF"), PEER_TIMEOUT, () -> "the peer's EOF: " + device.stdout());
        StringBuilder hex = new StringBuilder();
        for (String line : device.stdout().split("\n")) {
            if (line.startsWith("GOT ")) {
                hex.append(line.substring(4).strip());
            }
        }
        return hex.toString();
    }
}
