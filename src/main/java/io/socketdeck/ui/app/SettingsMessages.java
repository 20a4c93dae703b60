package io.socketdeck.ui.app;

import io.socketdeck.core.settings.SettingsWarning;
import io.socketdeck.ui.common.I18n;

/** Says, in the user's language, what happened to a settings file that could not be used. */
final class SettingsMessages {

    private SettingsMessages() {
    }

    static String describe(SettingsWarning warning) {
        String kept = warning.keptAs() == null ? "" : warning.keptAs().toString();
        return switch (warning.kind()) {
            case CORRUPT -> I18n.format("settings.corrupt", warning.file().toString(), kept, warning.detail());
            case UNREADABLE -> I18n.format("settings.unreadable", warning.file().toString(), warning.detail());
        };
    }
}
