package io.socketdeck.core.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The encodings offered for showing received bytes as text: UTF-8 first as the default, then the
 * Chinese encodings devices and older Windows tools commonly use, then the rest.
 */
public final class SupportedCharsets {

    private static final List<Charset> ALL = load(
            "UTF-8", "GBK", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "US-ASCII");

    private SupportedCharsets() {
    }

    /** In the order the UI lists them; the first is the default. */
    public static List<Charset> all() {
        return ALL;
    }

    /**
     * Looks up an offered charset by its name or one of its aliases, ignoring case, for example a name
     * read back from saved settings. Anything else gives UTF-8, so a stale or hand-edited setting
     * cannot select an encoding the UI does not list.
     */
    public static Charset byName(String name) {
        return lookup(name).orElse(StandardCharsets.UTF_8);
    }

    /** Like {@link #byName(String)}, but empty when {@code name} is not an offered charset, so callers can warn. */
    public static Optional<Charset> lookup(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Charset charset : ALL) {
            if (charset.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(charset);
            }
            for (String alias : charset.aliases()) {
                if (alias.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(charset);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * GBK, GB18030 and Big5 live in the jdk.charsets module; a trimmed runtime image may lack it.
     * Leaving those out beats failing to start.
     */
    private static List<Charset> load(String... names) {
        List<Charset> found = new ArrayList<>(names.length);
        for (String name : names) {
            if (Charset.isSupported(name)) {
                found.add(Charset.forName(name));
            }
        }
        return List.copyOf(found);
    }
}
