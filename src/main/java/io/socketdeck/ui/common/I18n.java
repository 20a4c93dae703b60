package io.socketdeck.ui.common;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible strings, from {@code messages.properties} and its translations. The language
 * is chosen once per window build; switching it rebuilds the window.
 */
public final class I18n {

    public static final String BUNDLE = "io.socketdeck.ui.common.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);

    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private I18n() {
    }

    /** The supported locale closest to {@code requested}: any Chinese to 简体中文, the rest to English. */
    public static Locale supported(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? CHINESE : Locale.ENGLISH;
    }

    public static void use(Locale locale) {
        bundle = load(locale);
    }

    public static Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    public static String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in the UI and caught by the bundle tests
        }
    }

    public static String format(String key, Object... args) {
        MessageFormat format = new MessageFormat(text(key), locale());
        return format.format(args);
    }

    /** An exact count with the locale's grouping, e.g. 1,234,567. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    private static ResourceBundle load(Locale requested) {
        // No fallback to the JVM's default locale: English is the base bundle.
        return ResourceBundle.getBundle(BUNDLE, supported(requested),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
