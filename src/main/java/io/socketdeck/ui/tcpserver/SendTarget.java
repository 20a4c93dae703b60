package io.socketdeck.ui.tcpserver;

/** Where the server tab's Send goes. */
public enum SendTarget {
    /** Every client connected when the send reaches the engine. */
    ALL,
    /** The clients selected in the table. */
    SELECTED
}
