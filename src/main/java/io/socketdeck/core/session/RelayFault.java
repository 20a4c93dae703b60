package io.socketdeck.core.session;

/**
 * What a relay did to the traffic on purpose, as told by {@link SessionEvent.FaultInjected}: so a
 * user reading the log knows which effect came from the relay and which from the peers.
 */
public enum RelayFault {
    /** The faults of a leg were changed (connection 0); the detail lists the ones now active. */
    FAULTS_CHANGED,
    /** A datagram was dropped (UDP drop probability); the detail is its length. */
    DROPPED,
    /** One bit of a chunk was flipped; the detail is the byte offset within the chunk and the bit. */
    CORRUPTED,
    /** The connection was reset (RST both ways) after the configured number of bytes. */
    RESET,
    /** The leg was finished (FIN) after the configured number of bytes; the other leg goes on. */
    CLOSED,
    /** Forwarding on the leg stopped on purpose (stall; connection 0: every connection); they stay open. */
    STALLED,
    /** Forwarding on a stalled leg resumed because stall was switched off (connection 0). */
    UNSTALLED,
    /** A rewrite rule replaced bytes; the detail names the rule and how many matches. */
    REWRITTEN,
    /** The relay was put on hold (connection 0): bytes queue instead of being forwarded. */
    HELD,
    /** Hold was released (connection 0); the detail is how many bytes were queued meanwhile. */
    RELEASED
}
