package io.socketdeck.ui.common;

import java.util.Locale;

/** Short durations as a user reads them: three significant figures, in ms below ten seconds. */
public final class Durations {

    private Durations() {
    }

    /** {@code 0.042 ms}, {@code 0.42 ms}, {@code 4.20 ms}, {@code 42.0 ms}, {@code 420 ms}, {@code 4.20 s}. */
    public static String of(long nanos) {
        double millis = nanos / 1e6;
        if (millis < 1) {
            return String.format(Locale.ROOT, "%.3f ms", millis);
        } else if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        } else if (millis < 100) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        } else if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
