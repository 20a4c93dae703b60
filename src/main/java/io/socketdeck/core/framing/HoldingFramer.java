package io.socketdeck.core.framing;

import java.util.Arrays;

/** What every framer shares: the bytes of the frame begun, given up by {@link #flush()}. */
abstract class HoldingFramer implements Framer {

    final HeldBytes held;

    HoldingFramer(HeldBytes held) {
        this.held = held;
    }

    /**
     * Holds {@code bytes[from..end)} for the frame begun. When the cap or the session's budget has no
     * room, what was held is handed over as a cut row first. Then the new bytes are held if
     * {@code holdAfterCut} and they fit (a delimiter or a gap can be found in them as well as
     * anywhere), and otherwise are a cut row too: a length or a count that lost its start must
     * start again with the next read. No byte is lost either way.
     */
    final void holdOrCut(byte[] bytes, int from, int end, Sink sink, boolean holdAfterCut) {
        if (held.add(bytes, from, end - from)) {
            return;
        }
        byte[] earlier = held.takeAll();
        if (earlier != null) {
            sink.frame(earlier);
        }
        if (!holdAfterCut || !held.add(bytes, from, end - from)) {
            sink.frame(Arrays.copyOfRange(bytes, from, end));
        }
    }

    @Override
    public final byte[] flush() {
        return held.takeAll();
    }

    @Override
    public final int held() {
        return held.size();
    }
}
