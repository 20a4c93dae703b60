package io.socketdeck.core.framing;

import java.util.Arrays;

/** Cuts a frame every {@code length} bytes. */
final class FixedLengthFramer extends HoldingFramer {

    private final int length;

    FixedLengthFramer(int length, HeldBytes held) {
        super(held);
        this.length = length;
    }

    @Override
    public void feed(byte[] bytes, int offset, int count, Sink sink) {
        int end = offset + count;
        int at = offset;
        if (held.size() > 0) {
            int missing = length - held.size();
            if (count < missing) {
                holdOrCut(bytes, offset, end, sink, false);
                return;
            }
            sink.frame(new Joined(held, bytes, offset).copy(length));
            held.discard(held.size());
            at += missing;
        }
        while (end - at >= length) {
            sink.frame(Arrays.copyOfRange(bytes, at, at + length));
            at += length;
        }
        if (at < end) {
            holdOrCut(bytes, at, end, sink, false);
        }
    }
}
