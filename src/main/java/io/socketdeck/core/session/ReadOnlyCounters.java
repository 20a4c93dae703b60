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

    TrafficCounters.Snapshot snapshot();
}
