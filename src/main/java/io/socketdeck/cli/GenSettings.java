package io.socketdeck.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * One {@code socketdeck gen} run as checked from its command line.
 *
 * @param tcp             TCP (else UDP)
 * @param peer            where to, its address looked up once
 * @param rate            messages a second in all, 0 for as fast as the peer takes them
 * @param count           messages in all, 0 when the run is timed instead
 * @param durationNanos   how long a timed run sends, 0 when it counts instead
 * @param connections     TCP connections sharing the load (rate and count are split between them)
 * @param requestResponse send one message, wait for the answer, then the next (per connection)
 * @param replyTimeoutNanos how long an answer may take before it counts as missing
 */
record GenSettings(boolean tcp, InetSocketAddress peer, double rate, long count, long durationNanos,
                   int connections, boolean requestResponse, long replyTimeoutNanos) {

    InetAddress address() {
        return peer.getAddress();
    }

    /** This connection's share of {@code total}: the first {@code total % connections} get one more. */
    static long share(long total, int connections, int index) {
        return total / connections + (index < total % connections ? 1 : 0);
    }
}
