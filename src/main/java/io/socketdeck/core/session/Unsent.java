package io.socketdeck.core.session;

/**
 * What a TCP connection had not sent when it ended (a reset, a close): the sends it had not handed
 * to the system whole, and their bytes it had not. The first of them may have gone in part, a
 * long send cut off in the middle: then how much of it went, and its length. The bytes that went
 * are in the counters (TX counts bytes as the system takes them); the sends are not messages sent.
 *
 * @param sends      sends not handed over whole; 0 when nothing waited
 * @param bytes      their bytes not handed over
 * @param cutWritten bytes of the first of them that went before the end; 0 when none did
 * @param cutLength  the first one's length when part of it went; 0 otherwise
 */
public record Unsent(long sends, long bytes, long cutWritten, long cutLength) {

    /** Nothing waited. */
    public static final Unsent NONE = new Unsent(0, 0, 0, 0);

    public Unsent {
        if (sends < 0 || bytes < 0 || cutWritten < 0 || cutLength < cutWritten) {
            throw new IllegalArgumentException("unsent " + sends + " sends, " + bytes + " bytes, cut "
                    + cutWritten + " of " + cutLength);
        }
    }

    /** True when some send did not go out whole. */
    public boolean any() {
        return sends > 0;
    }

    /** True when the first send went in part: it was cut off, not merely left waiting. */
    public boolean cut() {
        return cutWritten > 0;
    }

    /** Sends after the cut one (all of them when none was cut), none of whose bytes went. */
    public long untouchedSends() {
        return cut() ? sends - 1 : sends;
    }

    /** The bytes of {@link #untouchedSends()}. */
    public long untouchedBytes() {
        return cut() ? bytes - (cutLength - cutWritten) : bytes;
    }
}
