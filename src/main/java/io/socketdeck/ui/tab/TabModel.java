package io.socketdeck.ui.tab;

import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.PersistedFields;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;

/** What the main window needs from every tab's view model. */
public interface TabModel {

    /** One line for the status bar while the tab is selected, localized. */
    ReadOnlyStringProperty statusProperty();

    /** Where its connection is: colours its status. */
    ReadOnlyObjectProperty<ConnectionState> stateProperty();

    /**
     * True while the tab's connections are not verified although they look secure (TLS with
     * verification switched off): its status shows in red. False for a tab without TLS.
     */
    default ObservableBooleanValue insecureProperty() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    /** The tab's log, counters, capture, rates and send tools. */
    TabTraffic traffic();

    /**
     * Where the tab's settings live in the settings file, e.g. "tcpClient". The window keeps a
     * second tab of the kind under "tcpClient.2", and so on.
     */
    String settingsKey();

    /** What the tab remembers across restarts: its fields, and its traffic's options. */
    PersistedFields persisted();

    /** Writes what the tab should remember across restarts. */
    default void saveTo(Settings settings) {
        saveTo(settings, settingsKey());
    }

    /** Writes what the tab should remember under {@code path}, e.g. "tcpClient.2". */
    default void saveTo(Settings settings, String path) {
        persisted().saveTo(settings, path);
    }

    /** Puts back what {@link #saveTo} wrote; missing or odd values keep the defaults. */
    default void restoreFrom(Settings settings) {
        restoreFrom(settings, settingsKey());
    }

    /** Puts back what was written under {@code path}; missing or odd values keep the defaults. */
    default void restoreFrom(Settings settings, String path) {
        persisted().restoreFrom(settings, path);
    }

    /** Re-words what the model shows itself (its status line) after the language changed. */
    void languageChanged();

    /**
     * The window is about to build its views again around this model (a language switch): what
     * only a view knew of where the user is (the log's top row and selection) is noted here for
     * the view built next.
     */
    default void keepViewPlace() {
    }

    /**
     * Closes the tab's sockets and stops its background work without waiting: on exit, and when
     * the user closes the tab.
     */
    void shutdown();
}
