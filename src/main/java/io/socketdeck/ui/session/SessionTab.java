package io.socketdeck.ui.session;

import javafx.beans.property.ReadOnlyStringProperty;

/** What the main window needs from every tab's view model. */
public interface SessionTab {

    /** One line for the status bar while the tab is selected, localized. */
    ReadOnlyStringProperty statusProperty();

    /** The tab's log, counters, capture, rates and send tools. */
    TabTraffic traffic();

    /** Writes what the tab should remember across restarts: fields, encoding, options. */
    void saveTo(io.socketdeck.core.settings.Settings settings);

    /** Puts back what {@link #saveTo} wrote; missing or odd values keep the defaults. */
    void restoreFrom(io.socketdeck.core.settings.Settings settings);

    /** Closes the tab's sockets without waiting: on exit and before a language switch. */
    void shutdown();
}
