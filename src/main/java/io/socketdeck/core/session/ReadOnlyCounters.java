package io.socketdeck.core.session;

/**
 * A view of {@link TrafficCounters} that can only be read: what a table row holds to show one
 * connection's live counts without being able to reset or add to them. Any thread.
 */
public interface ReadOnlyCounters {

    long rxBytes();

    long rxMessages();

    long txBytes();

    long txMessages();

    /** Encoded bytes read from the wire (TLS records); 0 over plain TCP and UDP. */
    long wireRxBytes();

    /** Encoded bytes written to the wire (TLS records); 0 over plain TCP and UDP. */
    long wireTxBytes();

    TrafficCounters.Snapshot snapshot();
}
