package io.socketdeck.core.framing;

import java.util.Arrays;

/**
 * Holds everything read; the connection {@link #flush() flushes} the frame once no byte came for
 * the gap. Past the cap or the budget, what is held is handed over as a cut row.
 */
final class IdleGapFramer implements Framer {

    private final long gapNanos;
    private final HeldBytes held;

    IdleGapFramer(long gapNanos, HeldBytes held) {
        this.gapNanos = gapNanos;
        this.held = held;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, Sink sink) {
        if (held.add(bytes, offset, length)) {
            return;
        }
        byte[] earlier = held.takeAll();
        if (earlier != null) {
            sink.frame(earlier);
        }
        if (!held.add(bytes, offset, length)) {
            sink.frame(Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    @Override
    public byte[] flush() {
        return held.takeAll();
    }

    @Override
    public int held() {
        return held.size();
    }

    @Override
    public long idleGapNanos() {
        return gapNanos;
    }
}
