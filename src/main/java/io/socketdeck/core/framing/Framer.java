package io.socketdeck.core.framing;

/**
 * Cuts one connection's byte stream into frames as the bytes arrive, whatever the reads' sizes:
 * a delimiter or a length field split across two reads is found all the same. Holds the bytes of
 * the frame begun; {@link #flush()} gives them up (the connection closed, an idle gap passed, the
 * framing changed). One per connection, I/O thread only.
 */
public interface Framer {

    /** Where a framer's output goes. */
    interface Sink {
        /** One whole frame; the array is the sink's to keep. */
        void frame(byte[] frame);

        /**
         * A length field announced a frame over the maximum (or shorter than its own header):
         * {@code held} are the bytes held for it, handed over unframed so nothing is lost, and the
         * framer starts again with the next bytes.
         */
        void oversized(long announced, byte[] held);
    }

    /** Cuts {@code length} bytes of {@code bytes} from {@code offset}; does not keep the array. */
    void feed(byte[] bytes, int offset, int length, Sink sink);

    /** The bytes of the frame begun and not finished, as a frame of their own, then none; null when none. */
    byte[] flush();

    /** How many bytes are held for the frame begun. */
    int held();

    /** Nanoseconds of silence after which the frame begun ends (see {@link #flush()}); 0 for never. */
    default long idleGapNanos() {
        return 0;
    }
}
