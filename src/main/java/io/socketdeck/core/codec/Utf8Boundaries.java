package io.socketdeck.core.codec;

/**
 * Where UTF-8 byte runs can be cut without changing what they decode to. UTF-8 is self-synchronising:
 * every byte says whether it starts a sequence or continues one, so both questions below are answered
 * by looking at no more than the last four bytes, instead of decoding everything before them.
 *
 * <p>The rules follow how the JDK's UTF-8 decoder (and {@code new String(..., UTF_8)}) split input into
 * steps: a valid sequence or a malformed piece that becomes one U+FFFD. A malformed piece is a lead
 * byte plus the continuation bytes that were still plausible, or one stray byte; it never swallows a
 * byte that is not a continuation byte. {@code StreamTextDecoderUtf8FastPathTest} checks these rules
 * against the real decoder.
 */
final class Utf8Boundaries {

    /** A sequence is a lead byte and at most three continuation bytes. */
    private static final int MAX_CONTINUATIONS = 3;

    private Utf8Boundaries() {
    }

    static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * How many bytes at the end of {@code [from, to)} start a sequence that more bytes could still
     * complete; the decoder, when told more input follows, leaves exactly these bytes unread.
     *
     * @param from where a decoding step is known to start (nothing before it is looked at)
     */
    static int incompleteTailLength(byte[] bytes, int from, int to) {
        for (int k = 1; k <= MAX_CONTINUATIONS && to - k >= from; k++) {
            int lead = bytes[to - k] & 0xFF;
            if (isContinuation((byte) lead)) {
                continue;
            }
            int length = sequenceLength(lead);
            return length > k && plausiblePrefix(lead, bytes, to - k + 1, to) ? k : 0;
        }
        return 0;
    }

    /**
     * The last position in {@code (from, target]} where a decoding step starts, so {@code [from, result)}
     * and what follows decode separately exactly as they would together; {@code from} itself only when
     * there is no such position.
     *
     * <p>A byte that is not a continuation byte always starts a step. A continuation byte with no lead
     * byte close enough before it to own it (three continuation bytes, or the step start {@code from},
     * in between) is a stray byte and a step of its own.
     *
     * @param from   where a decoding step is known to start
     * @param target a position inside the array, after {@code from}
     */
    static int stepStartAtOrBefore(byte[] bytes, int from, int target) {
        int lowest = Math.max(from, target - MAX_CONTINUATIONS);
        for (int i = target; i >= lowest; i--) {
            if (!isContinuation(bytes[i])) {
                return i;
            }
        }
        return target;
    }

    /** Total length of a sequence by its lead byte; 0 for bytes that can never lead one. */
    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /**
     * Whether the continuation bytes seen so far still allow a valid sequence. The second byte is
     * narrowed for E0 (no overlong forms), F0 (no overlong forms) and F4 (nothing above U+10FFFF).
     * ED followed by A0..BF (a surrogate) is deliberately accepted here, because the JDK decoder only
     * rejects it once the third byte has arrived.
     */
    private static boolean plausiblePrefix(int lead, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (!isContinuation((byte) b)) {
                return false;
            }
            if (i == from && !secondByteAllowed(lead, b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean secondByteAllowed(int lead, int second) {
        return switch (lead) {
            case 0xE0 -> second >= 0xA0;
            case 0xF0 -> second >= 0x90;
            case 0xF4 -> second <= 0x8F;
            default -> true;
        };
    }
}
