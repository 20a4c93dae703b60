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
    /**
     * Automatic replies were not sent: as many as a session holds were already waiting for their
     * rule's delay. The detail's lines: how many were not sent, then the replies and bytes waiting.
     */
    DELAYED_REPLIES_FULL,
    /**
     * An auto-reply rule matched a message but its reply could not be built from it (a group's
     * text the reply's encoding cannot write, or that is no hex in a hex reply); nothing was
     * answered. The first of a burst at once, then at most one a second with the rest of it
     * ({@link BurstReport.First#AT_ONCE}); the detail's lines: the rule's name, how many since the
     * last report, then the last one's problem: its reason, position, offending text and encoding
     * (as a send box's).
     */
    REPLY_NOT_BUILT,
    /**
     * An auto-reply rule's regular expression could not be checked against a message: it repeats
     * a group once per stack frame and the message was too long for the stack (a StackOverflowError
     * in java.util.regex). The rule was taken as not matching that message; a later rule, or echo,
     * may still have answered it. Told like {@link #REPLY_NOT_BUILT}, the first of a burst at once;
     * the detail's lines: the rule's name, how many since the last report, the last message's length.
     */
    RULE_TOO_DEEP,
    /**
     * An automatic answer (echo, a rule) to a datagram from source port 0 was not sent: no
     * datagram can be sent to port 0 (a raw socket can send from it, an ordinary one cannot). Told
     * the first of a burst at once ({@link BurstReport.First#AT_ONCE}); the detail is how many
     * since the last report.
     */
    REPLY_TO_PORT_ZERO,
    /**
     * What handles a received datagram (a listener: the log, a capture, the answers) threw on it:
     * that datagram may be missing from the log or unanswered, and the socket goes on receiving.
     * Told the first of a burst at once ({@link BurstReport.First#AT_ONCE}); the detail's lines:
     * how many since the last report, then the last one's exception (class and message).
     */
    DATAGRAM_NOT_HANDLED,
    /**
     * A UDP relay dropped datagrams from new client addresses: it already relays for as many as it
     * keeps flows for. Reported once per burst; the detail is the datagrams dropped, then the limit.
     */
    TOO_MANY_FLOWS,
    /**
     * A TCP relay stopped reading: its connections together hold all it keeps for them (held,
     * stalled or delayed bytes). Reported once per burst; the detail is how often a direction
     * stopped, then the relay's budget in bytes. It reads again as held bytes are delivered.
     */
    RELAY_BUDGET_PAUSED,
    /**
     * A UDP relay dropped datagrams: its flows together hold all it keeps for them. Reported once
     * per burst; the detail is the datagrams dropped, their bytes, then the budget in bytes.
     */
    RELAY_BUDGET_DROPPED,
    /**
     * A UDP relay dropped datagrams: each found its flow's buffer that way full (datagrams held,
     * stalled or delayed), and UDP cannot push back on the sender. Reported once per burst, for
     * all flows together; the detail is the datagrams dropped, their bytes, then the buffer in bytes.
     */
    FLOW_BUFFER_DROPPED,
    /** An IPv4 socket asked to reach an IPv6 address, or the other way round. */
    ADDRESS_FAMILY,
    /** The peer's certificate expired; the detail names its subject and end date. */
    TLS_CERT_EXPIRED,
    /** The peer's certificate is not valid yet; the detail names its subject and start date. */
    TLS_CERT_NOT_YET_VALID,
    /** The peer's certificate does not name the host; the detail lists the names it has. */
    TLS_HOSTNAME_MISMATCH,
    /** The peer's certificate chains to no trusted authority (self-signed, a private CA). */
    TLS_UNKNOWN_ISSUER,
    /** The peer's certificate was refused for another reason; the detail says which. */
    TLS_CERT_REFUSED,
    /** The peer ended the handshake with a TLS alert; the detail names it. */
    TLS_ALERT_RECEIVED,
    /** We ended the handshake with a TLS alert; the detail names it and why. */
    TLS_ALERT_SENT,
    /** No protocol version (or no cipher suite) both sides accept. */
    TLS_PROTOCOL_MISMATCH,
    /** The peer speaks plain TCP, not TLS: a plaintext client on a TLS port, or the reverse. */
    TLS_PLAINTEXT_PEER,
    /** The handshake did not complete within its timeout; the detail is the timeout in ms. */
    TLS_HANDSHAKE_TIMEOUT,
    /** The peer closed or reset the connection in the middle of the handshake. */
    TLS_PEER_LEFT_HANDSHAKE,
    /** The peer asked for a renegotiation, which is refused: the connection ends. */
    TLS_RENEGOTIATION_REFUSED,
    /** Any other TLS failure; the detail is the library's own words. */
    TLS,
    /** Not sent: we half-closed the connection, our sending side is shut. */
    OUTPUT_SHUT,
    IO
}
