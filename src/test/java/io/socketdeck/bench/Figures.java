package io.socketdeck.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Prints benchmark results as {@code name: value} lines on stdout, the format the README promises.
 * A figure with a target also says on stderr whether it met it ({@code # ok ...} or
 * {@code # FAIL name value > target}); a group that missed any target exits with
 * {@link #MISSED_EXIT}, so the run fails. With {@code -Dbench.results=FILE} every figure is also
 * appended to FILE (tab-separated: name, value, target, verdict, what it is) for the run's summary.
 */
final class Figures {

    /** A group's exit code when it ran through but missed a target (a crash exits otherwise). */
    static final int MISSED_EXIT = 3;

    private static boolean missed;

    private Figures() {
    }

    /** A figure without a target: context for the others. */
    static void print(String name, double value, String what) {
        String text = format(value);
        System.out.println(name + ": " + text);
        System.out.flush();
        record(name, text, "", "", what);
    }

    /** A figure that must not exceed {@code limit}. */
    static void atMost(String name, double value, double limit, String what) {
        judge(name, value, value <= limit, "<= " + format(limit), " > " + format(limit), what);
    }

    /** A figure that must reach at least {@code limit}. */
    static void atLeast(String name, double value, double limit, String what) {
        judge(name, value, value >= limit, ">= " + format(limit), " < " + format(limit), what);
    }

    /**
     * A figure that fails for a reason its value alone does not show (the captured bytes differ
     * from those sent although the counts match): printed, then failed with {@code why}.
     */
    static void failAlso(String name, String why) {
        missed = true;
        System.err.println("# FAIL " + name + ": " + why);
        System.err.flush();
        record(name + " (check)", "", "", "FAIL", why);
    }

    /**
     * A figure that could not be measured here (a tool to compare with is not installed): said
     * on stdout with the reason, recorded without a value or verdict, and not a failure.
     */
    static void skip(String name, String why) {
        System.out.println(name + ": skipped (" + why + ")");
        System.out.flush();
        record(name, "skipped", "", "", why);
    }

    /** Prints {@code text} as a note, each of its lines marked, so no line of it reads as a figure. */
    static void note(String text) {
        System.err.println("# " + text.replace("\n", "\n# "));
        System.err.flush();
    }

    /** True when some figure of this JVM missed its target. */
    static boolean anyMissed() {
        return missed;
    }

    private static void judge(String name, double value, boolean met, String target, String miss, String what) {
        String text = format(value);
        if (!met && target.endsWith(" " + text)) {
            text = String.format(Locale.ROOT, "%.6g", value); // a miss must not print as the target itself
        }
        System.out.println(name + ": " + text);
        System.out.flush();
        if (met) {
            System.err.println("# ok " + name + " " + text + " " + target);
        } else {
            missed = true;
            System.err.println("# FAIL " + name + " " + text + miss);
        }
        System.err.flush();
        record(name, text, target, met ? "ok" : "FAIL", what);
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }

    private static void record(String name, String value, String target, String verdict, String what) {
        String file = System.getProperty("bench.results", "");
        if (file.isBlank()) {
            return;
        }
        String line = String.join("\t", name, value, target, verdict, what.replace('\t', ' ')) + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            note("cannot record " + name + " in " + file + ": " + e.getMessage());
        }
    }
}
