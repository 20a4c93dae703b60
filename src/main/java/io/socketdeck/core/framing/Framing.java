package io.socketdeck.core.framing;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * How a TCP tab cuts the received byte stream into messages: what one RX row is, and what a rule
 * or an echo answers. Immutable; {@link #newFramer()} gives the per-connection state that does
 * the cutting on the I/O thread. Counters count bytes as read whatever the framing; framing only
 * decides where rows begin and end, and no byte is ever left out of a row.
 */
public sealed interface Framing {

    /** The most a fixed-length or length-prefixed frame may hold. */
    int MAX_FRAME = 16 * 1024 * 1024;

    /**
     * The most bytes a delimiter or idle-gap framer holds for one frame: past it, what it holds
     * becomes a row of its own (a peer that never sends the delimiter cannot fill the memory).
     */
    int MAX_UNFRAMED = 1024 * 1024;

    /**
     * The state that cuts one connection's stream; one per connection, I/O thread only.
     *
     * @param budget what all the framers of the session may hold together
     */
    Framer newFramer(HoldBudget budget);

    /** A one-line description for the log and the tab ("delimiter 0D 0A, stripped"); not localized. */
    String describe();

    /** Each read is a row, as the socket delivered it (the default). */
    record AsRead() implements Framing {
        public static final AsRead INSTANCE = new AsRead();

        @Override
        public Framer newFramer(HoldBudget budget) {
            return new AsReadFramer();
        }

        @Override
        public String describe() {
            return "as read";
        }
    }

    /**
     * A frame ends with {@code delimiter} ({@code \n}, {@code \r\n}, {@code 03}, {@code 7E}...),
     * which the frame keeps or drops.
     */
    record Delimiter(byte[] delimiter, boolean keep) implements Framing {
        public Delimiter {
            if (delimiter.length == 0 || delimiter.length > 64) {
                throw new IllegalArgumentException("a delimiter has 1 to 64 bytes, not " + delimiter.length);
            }
            delimiter = delimiter.clone();
        }

        @Override
        public byte[] delimiter() {
            return delimiter.clone();
        }

        @Override
        public Framer newFramer(HoldBudget budget) {
            return new DelimiterFramer(delimiter, keep, new HeldBytes(budget, MAX_UNFRAMED));
        }

        @Override
        public String describe() {
            return "delimiter " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(delimiter)
                    + (keep ? ", kept" : ", stripped");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Delimiter that && keep == that.keep && Arrays.equals(delimiter, that.delimiter);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(delimiter) * 31 + Boolean.hashCode(keep);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Every frame has {@code length} bytes. */
    record FixedLength(int length) implements Framing {
        public FixedLength {
            if (length < 1 || length > MAX_FRAME) {
                throw new IllegalArgumentException("a fixed length is 1 to " + MAX_FRAME + ", not " + length);
            }
        }

        @Override
        public Framer newFramer(HoldBudget budget) {
            return new FixedLengthFramer(length, new HeldBytes(budget, length));
        }

        @Override
        public String describe() {
            return "fixed length " + length;
        }
    }

    /**
     * Each frame says its length in a header field: {@code width} bytes (1, 2 or 4, unsigned) in
     * {@code order}, {@code offset} bytes into the frame. The length counts the whole frame
     * ({@code countsHeader}) or only what follows the field. A frame longer than {@code maxFrame}
     * is reported, and the bytes held so far become a row of their own: the framer starts again
     * with the next bytes read (resynchronising on a stream that lost its place).
     */
    record LengthPrefix(int width, ByteOrder order, int offset, boolean countsHeader, int maxFrame)
            implements Framing {
        public LengthPrefix {
            Objects.requireNonNull(order, "order");
            if (width != 1 && width != 2 && width != 4) {
                throw new IllegalArgumentException("a length field has 1, 2 or 4 bytes, not " + width);
            }
            if (offset < 0 || offset > 1024) {
                throw new IllegalArgumentException("the length field's offset is 0 to 1024, not " + offset);
            }
            if (maxFrame < offset + width || maxFrame > MAX_FRAME) {
                throw new IllegalArgumentException("the maximum frame is " + (offset + width) + " to " + MAX_FRAME
                        + ", not " + maxFrame);
            }
        }

        /** The header: the bytes up to the end of the length field. */
        int headerLength() {
            return offset + width;
        }

        @Override
        public Framer newFramer(HoldBudget budget) {
            return new LengthPrefixFramer(this, new HeldBytes(budget, maxFrame));
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "length prefix of %d bytes (%s) at offset %d, %s, at most %,d",
                    width, order == ByteOrder.BIG_ENDIAN ? "big endian" : "little endian", offset,
                    countsHeader ? "counting the header" : "not counting the header", maxFrame);
        }
    }

    /** A frame ends when no byte came for {@code millis} (serial-style "frame interval"). */
    record IdleGap(int millis) implements Framing {
        public IdleGap {
            if (millis < 1 || millis > 60_000) {
                throw new IllegalArgumentException("an idle gap is 1 to 60000 ms, not " + millis);
            }
        }

        @Override
        public Framer newFramer(HoldBudget budget) {
            return new IdleGapFramer(millis * 1_000_000L, new HeldBytes(budget, MAX_UNFRAMED));
        }

        @Override
        public String describe() {
            return "idle gap " + millis + " ms";
        }
    }
}
