package io.socketdeck.cli.script;

import io.socketdeck.cli.ExitCode;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.io.SelectorLoop;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A run of several scripts, one after the other on one I/O loop, and everything that is said about
 * it: the console, the JUnit file. Ctrl+C may end it from the shutdown hook's thread at any time:
 * then the step that was running and those after it are reported as skipped, the summary so far
 * is printed and the report written with what ran, and nothing the script's thread still does is
 * shown. One lock keeps the two threads' lines whole and in order.
 */
final class ScriptRun {

    private final List<Script> scripts;
    private final ConsoleReport console;
    private final PrintWriter err;
    private final Path junit;
    private final List<ScriptTally> tallies = new ArrayList<>();
    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("script-io"));
    /** From the loop's start, not the process's: logging's set-up is no part of the scripts' time. */
    private final long startNanos = System.nanoTime();
    // guarded by this
    private ScriptTally running;
    private ScriptRunner runner;
    private boolean over;

    ScriptRun(List<Script> scripts, ConsoleReport console, PrintWriter err, Path junit) {
        this.scripts = scripts;
        this.console = console;
        this.err = err;
        this.junit = junit;
    }

    /** Runs every script; each runs to its end or its first failure, whatever the others did. */
    ExitCode run() throws InterruptedException {
        SelectorLoop loop;
        synchronized (this) {
            if (over) { // Ctrl+C before the first script: the group is closed already
                return ExitCode.INTERRUPTED;
            }
            loop = loops.next();
        }
        try {
            for (Script script : scripts) {
                ScriptRunner next;
                synchronized (this) {
                    if (over) {
                        return ExitCode.INTERRUPTED;
                    }
                    running = new ScriptTally(script);
                    tallies.add(running);
                    runner = next = new ScriptRunner(script, loop, this::record, this::isOver);
                }
                next.run();
                synchronized (this) {
                    if (over) {
                        return ExitCode.INTERRUPTED;
                    }
                    endScript();
                }
            }
            return finish();
        } finally {
            loops.close();
        }
    }

    private synchronized boolean isOver() {
        return over;
    }

    private synchronized void record(StepResult result) {
        if (!over) {
            running.add(result, console.step(result));
        }
    }

    private void endScript() {
        running.end();
        running.addLine(console.summary(running));
        running = null;
        runner = null;
    }

    private synchronized ExitCode finish() {
        over = true;
        boolean written = report();
        if (!tallies.stream().allMatch(ScriptTally::passed)) {
            return ExitCode.SCRIPT_FAILED;
        }
        return written ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * Ctrl+C: what ran is reported, the step it stopped and the rest of that script as skipped.
     * Scripts not begun are left out. From the shutdown hook; the JVM then exits with 130.
     */
    synchronized void interrupt() {
        if (over) {
            return;
        }
        over = true;
        if (running != null) {
            Step.Action stopped = runner.running();
            List<StepResult> skipped = new ArrayList<>();
            if (stopped != null) {
                skipped.add(ScriptRunner.skip(running.script(), stopped, "interrupted (Ctrl+C)"));
            }
            // Each step once: past the running one and past any already reported (a repeat's
            // earlier round, or the skips after a failure while its connections were closing).
            int after = Math.max(stopped == null ? 0 : stopped.number(),
                    running.results().stream().mapToInt(r -> r.action().number()).max().orElse(0));
            Predicate<Step.Action> rest = action -> action.number() > after;
            skipped.addAll(ScriptRunner.skipped(running.script(), rest, "not run: interrupted (Ctrl+C)"));
            for (StepResult result : skipped) {
                running.add(result, console.step(result));
            }
            endScript();
        }
        report();
        loops.close();
    }

    /** The total line (several scripts) and the JUnit file; false when the file could not be written. */
    private boolean report() {
        long nanos = System.nanoTime() - startNanos;
        if (tallies.size() > 1) {
            console.total(tallies, nanos);
        }
        if (junit == null) {
            return true;
        }
        try {
            JunitXml.write(junit, tallies, nanos);
            return true;
        } catch (IOException e) {
            err.println("Cannot write the JUnit report " + junit + ": " + e.getMessage());
            return false;
        }
    }
}
