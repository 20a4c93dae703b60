package io.socketdeck.ui.common;

import java.util.Locale;

/** Human rates for people watching traffic: 950 B/s, 12.3 KB/s, 1.20 GB/s (decimal units). */
public final class ByteRates {

    private static final String[] UNITS = {"B/s", "KB/s", "MB/s", "GB/s"};

    private ByteRates() {
    }

    public static String format(double bytesPerSecond) {
        double value = Math.max(0, bytesPerSecond);
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = unit == 0 ? String.valueOf(Math.round(value))
                : String.format(I18n.locale(), value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
        return number + " " + UNITS[unit];
    }

    /** Messages per second, e.g. 340/s. */
    public static String perSecond(double perSecond) {
        return String.format(Locale.ROOT, "%.0f/s", Math.max(0, perSecond));
    }
}
