package io.socketdeck.core.session;

import java.net.InetSocketAddress;

/**
 * What one session's automatic replies waiting for their rule's delay may hold. A reply may wait
 * up to a minute, and each waiting one is a timer, a reply and its peer: a peer sending matching
 * messages at 100,000 a second would otherwise have the session hold six million of them and run
 * out of memory. Beyond the {@link Limits} a reply is not scheduled at all, and the replies not
 * sent are said in one {@link FailureKind#DELAYED_REPLIES_FULL} event a burst (the session's
 * {@link BurstReport} counts them), not one per reply: the flood that caused them would bury the
 * log. The connection stays open; replies without a delay are not
 * counted here, they wait in the send queue, which has its own limits.
 *
 * <p>Each waiting reply costs its bytes and {@link #ENTRY_OVERHEAD}. Loop thread only.
 */
final class DelayedReplies {

    /**
     * What a waiting reply costs besides its bytes: its session timer, the loop's timer and their
     * two lambdas, the set entry that lets the session cancel it, the array's header, and the
     * small event naming where it goes (about 230 bytes with compressed pointers), rounded up.
     */
    static final int ENTRY_OVERHEAD = 256;

    /**
     * @param maxReplies replies waiting at once
     * @param maxBytes   their bytes and per-reply overhead together
     */
    record Limits(int maxReplies, long maxBytes) {

        /** A session's: 10,000 replies or 16 MiB, a delay's worth of a fast device's requests. */
        static final Limits DEFAULT = new Limits(10_000, 16L << 20);

        Limits {
            if (maxReplies < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("delayed reply limits must be positive: " + maxReplies + ", "
                        + maxBytes);
            }
        }
    }

    private final Limits limits;
    private int waiting;
    private long cost;
    /** Replies not sent since the last report, and what the first of them met. */
    /** What the first reply not sent since the last report met; null when none was refused. */
    private InetSocketAddress firstPeer;
    private long firstConnection;
    private int waitingAtFirst;
    private long costAtFirst;

    DelayedReplies(Limits limits) {
        this.limits = limits;
    }

    /**
     * Takes a reply of {@code length} bytes for its wait when it fits; else notes what the first
     * reply refused since the last report met (the caller counts it in its burst).
     *
     * @return true when taken: the caller {@link #release}s it when it fires
     */
    boolean take(int length, SessionEvent.Data request) {
        long more = ENTRY_OVERHEAD + (long) length;
        // With none waiting, one reply bigger than the bytes limit may still wait: one is bounded.
        if (waiting == 0 || waiting < limits.maxReplies() && cost + more <= limits.maxBytes()) {
            waiting++;
            cost += more;
            return true;
        }
        if (firstPeer == null) {
            firstPeer = request.peer();
            firstConnection = request.connection();
            waitingAtFirst = waiting;
            costAtFirst = cost;
        }
        return false;
    }

    /** A reply taken with {@code length} bytes is no longer waiting. */
    void release(int length) {
        waiting--;
        cost -= ENTRY_OVERHEAD + (long) length;
    }

    int waiting() {
        return waiting;
    }

    /**
     * The {@code count} replies not sent since the last report, as one event, and the next
     * refusal is a first again; null when none was refused since. The detail's lines: how many,
     * then the replies and bytes waiting when the first was refused.
     */
    SessionEvent.Failure report(long count, long nowMillis) {
        if (firstPeer == null) {
            return null;
        }
        String detail = count + "\n" + waitingAtFirst + "\n" + costAtFirst;
        SessionEvent.Failure report = new SessionEvent.Failure(nowMillis, FailureKind.DELAYED_REPLIES_FULL,
                firstPeer, detail, firstConnection);
        firstPeer = null;
        return report;
    }
}
