package io.socketdeck.ui.session;

import javafx.beans.property.ReadOnlyStringProperty;

/** What the main window needs from every tab's view model. */
public interface SessionTab {

    /** One line for the status bar while the tab is selected, localized. */
    ReadOnlyStringProperty statusProperty();

    /** Closes the tab's sockets without waiting: on exit and before a language switch. */
    void shutdown();
}
