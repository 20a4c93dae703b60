package io.socketdeck.core.framing;

/**
 * Holds everything read; the connection {@link #flush() flushes} the frame once no byte came for
 * the gap. Past the cap or the budget, what is held is handed over as a cut row.
 */
final class IdleGapFramer extends HoldingFramer {

    private final long gapNanos;

    IdleGapFramer(long gapNanos, HeldBytes held) {
        super(held);
        this.gapNanos = gapNanos;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, Sink sink) {
        holdOrCut(bytes, offset, offset + length, sink, true);
    }

    @Override
    public long idleGapNanos() {
        return gapNanos;
    }
}
