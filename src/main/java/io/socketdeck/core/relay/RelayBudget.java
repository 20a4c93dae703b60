package io.socketdeck.core.relay;

import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * What all the legs of one relay may hold together, counted as each leg counts against its own
 * bound: bytes read but not delivered and {@link LegPipe#CHUNK_OVERHEAD} a chunk. A leg's bound
 * alone let a peer (or many) make the relay hold it many times over while the user holds the relay
 * or a fault slows it: 1,024 UDP flows, two legs each, 2 GiB; TCP connections, as many as there are
 * file descriptors. Loop thread only.
 *
 * <p>When it is spent, a TCP leg that wants to read stops being read and waits in line (the sender
 * is pushed back, as at its own bound); a UDP datagram that does not fit is dropped. Either is
 * counted and told once a burst ({@link BurstReport}).
 *
 * <p>Bytes delivered make room and wake the line, one leg at a time, first come first woken: the
 * woken leg reads at once (its source had bytes when it stopped) and the next is woken while room
 * is left. A leg not woken may not read while others wait, and a woken one that finds the room
 * taken keeps its place at the head: no leg waits behind ones that came after it, however many
 * connections keep sending. Waking all at once would hand the room to whichever the selector
 * happens to list first, each time.
 */
final class RelayBudget {

    /**
     * 64 MiB: 64 legs full to their own 1 MiB bound at once, which a relay under test seldom
     * reaches; what the TCP server lets all its clients' send queues hold together; a sixteenth
     * of the app's 1 GB heap, which the other tabs share.
     */
    static final long DEFAULT_BYTES = 64L << 20;
    /**
     * Room at which the line is woken: not for every few bytes delivered (a throttled leg delivers
     * a step at a time: each wake would make a small read, a chunk and a log row of its own), yet
     * small beside the budget, so legs stalled on nearly all of it do not keep the others waiting
     * while a useful amount is free. A small budget (tests) wakes at an eighth of itself.
     */
    static final long WAKE_ROOM = 64 * 1024;

    private final long limit;
    private final long wakeRoom;
    /** TCP legs waiting for room, first come first. */
    private final ArrayDeque<LegPipe> line = new ArrayDeque<>();
    /** The leg woken last, until it reads: it alone may read while others wait. */
    private LegPipe woken;
    private long used;
    private final BurstReport paused;
    private final BurstReport dropped;

    /** @param where the relay's listening address, named in its reports */
    RelayBudget(long limit, RelayContext context, Supplier<InetSocketAddress> where) {
        if (limit <= LegPipe.CHUNK_OVERHEAD) {
            throw new IllegalArgumentException("a budget must hold a chunk: " + limit);
        }
        this.limit = limit;
        this.wakeRoom = Math.max(LegPipe.CHUNK_OVERHEAD + 1, Math.min(limit / 8, WAKE_ROOM));
        this.paused = context.burstReport((count, bytes) -> context.emit(new SessionEvent.Failure(
                System.currentTimeMillis(), FailureKind.RELAY_BUDGET_PAUSED, where.get(), count + "\n" + limit)));
        this.dropped = context.burstReport((count, bytes) -> context.emit(new SessionEvent.Failure(
                System.currentTimeMillis(), FailureKind.RELAY_BUDGET_DROPPED, where.get(),
                count + "\n" + bytes + "\n" + limit)));
    }

    long limit() {
        return limit;
    }

    /** What the legs hold now, overhead included. */
    long used() {
        return used;
    }

    /** Whether anything more fits: an injecting send tool waits until it does. */
    boolean hasRoom() {
        return used < limit;
    }

    /** A leg queued {@code cost}; never refused here: {@link #readRoom} and {@link #admitDatagram} let it in. */
    void charge(long cost) {
        used += cost;
    }

    /** {@code cost} left a leg (delivered, or dropped with its connection): the line may move. */
    void release(long cost) {
        used -= cost;
        wakeNext();
    }

    /**
     * Whether a datagram of {@code length} bytes fits with its overhead; one that does not is
     * counted as dropped, to be told with its burst.
     */
    boolean admitDatagram(int length) {
        if (used + length + LegPipe.CHUNK_OVERHEAD <= limit) {
            return true;
        }
        dropped.add(length);
        return false;
    }

    /**
     * How many bytes the TCP leg {@code leg}, whose source is ready, may read now: what is free less
     * one chunk's overhead, so what it queues stays within the budget. 0 when it must wait: it is
     * then in line, and its source is read again once {@link LegPipe#budgetWoken} (the link, seeing
     * the 0, stops reading it).
     */
    long readRoom(LegPipe leg) {
        if (leg.inLine) {
            return 0; // read by mistake while waiting: it keeps its place
        }
        boolean turn = woken == leg;
        if (turn) {
            woken = null;
        }
        long room = limit - used - LegPipe.CHUNK_OVERHEAD;
        if (room > 0 && (turn || woken == null && line.isEmpty())) {
            if (turn) {
                wakeNext(); // it reads now, on this turn of the loop; the next one reads on a later turn
            }
            return room;
        }
        leg.inLine = true;
        if (turn) {
            line.addFirst(leg); // woken, but the leg woken before it read the room (or an injection): still first
        } else {
            line.addLast(leg);
            paused.add(0);
        }
        return 0;
    }

    /** The leg stopped reading for its own bound: if it was woken, the next one is. */
    void passTurn(LegPipe leg) {
        if (woken == leg) {
            woken = null;
            wakeNext();
        }
    }

    /** The leg's connection is gone: out of the line, and its turn, if it had one, goes on. */
    void forget(LegPipe leg) {
        if (leg.inLine) {
            line.remove(leg);
            leg.inLine = false;
        }
        passTurn(leg);
    }

    private void wakeNext() {
        while (woken == null && !line.isEmpty() && limit - used >= wakeRoom) {
            LegPipe next = line.pollFirst();
            next.inLine = false;
            if (next.budgetWoken()) {
                woken = next;
            }
        }
    }
}
