package io.socketdeck.cli.script;

import java.util.ArrayList;
import java.util.List;

/** One script's results so far, with its start and, once over, its time. Guarded by the run. */
final class ScriptTally {

    private final Script script;
    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final List<StepResult> results = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private long nanos = -1;

    ScriptTally(Script script) {
        this.script = script;
    }

    Script script() {
        return script;
    }

    void add(StepResult result, String line) {
        results.add(result);
        lines.add(line);
    }

    /** The human lines printed for it, for the JUnit report's system-out. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    void addLine(String line) {
        lines.add(line);
    }

    List<StepResult> results() {
        return List.copyOf(results);
    }

    void end() {
        if (nanos < 0) {
            nanos = System.nanoTime() - startNanos;
        }
    }

    long startMillis() {
        return startMillis;
    }

    /** From its start to its end, or to now while it runs. */
    long nanos() {
        return nanos >= 0 ? nanos : System.nanoTime() - startNanos;
    }

    long count(StepResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    boolean passed() {
        return count(StepResult.Status.FAIL) == 0 && count(StepResult.Status.SKIP) == 0;
    }
}
