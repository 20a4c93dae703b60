package io.socketdeck.ui.tab;

/** Where a tab's socket is in its life, as the user sees it. */
public enum ConnectionState {
    /** No socket; fields editable. */
    IDLE,
    /** Connecting, binding or listening is under way. */
    OPENING,
    /** Connected, listening or bound. */
    OPEN,
    /** Close requested, waiting for the worker to finish. */
    CLOSING;

    public boolean isBusy() {
        return this != IDLE;
    }
}
