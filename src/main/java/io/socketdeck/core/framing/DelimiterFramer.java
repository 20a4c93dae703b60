package io.socketdeck.core.framing;

import java.util.Arrays;

/**
 * Ends a frame at each delimiter, found also when it straddles two reads. Frames wholly inside
 * a read are cut straight from it; only the unfinished tail is held.
 */
final class DelimiterFramer extends HoldingFramer {

    private final byte[] delimiter;
    private final boolean keep;

    DelimiterFramer(byte[] delimiter, boolean keep, HeldBytes held) {
        super(held);
        this.delimiter = delimiter;
        this.keep = keep;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, Sink sink) {
        int end = offset + length;
        int at = offset;
        if (held.size() > 0) {
            int frameEnd = endAcross(bytes, offset, end);
            if (frameEnd < 0) {
                holdOrCut(bytes, offset, end, sink, true);
                return;
            }
            int run = held.size() + frameEnd - offset;
            sink.frame(new Joined(held, bytes, offset).copy(keep ? run : run - delimiter.length));
            held.discard(held.size());
            at = frameEnd;
        }
        while (at < end) {
            int found = indexOf(bytes, at, end);
            if (found < 0) {
                break;
            }
            sink.frame(Arrays.copyOfRange(bytes, at, keep ? found + delimiter.length : found));
            at = found + delimiter.length;
        }
        if (at < end) {
            holdOrCut(bytes, at, end, sink, true);
        }
    }

    /**
     * Where in the read the first delimiter after the held bytes ends (exclusive), looking first
     * at one that begins among the held bytes; -1 when the read has none.
     */
    private int endAcross(byte[] bytes, int offset, int end) {
        int heldSize = held.size();
        Joined run = new Joined(held, bytes, offset);
        int runLength = heldSize + end - offset;
        for (int start = Math.max(0, heldSize - delimiter.length + 1); start < heldSize; start++) {
            if (start + delimiter.length <= runLength && matchesAt(run, start)) {
                return offset + start + delimiter.length - heldSize;
            }
        }
        int found = indexOf(bytes, offset, end);
        return found < 0 ? -1 : found + delimiter.length;
    }

    private boolean matchesAt(Joined run, int start) {
        for (int i = 0; i < delimiter.length; i++) {
            if (run.get(start + i) != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte[] bytes, int from, int end) {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (bytes[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
