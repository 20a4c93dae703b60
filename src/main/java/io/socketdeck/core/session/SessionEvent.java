package io.socketdeck.core.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What happened on a session, in the order it happened. Events are immutable values emitted on
 * the session's I/O thread; consumers that need another thread (the UI) queue them.
 *
 * <p>One value type per kind of fact rather than one class with optional fields, so a consumer
 * can never read a byte count from a close event.
 */
public sealed interface SessionEvent {

    /** Wall-clock time of the event in epoch milliseconds. */
    long timeMillis();

    /** A listening or bound socket is open (TCP server, UDP). */
    record Opened(long timeMillis, InetSocketAddress local) implements SessionEvent {
        public Opened {
            Objects.requireNonNull(local, "local");
        }
    }

    /** A TCP connection is established; {@code local} is the address the OS picked for us. */
    record Connected(long timeMillis, InetSocketAddress local, InetSocketAddress remote)
            implements SessionEvent {
        public Connected {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remote, "remote");
        }
    }

    /**
     * Bytes received from or sent to {@code peer}. {@code bytes} is owned by the event: the
     * engine hands over a fresh array and nobody may modify it afterwards.
     */
    record Data(long timeMillis, Direction direction, InetSocketAddress peer, byte[] bytes)
            implements SessionEvent {
        public Data {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** One connection ended; the session may go on (a server with other clients). */
    record Disconnected(long timeMillis, InetSocketAddress remote, CloseReason reason)
            implements SessionEvent {
        public Disconnected {
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One payload sent to several peers at once: a server's send to all or to selected clients.
     * One event instead of one {@link Data} per client, so a broadcast to 10,000 clients is one
     * log line, not 10,000 that would bury everything else. Every client's bytes are still
     * counted, exactly, as each client's write completes; a client that cannot take the bytes
     * gets its own {@link Failure}. {@code bytes} is the one array every client's write reads
     * from (never copied per client) and nobody may modify it.
     *
     * @param recipients how many clients the payload was written or queued for; 0 when none
     *                   was connected any more
     */
    record SentToMany(long timeMillis, byte[] bytes, int recipients) implements SessionEvent {
        public SentToMany {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * Something failed. {@code peer} is the remote concerned; for a failed bind or accept, the
     * local address concerned; or null when there is none. {@code detail} is the operating
     * system's text, for the log.
     */
    record Failure(long timeMillis, FailureKind kind, InetSocketAddress peer, String detail)
            implements SessionEvent {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = detail == null ? "" : detail;
        }
    }

    /** A UDP socket joined multicast {@code group} on the interface named {@code interfaceName}. */
    record MulticastJoined(long timeMillis, InetAddress group, String interfaceName) implements SessionEvent {
        public MulticastJoined {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }
    }

    /** A UDP socket left multicast {@code group} on the interface named {@code interfaceName}. */
    record MulticastLeft(long timeMillis, InetAddress group, String interfaceName) implements SessionEvent {
        public MulticastLeft {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }
    }

    /** The session is over: always the last event, exactly once. */
    record Closed(long timeMillis, CloseReason reason) implements SessionEvent {
        public Closed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
