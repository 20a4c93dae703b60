package io.socketdeck.ui.tcpserver;

/**
 * Who the server tab's Send goes to. (Not "target": the engine's Recipients is something a
 * session sends through, one connection or socket.)
 */
public enum Recipients {
    /** Every client connected when the send reaches the engine. */
    ALL,
    /** The clients selected in the table. */
    SELECTED
}
