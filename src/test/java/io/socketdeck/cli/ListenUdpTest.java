package io.socketdeck.cli;

import static io.socketdeck.cli.EventLines.line;
import static io.socketdeck.cli.EventLines.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code socketdeck listen udp}: one line per datagram with its sender, echo, and an end after N datagrams. */
class ListenUdpTest {

    private static CliProcess listen(String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"listen", "udp", "--bind", "127.0.0.1", "0"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        CliProcess cli = CliProcess.start(args);
        cli.closeInput();
        return cli;
    }

    private static InetSocketAddress address(CliProcess cli) throws IOException {
        String listening = cli.awaitLine(matching("listening", "127\\.0\\.0\\.1:\\d+"), "the listening line");
        return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), EventLines.listeningPort(listening));
    }

    private static DatagramSocket sender() throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        socket.setSoTimeout((int) CliProcess.EXIT_TIMEOUT.toMillis());
        return socket;
    }

    @Test
    void eachDatagramIsALineWithItsSenderAndTheEchoGoesBack() throws IOException {
        try (CliProcess cli = listen("--echo"); DatagramSocket device = sender()) {
            byte[] hello = "hello udp\r\n".getBytes(StandardCharsets.US_ASCII);
            device.send(new DatagramPacket(hello, hello.length, address(cli)));
            String peer = "127.0.0.1:" + device.getLocalPort();
            cli.awaitLine(line("received", peer + " 11 B hello udp\\r\\n"), "the datagram's line");
            DatagramPacket echo = new DatagramPacket(new byte[100], 100);
            device.receive(echo);
            assertEquals("hello udp\r\n", new String(echo.getData(), 0, echo.getLength(), StandardCharsets.US_ASCII));
            cli.awaitLine(line("sent", peer + " 11 B hello udp\\r\\n"), "the echo's line");
        }
    }

    @Test
    void countEndsAfterThatManyDatagramsWithTheSummary() throws IOException {
        try (CliProcess cli = listen("--count", "2", "--show", "hex"); DatagramSocket device = sender()) {
            InetSocketAddress socket = address(cli);
            for (String text : new String[] {"A", "BC"}) {
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                device.send(new DatagramPacket(bytes, bytes.length, socket));
            }
            assertEquals(0, cli.awaitExit(), cli::toString);
            String peer = "127.0.0.1:" + device.getLocalPort();
            assertTrue(cli.lines().stream().anyMatch(line("received", peer + " 1 B 41")), cli::toString);
            assertTrue(cli.lines().stream().anyMatch(line("received", peer + " 2 B 42 43")), cli::toString);
            assertTrue(cli.lines().get(cli.lines().size() - 1).endsWith(
                    " summary clients 1 rx 3 B 2 messages tx 0 B 0 messages"), cli::toString);
        }
    }
}
