package io.socketdeck.core.text;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The language every {@link TextBundle} speaks: one choice for the whole process, so the window,
 * its log rows and a command line say the same words. English is the base; any Chinese locale
 * gets Simplified Chinese.
 */
public final class Language {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);

    private static volatile Locale current = supported(Locale.getDefault());

    /**
     * One integer format per thread and language: a format is not safe to share between threads,
     * and making one per call was most of the cost of a log row's "… (65,536 bytes)" suffix,
     * which the list renders for each long row it measures (sampled in bench group ui).
     */
    private static final ThreadLocal<Counts> COUNTS = new ThreadLocal<>();

    private Language() {
    }

    /** The supported locale closest to {@code requested}: any Chinese to 简体中文, the rest to English. */
    public static Locale supported(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? CHINESE : Locale.ENGLISH;
    }

    /** Switches every bundle to {@code locale} (or the closest supported one); any thread. */
    public static void use(Locale locale) {
        current = supported(locale);
    }

    public static Locale current() {
        return current;
    }

    public static boolean isChinese() {
        return current.equals(CHINESE);
    }

    /** An exact count with the language's grouping, e.g. 1,234,567. */
    public static String count(long value) {
        Locale locale = current;
        Counts counts = COUNTS.get();
        if (counts == null || !counts.locale().equals(locale)) {
            counts = new Counts(locale, NumberFormat.getIntegerInstance(locale));
            COUNTS.set(counts);
        }
        return counts.format().format(value);
    }

    private record Counts(Locale locale, NumberFormat format) {
    }
}
