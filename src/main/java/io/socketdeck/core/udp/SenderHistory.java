package io.socketdeck.core.udp;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Who sent to a UDP socket lately, newest first, for "reply to last sender" and the pick list.
 * The I/O thread records a sender only when it differs from the previous datagram's, so a flood
 * from one peer costs one comparison per datagram; other threads read snapshots.
 */
public final class SenderHistory {

    private final int capacity;
    private final ArrayDeque<InetSocketAddress> recent = new ArrayDeque<>();
    private volatile InetSocketAddress last;
    private volatile long version;

    public SenderHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the sender of a datagram; called by the I/O thread only. */
    void saw(InetSocketAddress sender) {
        if (sender.equals(last)) {
            return;
        }
        synchronized (this) {
            recent.remove(sender);
            recent.addFirst(sender);
            while (recent.size() > capacity) {
                recent.removeLast();
            }
            last = sender;
            version++;
        }
    }

    /** The sender of the newest datagram, or null before the first. */
    public InetSocketAddress last() {
        return last;
    }

    /** Distinct recent senders, newest first. */
    public synchronized List<InetSocketAddress> recent() {
        return List.copyOf(recent);
    }

    /** Changes whenever {@link #recent()} would answer differently: a cheap "anything new?". */
    public long version() {
        return version;
    }
}
