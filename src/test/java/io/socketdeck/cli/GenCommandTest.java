package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.UdpProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code socketdeck gen} through the real main in a child JVM, against real peers on loopback. */
class GenCommandTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");
    private static final String CLOCK = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

    @Test
    void udpCountArrivesThatManyTimesAndTheSummarySaysSo() throws Exception {
        try (UdpCountingSink sink = new UdpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "udp", "127.0.0.1", Integer.toString(sink.port()), "--count", "5000");
            assertEquals(0, cli.exitCode(), cli::toString);
            Map<String, String> summary = summary(cli);
            assertEquals("5000", summary.get("messages"), cli::toString);
            assertEquals(Long.toString(5000L * 64), summary.get("bytes"), cli::toString);
            assertEquals("0", summary.get("errors"), cli::toString);
            // Read or dropped by the kernel at the full queue of a reader that fell behind: exactly 5000 came.
            Await.until(() -> sink.arrived() == 5000, ARRIVAL, () -> "arrived " + sink.arrived());
            assertTrue(sink.texts().stream().allMatch(text -> text.equals(text64())), "64 bytes of filler each");
        }
    }

    @Test
    void tcpConnectionsShareTheCountAndEveryByteArrives() throws Exception {
        try (TcpCountingSink sink = new TcpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "tcp", "127.0.0.1", Integer.toString(sink.port()), "--connections", "3",
                    "--count", "30001", "--size", "100");
            assertEquals(0, cli.exitCode(), cli::toString);
            Map<String, String> summary = summary(cli);
            assertEquals("30001", summary.get("messages"), cli::toString);
            assertEquals("3000100", summary.get("bytes"), cli::toString);
            Await.until(() -> sink.connections().size() == 3 && sink.connections().stream().allMatch(
                    TcpCountingSink.Connection::ended), ARRIVAL, () -> "3 connections ended: " + sink.connections().size());
            List<Long> perConnection = sink.connections().stream().map(TcpCountingSink.Connection::count).sorted().toList();
            assertEquals(List.of(1_000_000L, 1_000_000L, 1_000_100L), perConnection, "each its share, whole");
        }
    }

    @Test
    void aCounterInThePayloadArrivesNumbered() throws Exception {
        try (TcpCountingSink sink = new TcpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "tcp", "127.0.0.1", Integer.toString(sink.port()), "n={{COUNTER}}\\n",
                    "--escapes", "--count", "1000");
            assertEquals(0, cli.exitCode(), cli::toString);
            Await.until(() -> sink.connections().size() == 1 && sink.connections().get(0).ended(), ARRIVAL, "the end");
            String text = new String(sink.connections().get(0).bytes(), StandardCharsets.UTF_8);
            String expected = IntStream.rangeClosed(1, 1000).mapToObj(i -> "n=" + i + "\n").collect(Collectors.joining());
            assertEquals(expected, text);
        }
    }

    /**
     * A hex counter padded to two digits makes three at 100, an odd count of hex digits: the run
     * stops there and says so in the send box's words (exit 2, bad input), having sent 1 to 99.
     */
    @Test
    void aPayloadThatNoLongerBuildsStopsTheRunWithTheReason() throws Exception {
        String said = "error Message 100 could not be built with its macros\u2019 new values."
                + " Odd number of hex digits at character 4: \u201c100\u201d.";
        try (TcpCountingSink sink = new TcpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "tcp", "127.0.0.1", Integer.toString(sink.port()), "--hex",
                    "0A {{COUNTER:2}}", "--count", "150");
            assertEquals(2, cli.exitCode(), cli::toString);
            assertTrue(cli.errors().contains(said), cli::toString);
            assertTrue(cli.output().contains("summary messages=99 ") && cli.output().contains(" errors=1"), cli::toString);
            Await.until(() -> sink.connections().size() == 1 && sink.connections().get(0).ended(), ARRIVAL, "the end");
            assertEquals(99 * 2, sink.connections().get(0).bytes().length, "messages 1 to 99, whole");
        }
        try (UdpCountingSink sink = new UdpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "udp", "127.0.0.1", Integer.toString(sink.port()), "--hex",
                    "0A {{COUNTER:2}}", "--count", "150");
            assertEquals(2, cli.exitCode(), cli::toString);
            assertTrue(cli.errors().contains(said), cli::toString);
            assertFalse(cli.errors().contains("\tat "), cli::toString);
        }
    }

    @Test
    void aRateIsNeverExceeded() throws Exception {
        try (UdpCountingSink sink = new UdpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "udp", "127.0.0.1", Integer.toString(sink.port()), "--rate", "200",
                    "--duration", "2");
            assertEquals(0, cli.exitCode(), cli::toString);
            long messages = Long.parseLong(summary(cli).get("messages"));
            Await.until(() -> sink.arrived() == messages, ARRIVAL, () -> "arrived " + sink.arrived() + " of " + messages);
            // Message k goes at start + k / rate at the earliest: over 2 s at most 401, whatever the load.
            // A generous floor only shows it sent at all at that pace (unpaced it would be ~100,000).
            assertAll(() -> assertTrue(messages <= 401, () -> "at most 401 in 2 s at 200/s: " + cli),
                    () -> assertTrue(messages >= 50, () -> "sent at that pace: " + cli),
                    () -> assertTrue(Double.parseDouble(summary(cli).get("rate").replace("/s", "")) <= 201, cli::toString));
        }
    }

    @Test
    void tcpRateIsSharedByTheConnectionsAndNeverExceeded() throws Exception {
        try (TcpCountingSink sink = new TcpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "tcp", "127.0.0.1", Integer.toString(sink.port()), "--rate", "100",
                    "--duration", "2", "--connections", "2", "--size", "10");
            assertEquals(0, cli.exitCode(), cli::toString);
            long messages = Long.parseLong(summary(cli).get("messages"));
            Await.until(() -> sink.connections().stream().mapToLong(TcpCountingSink.Connection::count).sum()
                    == messages * 10, ARRIVAL, "all bytes");
            assertTrue(messages <= 202 && messages >= 25, () -> "2 connections at 50/s for 2 s: at most 2 x 101: " + cli);
        }
    }

    @Test
    void requestResponseOverTcpPrintsRoundTrips() throws Exception {
        try (EchoPeer echo = EchoPeers.tcp()) {
            CliProcess cli = CliProcess.run("gen", "tcp", "127.0.0.1", Integer.toString(echo.port()), "ping",
                    "--request-response", "--count", "200", "--connections", "2");
            assertEquals(0, cli.exitCode(), cli::toString);
            assertRoundTrips(cli, 200);
        }
    }

    @Test
    void requestResponseOverUdpPrintsRoundTrips() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 not installed: the UDP echo peer is a python3 script");
        try (PythonPeer echo = PythonPeer.udpEcho()) {
            CliProcess cli = CliProcess.run("gen", "udp", "127.0.0.1", Integer.toString(echo.port()), "ping {{COUNTER}}",
                    "--request-response", "--count", "100");
            assertEquals(0, cli.exitCode(), cli::toString);
            assertRoundTrips(cli, 100);
        }
    }

    @Test
    void jsonPrintsOnlyJsonLinesTheLastOfThemTheSummary() throws Exception {
        try (UdpCountingSink sink = new UdpCountingSink()) {
            CliProcess cli = CliProcess.run("gen", "udp", "127.0.0.1", Integer.toString(sink.port()), "--count", "100",
                    "--json");
            assertEquals(0, cli.exitCode(), cli::toString);
            for (String line : cli.lines()) {
                Map<String, Object> object = JSON.std.mapFrom(line);
                assertTrue(object.containsKey("time") && object.containsKey("event"), line);
            }
            Map<String, Object> summary = JSON.std.mapFrom(cli.lines().get(cli.lines().size() - 1));
            assertAll(() -> assertEquals("summary", summary.get("event")),
                    () -> assertEquals("udp", summary.get("protocol")),
                    () -> assertEquals(100, ((Number) summary.get("messages")).intValue()),
                    () -> assertEquals(6400, ((Number) summary.get("bytes")).intValue()),
                    () -> assertEquals(0, ((Number) summary.get("errors")).intValue()),
                    () -> assertTrue(summary.get("rate") instanceof Number && summary.get("mb_s") instanceof Number,
                            summary::toString));
        }
    }

    @Test
    void ctrlCPrintsTheSummarySoFarAndExits130() throws Exception {
        try (UdpCountingSink sink = new UdpCountingSink();
             CliProcess cli = CliProcess.start("gen", "udp", "127.0.0.1", Integer.toString(sink.port()), "--rate", "1000",
                     "--duration", "120")) {
            String progress = cli.awaitLine(line -> line.contains(" progress "), "a progress line");
            assertTrue(progress.matches(CLOCK + " progress sent=\\d+ rate=\\d+/s"), progress);
            cli.interrupt();
            assertEquals(130, cli.awaitExit(), cli::toString);
            String last = cli.lines().get(cli.lines().size() - 1);
            assertTrue(last.matches(CLOCK + " summary messages=\\d+ bytes=\\d+ seconds=[\\d.]+ rate=\\d+/s mb_s=[\\d.]+ "
                    + "errors=0 interrupted"), cli::toString);
            long messages = Long.parseLong(fields(last).get("messages"));
            assertTrue(messages > 0, cli::toString);
            Await.until(() -> sink.arrived() == messages, ARRIVAL, () -> "arrived " + sink.arrived() + " of " + messages);
        }
    }

    @Test
    void aRefusedConnectionExits3WithTheWindowsWords() {
        CliProcess cli = CliProcess.run("gen", "tcp", "127.0.0.1", Integer.toString(ClosedPort.find()), "--count", "5");
        assertAll(() -> assertEquals(3, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.errors().contains("Connection refused by 127.0.0.1:"), cli::toString),
                () -> assertTrue(cli.lines().isEmpty(), cli::toString));
    }

    @Test
    void udpToAClosedPortCountsErrorsAndExits3() throws Exception {
        CliProcess cli = CliProcess.run("gen", "udp", "127.0.0.1", Integer.toString(UdpProbe.closedPort("127.0.0.1")),
                "--count", "200", "--rate", "1000");
        Map<String, String> summary = summary(cli);
        assertAll(() -> assertEquals(3, cli.exitCode(), cli::toString),
                () -> assertTrue(Long.parseLong(summary.get("errors")) > 0, cli::toString),
                () -> assertTrue(cli.errors().matches("(?s)" + CLOCK + " error Port unreachable at 127\\.0\\.0\\.1:\\d+.*"),
                        cli::toString),
                () -> assertEquals(1, cli.errors().lines().count(), "one line however many: " + cli));
    }

    @Test
    void anUnknownHostExits5() {
        CliProcess cli = CliProcess.run("gen", "udp", "no-such-host.invalid", "9", "--count", "1");
        assertAll(() -> assertEquals(5, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.errors().contains("no-such-host.invalid"), cli::toString));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--count 5 --duration 1", "--rate 0", "--rate -3", "--count 0", "--duration 0",
        "--connections 2", "--size 70000", "--size 0", "--hex zz", "--bogus", "{{NOPE}}", "--reply-timeout 9000",
        "--size 10 hello"})
    void badOptionsExit2(String options) {
        List<String> args = new java.util.ArrayList<>(List.of("gen", "udp", "127.0.0.1", "9"));
        args.addAll(List.of(options.split(" ")));
        CliProcess cli = CliProcess.run(args.toArray(String[]::new));
        assertAll(() -> assertEquals(2, cli.exitCode(), cli::toString),
                () -> assertTrue(!cli.errors().isBlank() && !cli.errors().contains("\tat "), cli::toString),
                () -> assertTrue(cli.lines().isEmpty(), "nothing sent, nothing printed: " + cli));
    }

    @Test
    void aBadPortOrHostExits2WithTheWindowsWords() {
        CliProcess port = CliProcess.run("gen", "tcp", "127.0.0.1", "70000");
        CliProcess host = CliProcess.run("gen", "tcp", "bad host!", "80");
        assertAll(() -> assertEquals(2, port.exitCode(), port::toString),
                () -> assertTrue(port.errors().contains("PORT: "), port::toString),
                () -> assertEquals(2, host.exitCode(), host::toString),
                () -> assertTrue(host.errors().contains("HOST: "), host::toString));
    }

    private static void assertRoundTrips(CliProcess cli, long count) {
        Map<String, String> summary = summary(cli);
        long p50 = Long.parseLong(summary.get("rtt_p50_us"));
        long p99 = Long.parseLong(summary.get("rtt_p99_us"));
        long max = Long.parseLong(summary.get("rtt_max_us"));
        assertAll(() -> assertEquals(Long.toString(count), summary.get("messages"), cli::toString),
                () -> assertEquals(Long.toString(count), summary.get("replies"), cli::toString),
                () -> assertEquals("0", summary.get("errors"), cli::toString),
                () -> assertTrue(0 < p50 && p50 <= p99 && p99 <= max, cli::toString));
    }

    private static Map<String, String> summary(CliProcess cli) {
        String line = cli.lines().stream().filter(l -> l.matches(CLOCK + " summary .*")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line: " + cli));
        return fields(line);
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static String text64() {
        return "socketdeck gen ".repeat(5).substring(0, 64);
    }
}
