package io.socketdeck.ui.app;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings kept across restarts, in the user's {@link Preferences} store. */
public final class AppPreferences {

    private static final Logger LOGGER = LoggerFactory.getLogger(AppPreferences.class);
    private static final String LANGUAGE = "language";

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    public static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node("io/socketdeck"));
    }

    /** The language the user picked in the menu, if any; otherwise the OS locale applies. */
    public Optional<Locale> language() {
        try {
            String tag = node.get(LANGUAGE, null);
            return tag == null || tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
        } catch (IllegalStateException | SecurityException e) {
            LOGGER.warn("cannot read preferences, using defaults", e);
            return Optional.empty();
        }
    }

    public void setLanguage(Locale locale) {
        try {
            node.put(LANGUAGE, locale.toLanguageTag());
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            LOGGER.warn("cannot save the language preference", e);
        }
    }
}
