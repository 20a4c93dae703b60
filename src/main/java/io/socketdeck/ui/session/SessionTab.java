package io.socketdeck.ui.session;

import javafx.beans.property.ReadOnlyStringProperty;

/** What the main window needs from every tab's view model. */
public interface SessionTab {

    /** One line for the status bar while the tab is selected, localized. */
    ReadOnlyStringProperty statusProperty();

    /** The tab's traffic log, for window-wide settings such as its size. */
    TrafficLog log();

    /** Closes the tab's sockets without waiting: on exit and before a language switch. */
    void shutdown();
}
