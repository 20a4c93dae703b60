package io.socketdeck.core.framing;

import java.util.Arrays;

/** Cuts a frame every {@code length} bytes. */
final class FixedLengthFramer implements Framer {

    private final int length;
    private final HeldBytes held;

    FixedLengthFramer(int length, HeldBytes held) {
        this.length = length;
        this.held = held;
    }

    @Override
    public void feed(byte[] bytes, int offset, int count, Sink sink) {
        int end = offset + count;
        int at = offset;
        if (held.size() > 0) {
            int missing = length - held.size();
            if (count < missing) {
                holdOrCut(bytes, offset, end, sink);
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
            holdOrCut(bytes, at, end, sink);
        }
    }

    /** Holds a partial frame; when the session's budget has no room, hands it over as a cut row. */
    private void holdOrCut(byte[] bytes, int from, int end, Sink sink) {
        if (!held.add(bytes, from, end - from)) {
            byte[] earlier = held.takeAll();
            if (earlier != null) {
                sink.frame(earlier);
            }
            sink.frame(Arrays.copyOfRange(bytes, from, end));
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
}
