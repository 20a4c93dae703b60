package io.socketdeck.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One package's strings ({@code messages.properties} and its translations beside the package's
 * classes) in the current {@link Language}. Thread-safe: I/O threads word their events with it.
 *
 * <p>Parsed patterns are kept per key until the language changes: a flood of "client connected"
 * rows parses that pattern once, not once per row.
 */
public final class TextBundle {

    private final String baseName;
    private volatile Loaded loaded;

    /** @param baseName e.g. {@code io.socketdeck.core.text.messages} */
    public TextBundle(String baseName) {
        this.baseName = baseName;
    }

    /** The bundle of {@code anchor}'s package: {@code <package>.messages}. */
    public static TextBundle of(Class<?> anchor) {
        return new TextBundle(anchor.getPackageName() + ".messages");
    }

    public String baseName() {
        return baseName;
    }

    /** The bundle in the current language. */
    public ResourceBundle bundle() {
        return loaded().bundle();
    }

    public boolean has(String key) {
        return loaded().bundle().containsKey(key);
    }

    /** The text for {@code key}, or {@code !key!} when missing (visible, and caught by the bundle tests). */
    public String text(String key) {
        try {
            return loaded().bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The pattern for {@code key} filled with {@code args}, formatted for the current language. */
    public String format(String key, Object... args) {
        Loaded now = loaded();
        MessageFormat pattern = now.patterns().computeIfAbsent(key, k -> new MessageFormat(text(k), now.locale()));
        synchronized (pattern) { // a MessageFormat is not safe for concurrent use
            return pattern.format(args);
        }
    }

    private Loaded loaded() {
        Locale wanted = Language.current();
        Loaded now = loaded;
        if (now == null || !now.locale().equals(wanted)) {
            // No fallback to the JVM's default locale: English is the base bundle.
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, wanted,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            now = new Loaded(wanted, bundle, new ConcurrentHashMap<>());
            loaded = now;
        }
        return now;
    }

    private record Loaded(Locale locale, ResourceBundle bundle, Map<String, MessageFormat> patterns) {
    }
}
