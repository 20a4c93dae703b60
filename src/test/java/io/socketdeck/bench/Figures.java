package io.socketdeck.bench;

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
}
