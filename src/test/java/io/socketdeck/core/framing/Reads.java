package io.socketdeck.core.framing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Feeds a framer the way a socket would, and builds the byte streams the tests send. */
final class Reads {

    /**
     * Bytes around every read: delimiter bytes and length-like bytes, so a framer that looks before
     * {@code offset} or past {@code offset + length} sees something that changes its output.
     */
    private static final byte[] JUNK = bytes("\r\n|#|ABA\u007e\u00ff\u0000\u0001");

    /** Overwrites a read once fed: a framer that kept the array (or handed it out) would see it change. */
    private static final byte SCRIBBLE = 'Z';

    private Reads() {
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(ISO_8859_1);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Feeds {@code stream[from, to)} as one read, from the middle of a larger array. */
    static void feed(Framer framer, byte[] stream, int from, int to, Framer.Sink sink) {
        int length = to - from;
        byte[] read = new byte[JUNK.length + length + JUNK.length];
        System.arraycopy(JUNK, 0, read, 0, JUNK.length);
        System.arraycopy(stream, from, read, JUNK.length, length);
        System.arraycopy(JUNK, 0, read, JUNK.length + length, JUNK.length);
        framer.feed(read, JUNK.length, length, sink);
        Arrays.fill(read, SCRIBBLE);
    }

    static void feed(Framer framer, byte[] read, Framer.Sink sink) {
        feed(framer, read, 0, read.length, sink);
    }

    static void feed(Framer framer, String latin1, Framer.Sink sink) {
        feed(framer, bytes(latin1), sink);
    }

    /** Feeds {@code stream} as reads that end at each of {@code cuts} (ascending; equal cuts make empty reads). */
    static void feedSplitAt(Framer framer, byte[] stream, Framer.Sink sink, int... cuts) {
        int at = 0;
        for (int cut : cuts) {
            feed(framer, stream, at, cut, sink);
            at = cut;
        }
        feed(framer, stream, at, stream.length, sink);
    }

    /** Feeds {@code stream} in reads of {@code size} bytes (the last may be shorter). */
    static void feedInReadsOf(Framer framer, byte[] stream, int size, Framer.Sink sink) {
        for (int at = 0; at < stream.length; at += size) {
            feed(framer, stream, at, Math.min(stream.length, at + size), sink);
        }
    }

    /** Bytes 0, 1, 2... so that every frame of a fixed-length stream is different. */
    static byte[] sequence(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** A frame as a peer sends it under {@code spec}: filler header bytes, the length field, the payload. */
    static byte[] lengthPrefixed(Framing.LengthPrefix spec, byte[] payload) {
        int header = spec.offset() + spec.width();
        long field = spec.countsHeader() ? header + payload.length : payload.length;
        ByteBuffer out = ByteBuffer.allocate(header + payload.length).order(spec.order());
        for (int i = 0; i < spec.offset(); i++) {
            out.put((byte) (0xA0 + i));
        }
        switch (spec.width()) {
            case 1 -> out.put((byte) field);
            case 2 -> out.putShort((short) field);
            case 4 -> out.putInt((int) field);
            default -> throw new IllegalArgumentException("width " + spec.width());
        }
        out.put(payload);
        return out.array();
    }

    static byte[] lengthPrefixed(Framing.LengthPrefix spec, String payload) {
        return lengthPrefixed(spec, bytes(payload));
    }

    /** Where {@code needle} first occurs in {@code haystack}; -1 when it does not. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
