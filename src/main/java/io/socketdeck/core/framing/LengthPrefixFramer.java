package io.socketdeck.core.framing;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads each frame's length from its header, also when the header or the frame straddles reads.
 * A length over the maximum (or shorter than the header itself) is reported with the bytes held
 * and the rest of the read, and framing starts again with the next read.
 */
final class LengthPrefixFramer extends HoldingFramer {

    private final Framing.LengthPrefix spec;
    private final int header;

    LengthPrefixFramer(Framing.LengthPrefix spec, HeldBytes held) {
        super(held);
        this.spec = spec;
        this.header = spec.headerLength();
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, Sink sink) {
        int end = offset + length;
        int at = offset;
        while (true) {
            Joined run = new Joined(held, bytes, at);
            int available = held.size() + end - at;
            if (available < header) {
                break;
            }
            long total = frameLength(run);
            if (total < header || total > spec.maxFrame()) {
                sink.oversized(total, run.copy(available));
                held.discard(held.size());
                return;
            }
            if (available < total) {
                break;
            }
            int fromRead = (int) total - held.size();
            sink.frame(run.copy((int) total));
            held.discard(held.size());
            at += fromRead;
        }
        if (at < end) {
            holdOrCut(bytes, at, end, sink, false);
        }
    }

    private long frameLength(Joined run) {
        long value = 0;
        int width = spec.width();
        for (int i = 0; i < width; i++) {
            int index = spec.order() == ByteOrder.BIG_ENDIAN ? spec.offset() + i : spec.offset() + width - 1 - i;
            value = value << 8 | run.get(index) & 0xFF;
        }
        return spec.countsHeader() ? value : header + value;
    }
}
