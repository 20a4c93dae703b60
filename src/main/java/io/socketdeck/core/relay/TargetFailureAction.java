package io.socketdeck.core.relay;

/**
 * What the relay does with a client whose target cannot be reached (refused, unreachable, unknown
 * host). Either way the failure is an event naming why, and the relay keeps listening.
 */
public enum TargetFailureAction {
    /** Close the client's connection with a FIN: it reads an end of stream. */
    CLOSE,
    /** Reset the client's connection (RST): it sees "connection reset", as a failed direct connect would. */
    RESET
}
