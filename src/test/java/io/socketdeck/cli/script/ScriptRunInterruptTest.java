package io.socketdeck.cli.script;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.cli.ExitCode;
import io.socketdeck.testsupport.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C's report, in process: what the shutdown hook does while the script's thread is inside a
 * step. Sleeps need no peer.
 */
class ScriptRunInterruptTest {

    @Test
    void theRunningStepAndTheRestAreSkippedOnceAndNothingTheScriptsThreadDoesAfterIsShown(@TempDir Path dir)
            throws Exception {
        Script first = ScriptLoader.parse("nap.yaml", """
                steps:
                  - sleep: 1
                  - repeat:
                      times: 2
                      steps:
                        - sleep: 1
                        - sleep: 60s
                  - sleep: 1
                """, Map.of());
        Script second = ScriptLoader.parse("never.yaml", "steps:\n  - sleep: 1\n", Map.of());
        StringWriter out = new StringWriter();
        Path report = dir.resolve("junit.xml");
        ScriptRun run = new ScriptRun(List.of(first, second), new ConsoleReport(new PrintWriter(out, true), false),
                new PrintWriter(new StringWriter()), report);
        CompletableFuture<ExitCode> result = new CompletableFuture<>();
        Thread scripts = new Thread(() -> {
            try {
                result.complete(run.run());
            } catch (InterruptedException e) {
                result.complete(null); // the long sleep, cut short after the test
            }
        }, "scripts");
        scripts.start();
        Await.until(() -> out.toString().contains("step 2 (line 6, repeat 1/2) sleep 1 ms"), Duration.ofSeconds(30),
                () -> "the long sleep began: " + out);

        run.interrupt();
        run.interrupt(); // the hook may run once only, but twice must not report twice
        scripts.interrupt();
        result.get(30, TimeUnit.SECONDS);

        List<String> lines = out.toString().lines().toList();
        assertAll(() -> assertEquals(5, lines.size(), "no total: one script began; " + out),
                () -> assertTrue(lines.get(2).endsWith(" skip nap step 3 (line 7) sleep 60000 ms: interrupted (Ctrl+C)"),
                        lines.get(2)),
                () -> assertTrue(lines.get(3).endsWith(" skip nap step 4 (line 8) sleep 1 ms: not run: interrupted (Ctrl+C)"),
                        lines.get(3)),
                () -> assertTrue(lines.get(4).matches(".* summary nap passed 2 failed 0 skipped 2 [\\d.]+ ms"), lines.get(4)));
        String xml = Files.readString(report);
        assertTrue(xml.contains("<testsuite name=\"nap\" tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"2\""), xml);
        assertTrue(!xml.contains("never"), "a script not begun is left out: " + xml);
    }
}
