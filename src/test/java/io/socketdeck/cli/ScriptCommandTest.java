package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.UdpProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code socketdeck script} through the real main in a child JVM, talking to a little python
 * device (script_device.py: LOGIN gives TOKEN=abc123, GET abc123 gives VALUE=42, PING n gives
 * PONG n, a Modbus-like read gives 01 03 02 00 2A and two random bytes).
 */
class ScriptCommandTest {

    private static final Pattern STEP_LINE = Pattern.compile(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (pass|fail|skip) \\S+ step \\d+ \\(line \\d+(, repeat [\\d/ ]+)?\\) .*");

    @TempDir
    Path dir;
    private PythonPeer device;

    @BeforeEach
    void device() throws IOException {
        assumeTrue(PythonPeer.available(), "python3 not installed: the device is a python script");
        device = PythonPeer.start("script_device.py", "127.0.0.1", "tcp");
    }

    @AfterEach
    void stopDevice() {
        if (device != null) {
            device.close();
        }
    }

    private Path script(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private CliProcess run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "script";
        all[1] = "--var";
        all[2] = "port=" + device.port();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliProcess.run(all);
    }

    private static final String LOGIN = """
            name: login
            vars: {user: admin}
            steps:
              - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
              - send: LOGIN ${user}
              - expect:
                  regex: 'TOKEN=(\\w+)'
                  capture: {token: 1}
              - send: GET ${token}
              - expect: "VALUE=42\\n"
              - close
            """;

    @Test
    void aPassingScriptSendsTheTokenItCapturedAndExits0() throws IOException {
        CliProcess cli = run(script("login.yaml", LOGIN).toString());
        List<String> lines = cli.lines();
        assertAll(() -> assertEquals(0, cli.exitCode(), cli::toString),
                () -> assertEquals(7, lines.size(), cli::toString),
                () -> assertTrue(lines.subList(0, 6).stream().allMatch(l -> STEP_LINE.matcher(l).matches()
                        && l.contains(" pass login ")), cli::toString),
                () -> assertTrue(lines.get(2).contains("step 3 (line 6) expect regex \"TOKEN=(\\w+)\": matched "
                        + "\"TOKEN=abc123\", token=abc123 "), lines.get(2)),
                () -> assertTrue(lines.get(3).contains("step 4 (line 9) send \"GET abc123\\n\" (11 bytes) "), lines.get(3)),
                () -> assertTrue(lines.get(6).matches(".* summary login passed 6 failed 0 skipped 0 [\\d.]+ ms"),
                        lines.get(6)),
                () -> assertTrue(lines.get(0).matches(".* connect tcp 127\\.0\\.0\\.1:" + device.port()
                        + ": connected from 127\\.0\\.0\\.1:\\d+ [\\d.]+ ms"), lines.get(0)));
        Await.until(() -> device.stdout().contains("RX GET abc123"), Duration.ofSeconds(10),
                () -> "the device got the captured token: " + device.stdout());
    }

    @Test
    void aFailingStepIsReportedWithItsNumberLineExpectedAndReceivedThenTheRestIsSkippedAndExit8() throws IOException {
        Path file = script("wrong.yaml", """
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
                  - send: GET nope
                  - expect: {text: "VALUE=42", timeout: 3000}
                  - send: BYE
                  - close
                """);
        CliProcess cli = run(file.toString());
        List<String> lines = cli.lines();
        assertAll(() -> assertEquals(8, cli.exitCode(), cli::toString),
                () -> assertEquals(6, lines.size(), cli::toString),
                () -> assertTrue(lines.get(2).matches(".* fail wrong step 3 \\(line 4\\) expect \"VALUE=42\": no match "
                        + "within 3000 ms, received \"ERR bad token\\\\n\" [\\d.]+ ms"), lines.get(2)),
                () -> assertTrue(lines.get(3).endsWith(" skip wrong step 4 (line 5) send \"BYE\": not run: step 3 failed"),
                        lines.get(3)),
                () -> assertTrue(lines.get(4).endsWith(" skip wrong step 5 (line 6) close: not run: step 3 failed"),
                        lines.get(4)),
                () -> assertTrue(lines.get(5).matches(".* summary wrong passed 2 failed 1 skipped 2 [\\d.]+ ms"),
                        lines.get(5)));
        // The CLI's connection ended with it; the device says so after every command the
        // connection brought (CONNECTION ENDED), so once it has, a BYE sent would be there.
        Await.until(() -> device.stdout().contains("CONNECTION ENDED"), Duration.ofSeconds(10),
                () -> "the device saw the connection end: " + device.stdout());
        assertTrue(!device.stdout().contains("RX BYE"), "a step after the failure never ran: " + device.stdout());
    }

    @Test
    void repeatRunsItsStepsRoundByRoundWithTheScriptsCounter() throws IOException {
        Path file = script("ping.yaml", """
                name: ping
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
                  - repeat:
                      times: 3
                      steps:
                        - send: "PING {{COUNTER}}"
                        - expect: {regex: 'PONG (\\d+)\\n', capture: {n: 1}}
                  - send: "PING last was ${n}"
                  - expect: "PONG last was 3"
                """);
        CliProcess cli = run(file.toString());
        List<String> lines = cli.lines();
        assertAll(() -> assertEquals(0, cli.exitCode(), cli::toString),
                () -> assertTrue(lines.get(1).contains(" step 2 (line 7, repeat 1/3) send \"PING 1\\n\""), lines.get(1)),
                () -> assertTrue(lines.get(4).contains(" step 3 (line 8, repeat 2/3) expect regex"), lines.get(4)),
                () -> assertTrue(lines.get(6).contains(" step 3 (line 8, repeat 3/3) expect regex \"PONG (\\d+)\\n\": "
                        + "matched \"PONG 3\\n\", n=3 "), lines.get(6)),
                () -> assertTrue(lines.get(8).contains(" pass ping step 5 (line 10) expect \"PONG last was 3\" "),
                        lines.get(8)),
                () -> assertTrue(lines.get(9).contains(" summary ping passed 9 failed 0 skipped 0 "), lines.get(9)));
        Await.until(() -> device.stdout().contains("RX PING 1\nRX PING 2\nRX PING 3\n"), Duration.ofSeconds(10),
                () -> "three pings in order: " + device.stdout());
    }

    @Test
    void hexExpectMatchesTheRandomBytesWithWildcardsAndAMismatchShowsTheBytesReceived() throws IOException {
        Path file = script("modbus.yaml", """
                steps:
                  - connect: {tcp: "127.0.0.1:${port}"}
                  - send: {hex: "01 03 00 00 00 01", checksum: crc16-modbus}
                  - expect: {hex: "01 03 02 00 2A ?? ??"}
                  - send: {hex: "01 03 00 00 00 01", checksum: crc16-modbus}
                  - expect: {hex: "01 03 02 00 2B ?? ??", timeout: 3000}
                """);
        CliProcess cli = run(file.toString());
        List<String> lines = cli.lines();
        assertAll(() -> assertEquals(8, cli.exitCode(), cli::toString),
                () -> assertTrue(lines.get(1).contains(" send hex 01 03 00 00 00 01 84 0A (8 bytes) "), lines.get(1)),
                () -> assertTrue(lines.get(2).matches(".* pass modbus step 3 \\(line 4\\) expect hex \"01 03 02 00 2A "
                        + "\\?\\? \\?\\?\": matched 01 03 02 00 2A [0-9A-F]{2} [0-9A-F]{2} [\\d.]+ ms"), lines.get(2)),
                () -> assertTrue(lines.get(4).matches(".* fail modbus step 5 \\(line 6\\) expect hex \"01 03 02 00 2B "
                        + "\\?\\? \\?\\?\": no match within 3000 ms, received 01 03 02 00 2A [0-9A-F]{2} [0-9A-F]{2} "
                        + "[\\d.]+ ms"), lines.get(4)));
        Await.until(() -> device.stdout().contains("RX 01 03 00 00 00 01 84 0A"), Duration.ofSeconds(10),
                () -> "the device got the frame with its CRC: " + device.stdout());
    }

    @Test
    void whatArrivedBeforeThePeerClosedIsStillMatchedThenAnExpectFailsAtOnceNotAfterItsTimeout() throws IOException {
        Path file = script("bye.yaml", """
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
                  - send: BYE
                  - expect: {text: "BYE", timeout: 60s}
                  - expect: {text: "more", timeout: 60s}
                """);
        CliProcess cli = run(file.toString());
        String failed = cli.lines().get(3);
        assertAll(() -> assertEquals(8, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.lines().get(2).contains(" pass bye step 3 (line 4) expect \"BYE\" "), cli::toString),
                () -> assertTrue(failed.contains(" fail bye step 4 (line 5) expect \"more\": 127.0.0.1:" + device.port()
                        + " closed the connection, received \"\\n\" "), failed),
                () -> assertTrue(Double.parseDouble(failed.replaceAll(".* ([\\d.]+) ms$", "$1")) < 30_000,
                        "no wait for the 60 s timeout: " + failed));
    }

    @Test
    void aRefusedConnectIsAFailedStepInTheEnginesWords() throws IOException {
        int closed = ClosedPort.find();
        Path file = script("refused.yaml", "steps:\n  - connect: {tcp: 127.0.0.1:" + closed + "}\n  - send: hi\n");
        CliProcess cli = run(file.toString());
        assertAll(() -> assertEquals(8, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.lines().get(0).contains(" fail refused step 1 (line 2) connect tcp 127.0.0.1:"
                        + closed + ": Connection refused by 127.0.0.1:" + closed + ": nothing is listening on that port"),
                        cli::toString),
                () -> assertTrue(cli.lines().get(1).endsWith("skip refused step 2 (line 3) send \"hi\": not run: step 1 "
                        + "failed"), cli::toString));
    }

    @Test
    void aUdpConversationCapturesAndSendsBackAndAPortWithNobodyIsRefusedInTheEnginesWords() throws Exception {
        int nobody = UdpProbe.closedPort("127.0.0.1"); // checked: a datagram there is answered port unreachable
        try (PythonPeer udpDevice = PythonPeer.start("script_device.py", "127.0.0.1", "udp")) {
            Path file = script("udp.yaml", """
                    steps:
                      - connect: {udp: "127.0.0.1:${udp}", name: dev}
                      - send: LOGIN admin
                      - expect: {regex: 'TOKEN=(\\w+)', capture: {token: 1}}
                      - send: GET ${token}
                      - expect: "VALUE=42\\n"
                      - send: {hex: "01 03 00 00 00 01"}
                      - expect: {hex: "01 03 02 00 2A ?? ??"}
                      - connect: {udp: "127.0.0.1:${nobody}", name: nobody}
                      - send: hello
                        on: nobody
                      - expect: {text: anything, on: nobody, timeout: 10s}
                    """);
            CliProcess cli = run("--var", "udp=" + udpDevice.port(), "--var", "nobody=" + nobody, file.toString());
            List<String> lines = cli.lines();
            assertAll(() -> assertEquals(8, cli.exitCode(), cli::toString),
                    () -> assertTrue(lines.get(0).contains(" pass udp step 1 (line 2) connect udp 127.0.0.1:"
                            + udpDevice.port() + ": connected from 127.0.0.1:"), lines.get(0)),
                    () -> assertTrue(lines.get(3).contains(" pass udp step 4 (line 5) send \"GET abc123\" (10 bytes) "),
                            lines.get(3)),
                    () -> assertTrue(lines.get(6).contains(" pass udp step 7 (line 8) expect hex"), lines.get(6)),
                    () -> assertTrue(lines.get(9).contains(" fail udp step 10 (line 12) expect \"anything\" on nobody: "
                            + "Port unreachable at 127.0.0.1:" + nobody + ": nothing is listening there"), lines.get(9)),
                    () -> assertTrue(lines.get(10).contains(" summary udp passed 9 failed 1 skipped 0 "), lines.get(10)));
            Await.until(() -> udpDevice.stdout().contains("RX GET abc123"), Duration.ofSeconds(10),
                    () -> "the device got the captured token: " + udpDevice.stdout());
        }
    }

    @Test
    void jsonPrintsOneObjectPerStepAndSummaryAndAFailuresTextAsItCame() throws IOException {
        Path wrong = script("wrong.yaml", """
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
                  - send: GET nope
                  - expect: {text: "VALUE=42", timeout: 3000}
                """);
        CliProcess cli = run("--json", script("login.yaml", LOGIN).toString(), wrong.toString());
        assertEquals(8, cli.exitCode(), cli::toString);
        List<Map<String, Object>> events = cli.lines().stream().map(ScriptCommandTest::json).toList();
        Map<String, Object> expect = events.get(2);
        Map<String, Object> summary = events.get(6);
        Map<String, Object> failed = events.get(9);
        Map<String, Object> total = events.get(events.size() - 1);
        assertAll(() -> assertEquals(12, events.size(), cli::toString),
                () -> assertTrue(events.stream().allMatch(e -> e.get("time").toString().matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")), cli::toString),
                () -> assertEquals("pass", expect.get("event")),
                () -> assertEquals(3, expect.get("step")),
                () -> assertEquals(6, expect.get("line")),
                () -> assertEquals("expect", expect.get("kind")),
                () -> assertEquals("expect regex \"TOKEN=(\\w+)\"", expect.get("source")),
                () -> assertEquals(Map.of("token", "abc123"), expect.get("captured")),
                () -> assertEquals("TOKEN=abc123", expect.get("matched")),
                () -> assertTrue(expect.get("ms") instanceof Number),
                () -> assertEquals("summary", summary.get("event")),
                () -> assertEquals("pass", summary.get("result")),
                () -> assertEquals(6, summary.get("passed")),
                () -> assertEquals("fail", failed.get("event")),
                () -> assertEquals("text", failed.get("match")),
                () -> assertEquals("VALUE=42", failed.get("expected")),
                () -> assertEquals("ERR bad token\n", failed.get("received")),
                () -> assertEquals("no match within 3000 ms", failed.get("message")),
                () -> assertEquals(2, total.get("scripts")),
                () -> assertEquals(1, total.get("failed")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) {
        try {
            return (Map<String, Object>) JSON.std.anyFrom(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
