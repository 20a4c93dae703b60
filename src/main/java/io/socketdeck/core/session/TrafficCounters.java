package io.socketdeck.core.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes and messages in each direction. The I/O thread updates them before it emits the matching
 * event, so a reader never sees an event for bytes not yet counted. A message is one read, one
 * completed send, or one datagram.
 *
 * <p>Bytes are the application's bytes. Over TLS the bytes on the wire (records, handshakes,
 * alerts) differ, and are counted apart as wire bytes; over plain TCP and UDP those stay 0.
 */
public final class TrafficCounters {

    private final AtomicLong rxBytes = new AtomicLong();
    private final AtomicLong rxMessages = new AtomicLong();
    private final AtomicLong txBytes = new AtomicLong();
    private final AtomicLong txMessages = new AtomicLong();
    private final AtomicLong wireRxBytes = new AtomicLong();
    private final AtomicLong wireTxBytes = new AtomicLong();
    private final ReadOnlyCounters readOnly = new ReadOnlyView();

    public void addReceived(long bytes) {
        rxBytes.addAndGet(bytes);
        rxMessages.incrementAndGet();
    }

    public void addSent(long bytes) {
        txBytes.addAndGet(bytes);
        txMessages.incrementAndGet();
    }

    /** Bytes read from and written to the wire by a transport that encodes (TLS), beyond the plain ones. */
    public void addWire(long received, long sent) {
        if (received != 0) {
            wireRxBytes.addAndGet(received);
        }
        if (sent != 0) {
            wireTxBytes.addAndGet(sent);
        }
    }

    public long rxBytes() {
        return rxBytes.get();
    }

    /** Encoded bytes read from the wire (TLS records); 0 over plain TCP and UDP. */
    public long wireRxBytes() {
        return wireRxBytes.get();
    }

    /** Encoded bytes written to the wire (TLS records); 0 over plain TCP and UDP. */
    public long wireTxBytes() {
        return wireTxBytes.get();
    }

    public long rxMessages() {
        return rxMessages.get();
    }

    public long txBytes() {
        return txBytes.get();
    }

    public long txMessages() {
        return txMessages.get();
    }

    public Snapshot snapshot() {
        return new Snapshot(rxBytes.get(), rxMessages.get(), txBytes.get(), txMessages.get());
    }

    /** Starts counting from zero; counts racing with the reset land on either side of it. */
    public void reset() {
        rxBytes.set(0);
        rxMessages.set(0);
        txBytes.set(0);
        txMessages.set(0);
        wireRxBytes.set(0);
        wireTxBytes.set(0);
    }

    /** These counters, live, for readers that must not change them; the same view every time. */
    public ReadOnlyCounters readOnly() {
        return readOnly;
    }

    /** A separate object, so a reader cannot cast its way back to the counters and reset them. */
    private final class ReadOnlyView implements ReadOnlyCounters {
        @Override
        public long rxBytes() {
            return TrafficCounters.this.rxBytes();
        }

        @Override
        public long rxMessages() {
            return TrafficCounters.this.rxMessages();
        }

        @Override
        public long txBytes() {
            return TrafficCounters.this.txBytes();
        }

        @Override
        public long txMessages() {
            return TrafficCounters.this.txMessages();
        }

        @Override
        public long wireRxBytes() {
            return TrafficCounters.this.wireRxBytes();
        }

        @Override
        public long wireTxBytes() {
            return TrafficCounters.this.wireTxBytes();
        }

        @Override
        public Snapshot snapshot() {
            return TrafficCounters.this.snapshot();
        }
    }

    /** An immutable reading of the counters. */
    public record Snapshot(long rxBytes, long rxMessages, long txBytes, long txMessages) {
        public static final Snapshot ZERO = new Snapshot(0, 0, 0, 0);
    }
}
