package io.socketdeck.cli;

import static io.socketdeck.cli.EventLines.indexOf;
import static io.socketdeck.cli.EventLines.line;
import static io.socketdeck.cli.EventLines.matching;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code socketdeck send udp}: one datagram, its reply, and an ICMP "port unreachable" heard as a refusal. */
class SendUdpTest {

    @Test
    void theReplyDatagramIsPrintedInTheEncodingAsked() throws IOException {
        assumeTrue(PythonPeer.available(), "python3 not installed: the peer is a python3 script");
        try (PythonPeer device = PythonPeer.udpReply("127.0.0.1", "gbk", "\u4f60\u597d")) {
            String peer = "127.0.0.1:" + device.port();
            CliProcess cli = CliProcess.run("send", "udp", "127.0.0.1", Integer.toString(device.port()), "hi",
                    "--encoding", "GBK", "--wait-reply", "30000");
            assertAll(() -> assertEquals(0, cli.exitCode(), cli::toString),
                    () -> assertEquals(0, indexOf(cli.lines(), matching("opened", "127\\.0\\.0\\.1:\\d+")),
                            cli::toString),
                    () -> assertTrue(indexOf(cli.lines(), line("sent", peer + " 2 B hi")) >= 0, cli::toString),
                    () -> assertTrue(indexOf(cli.lines(), line("received", peer + " 4 B \u4f60\u597d")) >= 0,
                            cli::toString));
            Await.until(() -> device.stdout().contains("GOT 6869 FROM 127.0.0.1"), CliProcess.EXIT_TIMEOUT,
                    device::stdout);
        }
    }

    @Test
    void aPortWithNobodyIsRefusedWhenAReplyIsAwaited() throws IOException {
        int port = unusedUdpPort();
        CliProcess cli = CliProcess.run("send", "udp", "127.0.0.1", Integer.toString(port), "anyone?",
                "--wait-reply", "30000");
        assertAll(() -> assertEquals(3, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.errors().contains("Port unreachable at 127.0.0.1:" + port), cli::toString));
    }

    @Test
    void withoutWaitingADatagramIsSentAndThatIsAll() throws IOException {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            receiver.setSoTimeout((int) CliProcess.EXIT_TIMEOUT.toMillis());
            CliProcess cli = CliProcess.run("send", "udp", "127.0.0.1", Integer.toString(receiver.getLocalPort()),
                    "--hex", "7E 01 02 7E");
            assertEquals(0, cli.exitCode(), cli::toString);
            DatagramPacket packet = new DatagramPacket(new byte[100], 100);
            receiver.receive(packet);
            assertEquals("7e01027e", HexFormat.of().formatHex(packet.getData(), 0, packet.getLength()));
        }
    }

    /** A UDP port the system just handed out and took back: nothing listens there now. */
    private static int unusedUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
