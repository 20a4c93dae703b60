package io.socketdeck.core.session;

/**
 * Faults a user can act on, each shown with its own localized message. {@link #IO} is the
 * catch-all; its event carries the operating system's own text as detail.
 */
public enum FailureKind {
    UNKNOWN_HOST,
    CONNECTION_REFUSED,
    CONNECT_TIMEOUT,
    /**
     * An established connection's peer stopped answering: keepalive probes or the retransmission
     * of sent data went unanswered (the system's "connection timed out").
     */
    PEER_NOT_RESPONDING,
    CONNECTION_RESET,
    HOST_UNREACHABLE,
    NETWORK_UNREACHABLE,
    PORT_UNREACHABLE,
    PORT_IN_USE,
    PERMISSION_DENIED,
    ADDRESS_NOT_AVAILABLE,
    MESSAGE_TOO_LONG,
    SEND_BUFFER_FULL,
    NOT_CONNECTED,
    /**
     * A length-prefixed frame announced more bytes than the framing's maximum (or fewer than its
     * own header): the stream lost its place, the bytes held are shown unframed.
     */
    FRAME_TOO_LONG,
    /**
     * Automatic answers to a peer were paused: it kept sending back our own last answer, many
     * times a second (two echoes answering each other). The detail is the pause in seconds.
     */
    REPLY_LOOP,
    /** An IPv4 socket asked to reach an IPv6 address, or the other way round. */
    ADDRESS_FAMILY,
    IO
}
