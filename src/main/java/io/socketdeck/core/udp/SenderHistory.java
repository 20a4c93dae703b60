package io.socketdeck.core.udp;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Who sent to a UDP socket lately, newest first, for "reply to last sender" and the pick list.
 *
 * <p>Only the I/O thread writes, and only when a datagram's sender differs from the previous one's,
 * so a flood from one peer costs nothing here. Each change publishes an immutable snapshot with one
 * volatile write: no lock on the receive path, and a reader always sees a consistent list and
 * version, never older than the datagrams it has already been told about.
 */
public final class SenderHistory {

    private record Snapshot(InetSocketAddress[] newestFirst, long version) {
    }

    private final InetSocketAddress[] recent;
    private int size;
    private volatile Snapshot published = new Snapshot(new InetSocketAddress[0], 0);

    public SenderHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.recent = new InetSocketAddress[capacity];
    }

    /** Records the sender of a datagram; I/O thread only. */
    void saw(InetSocketAddress sender) {
        if (size > 0 && recent[0].equals(sender)) {
            return;
        }
        int at = 0;
        while (at < size && !recent[at].equals(sender)) {
            at++;
        }
        if (at == size && size < recent.length) {
            size++;
        }
        // Move to the front: what was before it moves down one; the oldest falls off when full.
        System.arraycopy(recent, 0, recent, 1, Math.min(at, recent.length - 1));
        recent[0] = sender;
        published = new Snapshot(Arrays.copyOf(recent, size), published.version() + 1);
    }

    /** The sender of the newest datagram, or null before the first. */
    public InetSocketAddress last() {
        InetSocketAddress[] now = published.newestFirst();
        return now.length == 0 ? null : now[0];
    }

    /** Distinct recent senders, newest first. */
    public List<InetSocketAddress> recent() {
        return List.of(published.newestFirst());
    }

    /** Changes whenever {@link #recent()} would answer differently: a cheap "anything new?". */
    public long version() {
        return published.version();
    }
}
