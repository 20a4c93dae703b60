package io.socketdeck.core.session;

import io.socketdeck.core.options.OptionGrant;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * What happened on a session, in the order it happened. Events are immutable values emitted on
 * the session's I/O thread; consumers that need another thread (the UI) queue them.
 *
 * <p>One value type per kind of fact rather than one class with optional fields, so a consumer
 * can never read a byte count from a close event.
 *
 * <p>Events about one TCP connection carry its {@linkplain ConnectionIds id}, so a log or a
 * client table can follow one connection although remote addresses are reused.
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

    /**
     * A TCP connection is established (or a UDP socket connected to one remote); {@code local} is
     * the address the OS picked for us.
     *
     * @param connection the connection's {@linkplain ConnectionIds id}; 0 for a UDP socket
     */
    record Connected(long timeMillis, InetSocketAddress local, InetSocketAddress remote, long connection)
            implements SessionEvent {
        public Connected {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remote, "remote");
        }

        /** Not about a TCP connection: id 0. */
        public Connected(long timeMillis, InetSocketAddress local, InetSocketAddress remote) {
            this(timeMillis, local, remote, ConnectionIds.NONE);
        }
    }

    /**
     * Bytes received from or sent to {@code peer}. {@code bytes} is owned by the event: the
     * engine hands over a fresh array and nobody may modify it afterwards.
     *
     * @param connection the TCP connection's {@linkplain ConnectionIds id}; 0 for a datagram
     * @param automatic  sent by the application on its own (an echo, an auto-reply), not typed
     * @param roundTripNanos for a received message that answers a send of ours to the same peer
     *                   within {@link RoundTrips#TIMEOUT_NANOS}: from the send being handed to the
     *                   socket to this message being complete (framed), on the I/O thread; else -1
     */
    record Data(long timeMillis, Direction direction, InetSocketAddress peer, byte[] bytes, long connection,
                boolean automatic, long roundTripNanos) implements SessionEvent {
        public Data {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(bytes, "bytes");
        }

        public Data(long timeMillis, Direction direction, InetSocketAddress peer, byte[] bytes, long connection,
                    boolean automatic) {
            this(timeMillis, direction, peer, bytes, connection, automatic, RoundTrips.NONE);
        }

        public Data(long timeMillis, Direction direction, InetSocketAddress peer, byte[] bytes, long connection) {
            this(timeMillis, direction, peer, bytes, connection, false, RoundTrips.NONE);
        }

        /** Not about a TCP connection (a datagram): id 0. */
        public Data(long timeMillis, Direction direction, InetSocketAddress peer, byte[] bytes) {
            this(timeMillis, direction, peer, bytes, ConnectionIds.NONE, false, RoundTrips.NONE);
        }
    }

    /**
     * {@code length} bytes of a file went to {@code peer} straight from the file (sendfile) and
     * were not read back, because whoever sent the file said nothing would keep them (a log that
     * only keeps its last megabytes, no capture recording sent bytes): see
     * {@code FileSender.Listener#readBack}. Stands for a TX {@link Data} of that length without
     * its bytes: the counters count it as sent, a log shows no row for it.
     *
     * @param connection the TCP connection's {@linkplain ConnectionIds id}
     */
    record SentUnread(long timeMillis, InetSocketAddress peer, int length, long connection) implements SessionEvent {
        public SentUnread {
            Objects.requireNonNull(peer, "peer");
            if (length < 0) {
                throw new IllegalArgumentException("negative length: " + length);
            }
        }
    }

    /**
     * One connection ended; the session may go on (a server with other clients). What it had not
     * sent yet is said here, once, with the end that cut it off: nothing goes unreported, and a
     * storm of departures stays a few rows.
     *
     * @param connection the connection's {@linkplain ConnectionIds id}
     * @param unsent     the sends it had not handed to the system whole, and how far the first
     *                   went; {@link Unsent#NONE} when nothing waited (and for a relay's links)
     */
    record Disconnected(long timeMillis, InetSocketAddress remote, CloseReason reason, long connection,
                        Unsent unsent) implements SessionEvent {
        public Disconnected {
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(reason, "reason");
            unsent = unsent == null ? Unsent.NONE : unsent;
        }

        /** Nothing left unsent. */
        public Disconnected(long timeMillis, InetSocketAddress remote, CloseReason reason, long connection) {
            this(timeMillis, remote, reason, connection, Unsent.NONE);
        }

        /** With id 0, for callers that know no connection id. */
        public Disconnected(long timeMillis, InetSocketAddress remote, CloseReason reason) {
            this(timeMillis, remote, reason, ConnectionIds.NONE);
        }
    }

    /**
     * The peer finished sending: its end of stream (a FIN). It may have closed its socket, or only
     * shut its output and wait for an answer ({@code printf ... | nc -N}); nobody can tell the two
     * apart, so the connection stays open and we may still send. It ends when we close it, when a
     * send finds the peer gone, or after a quiet linger time (then {@link Disconnected} with
     * {@link CloseReason#PEER}).
     *
     * @param connection the connection's {@linkplain ConnectionIds id}
     */
    record PeerFinished(long timeMillis, InetSocketAddress remote, long connection) implements SessionEvent {
        public PeerFinished {
            Objects.requireNonNull(remote, "remote");
        }
    }

    /**
     * A send to several clients that some of them could not take: their send queues are full, as
     * they have not been reading. One event names all of them, however many, instead of one
     * failure per client per send.
     *
     * @param peers   the clients that did not get the bytes, in no particular order; never empty
     * @param skipped true when the sender (a repeat or a file send) leaves them out from now on
     */
    record SendQueueFull(long timeMillis, List<InetSocketAddress> peers, boolean skipped) implements SessionEvent {
        public SendQueueFull {
            peers = List.copyOf(peers);
            if (peers.isEmpty()) {
                throw new IllegalArgumentException("no peer");
            }
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
     *
     * @param connection the {@linkplain ConnectionIds id} of the one TCP connection the failure is
     *                   about; 0 when it is about none (a failed bind or connect, a datagram)
     * @param peerChain  the certificates a TLS peer presented when they were refused (expired, a
     *                   wrong name, an unknown issuer), its own first, so the user can read them
     *                   and pin one; empty for every other failure
     */
    record Failure(long timeMillis, FailureKind kind, InetSocketAddress peer, String detail, long connection,
                   List<PeerCertificate> peerChain) implements SessionEvent {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = detail == null ? "" : detail;
            peerChain = peerChain == null ? List.of() : List.copyOf(peerChain);
        }

        /** Presents no certificate: every failure but a TLS peer's refused one. */
        public Failure(long timeMillis, FailureKind kind, InetSocketAddress peer, String detail, long connection) {
            this(timeMillis, kind, peer, detail, connection, List.of());
        }

        /** Not about one TCP connection: id 0. */
        public Failure(long timeMillis, FailureKind kind, InetSocketAddress peer, String detail) {
            this(timeMillis, kind, peer, detail, ConnectionIds.NONE);
        }
    }

    /**
     * A TLS handshake on connection {@code connection} completed: from now on its bytes are
     * encrypted, and what was agreed is in {@code handshake}. Follows the connection's
     * {@link Connected}; nothing is sent on a TLS connection before it.
     */
    record Secured(long timeMillis, InetSocketAddress remote, TlsHandshake handshake, long connection)
            implements SessionEvent {
        public Secured {
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(handshake, "handshake");
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

    /**
     * Bytes a relay read from one side of a relayed connection and forwards to the other (or bytes
     * the user injected into a leg). {@code bytes} are as read from {@code from}, before any fault
     * or rewrite; what the relay did to them is told by {@link FaultInjected} events. The array is
     * owned by the event.
     *
     * @param connection the relayed connection's {@linkplain ConnectionIds id} (a UDP relay gives
     *                   each client address a flow id of its own)
     * @param leg        which way the bytes go: {@link Leg#UP} client to target, {@link Leg#DOWN}
     *                   target to client
     * @param from       the side that sent them (for injected bytes: the side they pretend to come from)
     * @param to         the side they are forwarded to
     * @param injected   typed or sent by the user into the leg rather than read from {@code from}
     */
    record Relayed(long timeMillis, long connection, Leg leg, InetSocketAddress from, InetSocketAddress to,
                   byte[] bytes, boolean injected) implements SessionEvent {
        public Relayed {
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * We shut our sending side of connection {@code connection} (half-close: a FIN goes out); we
     * still receive what the peer sends until it closes too.
     */
    record HalfClosed(long timeMillis, InetSocketAddress remote, long connection) implements SessionEvent {
        public HalfClosed {
            Objects.requireNonNull(remote, "remote");
        }
    }

    /**
     * A relayed connection's client got its link to the target: from now on bytes flow both ways.
     * Follows the client's {@link Connected} (whose remote is the client) with the same id.
     *
     * @param client the client that connected to the relay
     * @param target the target address the relay connected to
     */
    record Linked(long timeMillis, long connection, InetSocketAddress client, InetSocketAddress target)
            implements SessionEvent {
        public Linked {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A relay did something to the traffic on purpose: a fault, a rewrite, a hold or its release,
     * an injection. Every one is an event, so the log tells what was done when.
     *
     * @param connection the connection concerned, or 0 when it concerns the whole relay (faults
     *                   changed, hold, release)
     * @param leg        the leg concerned, or null when both or none
     * @param detail     what exactly, in plain words and numbers, for the log; never null
     */
    record FaultInjected(long timeMillis, long connection, Leg leg, RelayFault what, String detail)
            implements SessionEvent {
        public FaultInjected {
            Objects.requireNonNull(what, "what");
            detail = detail == null ? "" : detail;
        }
    }

    /**
     * Socket options were set on a socket and read back: what the system granted, option by
     * option, including the ones it does not have or refused. Reported when the user asked for
     * options beyond the defaults, changed them while open, or one could not be set; a socket
     * with the defaults that all took reports none.
     *
     * @param peer       the remote of the connection, or the local address of a listening or UDP
     *                   socket
     * @param connection the TCP connection's {@linkplain ConnectionIds id}; 0 for a listening or
     *                   UDP socket, or for a change applied to all of a server's clients
     * @param clients    how many connections a change applied to (a server's clients); 1 otherwise
     */
    record OptionsApplied(long timeMillis, InetSocketAddress peer, List<OptionGrant> grants, long connection,
                          int clients) implements SessionEvent {
        public OptionsApplied {
            grants = List.copyOf(grants);
        }

        /** True when an option could not be set as asked. */
        public boolean hasProblem() {
            return grants.stream().anyMatch(OptionGrant::isProblem);
        }
    }

    /** The session is over: always the last event, exactly once. */
    record Closed(long timeMillis, CloseReason reason) implements SessionEvent {
        public Closed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
