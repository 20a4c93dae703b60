package io.socketdeck.cli;

import static io.socketdeck.cli.EventLines.line;
import static io.socketdeck.cli.EventLines.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code socketdeck listen udp}: one line per datagram with its sender, echo, and an end after N datagrams. */
class ListenUdpTest {

    private static CliProcess listen(String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"listen", "udp", "--bind", "127.0.0.1", "0"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        CliProcess cli = CliProcess.start(args);
        return cli.orKilled(cli::closeInput);
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

    @Test
    void aCannedReplyIsBuiltWithThePayloadOptionsAndJsonShowsTheEvents() throws IOException {
        try (CliProcess cli = listen("--reply", "OK {{COUNTER}}", "--line-end", "crlf", "--json");
             DatagramSocket device = sender()) {
            String listening = cli.awaitLine(text -> text.contains("\"event\":\"listening\""), "the listening line");
            Map<String, Object> opened = JSON.std.mapFrom(listening);
            String local = (String) opened.get("local");
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                    Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)));
            byte[] request = "status?".getBytes(StandardCharsets.US_ASCII);
            for (int i = 1; i <= 2; i++) {
                device.send(new DatagramPacket(request, request.length, socket));
                DatagramPacket reply = new DatagramPacket(new byte[100], 100);
                device.receive(reply);
                assertEquals("OK " + i + "\r\n", new String(reply.getData(), 0, reply.getLength(),
                        StandardCharsets.US_ASCII));
            }
            String sent = cli.awaitLine(text -> text.contains("\"event\":\"sent\"") && text.contains("OK 2"),
                    "the second reply's line");
            Map<String, Object> event = JSON.std.mapFrom(sent);
            assertEquals("127.0.0.1:" + device.getLocalPort(), event.get("peer"));
            assertEquals(6, event.get("bytes"));
            assertEquals(true, event.get("automatic"));
            assertEquals("OK 2\r\n", event.get("text"));
        }
    }

    /**
     * {@code --reply} is encoded in {@code --encoding}, whatever Java charset it names, as
     * {@code send} encodes its DATA: not only the window's list (GB2312 is no alias of its GBK).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"GB2312, \u4f60\u597d, c4e3bac3", "windows-1252, \u20ac, 80", "UTF-16, \u4f60\u597d, feff4f60597d"})
    void aCannedReplyIsEncodedInTheEncodingAskedFor(String encoding, String reply, String hex) throws IOException {
        try (CliProcess cli = listen("--reply", reply, "--encoding", encoding); DatagramSocket device = sender()) {
            byte[] request = "?".getBytes(StandardCharsets.US_ASCII);
            device.send(new DatagramPacket(request, request.length, address(cli)));
            DatagramPacket answer = new DatagramPacket(new byte[100], 100);
            device.receive(answer);
            assertEquals(hex, HexFormat.of().formatHex(answer.getData(), 0, answer.getLength()), cli::toString);
        }
    }

    /** An encoding Java can only decode cannot build a reply: a usage error naming it, no stack trace. */
    @Test
    void aReplyInAnEncodingThatCanOnlyDecodeIsAUsageError() {
        try (CliProcess cli = listen("--reply", "hi", "--encoding", "x-JISAutoDetect")) {
            assertEquals(2, cli.awaitExit(), cli::toString);
            assertTrue(cli.errors().contains("--encoding x-JISAutoDetect can only decode"),
                    cli::toString);
            assertTrue(!cli.errors().contains("\tat ") && !cli.errors().contains("Exception"), cli::toString);
        }
    }
}
