package io.socketdeck.core.session;

/**
 * Why a connection ended. Users debugging a device care a lot about who hung up and how:
 * a clean FIN from the peer, an RST, or our own close are different bugs.
 */
public enum CloseReason {
    /** We closed it (Disconnect button, stop, application exit). */
    LOCAL,
    /** The peer closed its side with a FIN (read returned end of stream). */
    PEER,
    /** The connection was reset (RST) by the peer or the network stack. */
    RESET,
    /** A server disconnected this client on the user's request. */
    KICKED,
    /** The server was stopped, which closed this client. */
    SERVER_STOPPED,
    /** A server refused this client because the maximum number of clients was reached. */
    REJECTED,
    /** We reset it (the Reset button): SO_LINGER 0, then close, so an RST goes out instead of a FIN. */
    ABORTED,
    /** The connection could not be established or failed with an I/O error. */
    ERROR
}
