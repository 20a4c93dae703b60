package io.socketdeck.core.tcp;

import io.socketdeck.core.framing.Framer;
import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.SelectorLoop;

/**
 * One connection's reads cut the way its session's {@link ReceiveFraming} says now: each read as
 * it is, or the frames a {@link Framer} completes, a frame begun ended by an idle gap when the
 * framing has one. A framing changed while connected is taken up at the next read (or when the
 * session asks, {@link #takeUpChange()}): the frame begun under the old one goes out as it is,
 * nothing held is lost. Loop thread only.
 */
final class ConnectionFramer {

    private final ReceiveFraming framing;
    /** Sets the idle-gap timer: the connection's own, so what the timer throws ends the connection. */
    private final Timers timers;
    /** Where reads and frames go: each read as it is while the framing is "as read". */
    private final Framer.Sink out;
    private Framing inUse = Framing.AsRead.INSTANCE;
    /** Null while each read is a row. */
    private Framer framer;
    private long lastReadNanos;
    private SelectorLoop.Timer idleGap;
    private boolean stopped;

    /** How a connection sets a timer of its own on its loop. */
    interface Timers {
        SelectorLoop.Timer schedule(long delayNanos, Runnable task);
    }

    ConnectionFramer(ReceiveFraming framing, Timers timers, Framer.Sink out) {
        this.framing = framing;
        this.timers = timers;
        this.out = out;
    }

    /** Cuts one read: as it is, or into the frames it completes. */
    void received(byte[] bytes) {
        if (inUse != framing.current()) {
            takeUpChange();
        }
        if (framer == null) {
            out.frame(bytes);
            return;
        }
        framer.feed(bytes, 0, bytes.length, out);
        if (framer.idleGapNanos() > 0 && framer.held() > 0) {
            lastReadNanos = System.nanoTime();
            if (idleGap == null) {
                scheduleIdleGap(framer.idleGapNanos());
            }
        }
    }

    /**
     * Takes up the session's framing if it changed: the frame begun under the old one goes out as
     * it is, and the next read is cut the new way.
     */
    void takeUpChange() {
        Framing wanted = framing.current();
        if (wanted == inUse || stopped) {
            return;
        }
        if (wanted.equals(inUse)) {
            inUse = wanted; // the same framing set again: the frame begun goes on
            return;
        }
        handOverHeld();
        inUse = wanted;
        framer = wanted instanceof Framing.AsRead ? null : wanted.newFramer(framing.budget());
    }

    /** The frame begun and not finished goes out as a row of its own (end of stream, close, a gap). */
    void handOverHeld() {
        byte[] held = framer == null ? null : framer.flush();
        if (held != null) {
            out.frame(held);
        }
    }

    /** The connection closed: no gap timer left behind, no framing taken up. */
    void stop() {
        stopped = true;
        if (idleGap != null) {
            idleGap.cancel();
            idleGap = null;
        }
    }

    /** Ends the held frame once no byte came for the gap; a read since the timer was set moves it on. */
    private void scheduleIdleGap(long delayNanos) {
        idleGap = timers.schedule(delayNanos, () -> {
            idleGap = null;
            if (stopped || framer == null) {
                return;
            }
            long quiet = System.nanoTime() - lastReadNanos;
            if (quiet >= framer.idleGapNanos()) {
                handOverHeld();
            } else if (framer.held() > 0) {
                scheduleIdleGap(framer.idleGapNanos() - quiet);
            }
        });
    }
}
