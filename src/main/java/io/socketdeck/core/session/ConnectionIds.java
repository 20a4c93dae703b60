package io.socketdeck.core.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers TCP connections, unique within the process, so events about one connection can be told
 * from another's even when a port is reused at once (a client that reconnects from the same local
 * port has the same address, not the same id).
 */
public final class ConnectionIds {

    /** The id of events that are about no TCP connection: datagrams, a failed bind or connect. */
    public static final long NONE = 0;

    private static final AtomicLong LAST = new AtomicLong();

    private ConnectionIds() {
    }

    /** A new id, never {@link #NONE}. */
    public static long next() {
        return LAST.incrementAndGet();
    }
}
