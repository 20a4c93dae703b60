package io.socketdeck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints benchmark results as {@code name: value} lines, the format the README promises. */
final class Figures {

    private Figures() {
    }

    static void print(String name, double value) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
        System.out.println(name + ": " + text);
        System.out.flush();
    }

    static void note(String text) {
        System.err.println("# " + text);
    }

    /** Targets missed so far in this JVM (one group), by {@link #check}. */
    private static final List<String> MISSED = new ArrayList<>();

    /**
     * Prints {@code name: value} with its target beside it ({@code  # target <= 128: ok}, or
     * {@code FAIL}) and remembers a miss for {@link #failOnMissedTargets()}.
     */
    static void check(String name, double value, double atMost) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
        boolean ok = value <= atMost;
        System.out.println(name + ": " + text + "  # target <= " + (long) atMost + ": " + (ok ? "ok" : "FAIL"));
        System.out.flush();
        if (!ok) {
            MISSED.add(name + " " + text + " > " + (long) atMost);
        }
    }

    /** Ends the group with an exception (so a non-zero exit) when a target was missed. */
    static void failOnMissedTargets() {
        if (!MISSED.isEmpty()) {
            throw new IllegalStateException("targets missed: " + MISSED);
        }
    }
}
