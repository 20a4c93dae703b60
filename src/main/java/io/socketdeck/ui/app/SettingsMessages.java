package io.socketdeck.ui.app;

import io.socketdeck.core.settings.SettingsWarning;
import io.socketdeck.ui.common.I18n;

/** Says, in the user's language, what happened to a settings file that could not be used. */
final class SettingsMessages {

    private SettingsMessages() {
    }

    static String describe(SettingsWarning warning) {
        String file = warning.file().toString();
        if (warning.keptAs() == null) {
            return I18n.format("settings.leftInPlace", file, warning.detail());
        }
        String kept = warning.keptAs().toString();
        return switch (warning.kind()) {
            case CORRUPT -> I18n.format("settings.corrupt", file, kept, warning.detail());
            case UNREADABLE -> I18n.format("settings.unreadable", file, warning.detail(), kept);
        };
    }
}
