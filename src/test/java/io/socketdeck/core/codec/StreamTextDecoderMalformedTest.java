package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bytes the charset cannot decode show up as U+FFFD and never stop the stream. */
class StreamTextDecoderMalformedTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");

    @Test
    void utf8InvalidByteBecomesReplacement() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        assertEquals("A\uFFFDB", decoder.decode(bytes(0x41, 0xFF, 0x42)));
        assertEquals("你好", decoder.decode("你好".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void utf8OverlongFormIsRejected() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        assertEquals("\uFFFD\uFFFD/", decoder.decode(bytes(0xC0, 0xAF, 0x2F)));
    }

    @Test
    void utf8SequenceBrokenInTheNextReadBecomesOneReplacement() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        assertEquals("", decoder.decode(bytes(0xE4, 0xBD)));
        assertEquals(2, decoder.pendingBytes());
        assertEquals("\uFFFDA", decoder.decode(bytes(0x41)));
        assertEquals(0, decoder.pendingBytes());
        assertEquals("世界", decoder.decode("世界".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gbkInvalidTrailByteBecomesReplacementAndDecodingGoesOn() {
        StreamTextDecoder decoder = new StreamTextDecoder(GBK);
        assertEquals("\uFFFD\u007F", decoder.decode(bytes(0xC4, 0x7F)));
        assertEquals("\uFFFDA", decoder.decode(bytes(0xFF, 0x41)));
        assertEquals("你好", decoder.decode("你好".getBytes(GBK)));
    }

    @Test
    void big5InvalidLeadByteBecomesReplacement() {
        StreamTextDecoder decoder = new StreamTextDecoder(BIG5);
        assertEquals("\uFFFDA", decoder.decode(bytes(0x80, 0x41)));
        assertEquals("世界", decoder.decode("世界".getBytes(BIG5)));
    }

    @Test
    void utf16LoneLowSurrogateBecomesReplacement() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_16BE);
        assertEquals("\uFFFDA", decoder.decode(bytes(0xDC, 0x00, 0x00, 0x41)));
        assertEquals("你", decoder.decode(bytes(0x4F, 0x60)));
    }

    @Test
    void asciiHighByteBecomesReplacement() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.US_ASCII);
        assertEquals("A\uFFFDB", decoder.decode(bytes(0x41, 0x80, 0x42)));
    }

    @Test
    void flushTurnsLeftoverBytesIntoReplacementAndResets() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        assertEquals("A", decoder.decode(bytes(0x41, 0xF0, 0x9F, 0x98)));
        assertEquals(3, decoder.pendingBytes());
        assertEquals("\uFFFD", decoder.flush());
        assertEquals(0, decoder.pendingBytes());
        assertEquals("B", decoder.decode(bytes(0x42)));
    }

    @Test
    void flushOfFourByteGb18030Prefix() {
        StreamTextDecoder decoder = new StreamTextDecoder(GB18030);
        assertEquals("", decoder.decode(bytes(0x95, 0x32, 0x82)));
        assertEquals(3, decoder.pendingBytes());
        assertEquals("\uFFFD", decoder.flush());
        assertEquals("𠀀", decoder.decode(bytes(0x95, 0x32, 0x82, 0x36)));
    }

    @Test
    void flushWithNothingLeftOverIsEmpty() {
        StreamTextDecoder decoder = new StreamTextDecoder(GBK);
        assertEquals("", decoder.flush());
        assertEquals("你", decoder.decode(bytes(0xC4, 0xE3)));
        assertEquals("", decoder.flush());
    }

    @Test
    void resetForgetsLeftoverBytes() {
        StreamTextDecoder decoder = new StreamTextDecoder(GBK);
        assertEquals("", decoder.decode(bytes(0xC4)));
        decoder.reset();
        assertEquals(0, decoder.pendingBytes());
        assertEquals("A你", decoder.decode(bytes(0x41, 0xC4, 0xE3)));
    }

    @Test
    void emptyReadKeepsLeftoverBytes() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        decoder.decode(bytes(0xE4));
        assertEquals("", decoder.decode(new byte[0]));
        assertEquals(1, decoder.pendingBytes());
        assertEquals("你", decoder.decode(bytes(0xBD, 0xA0)));
    }

    @Test
    void rangeOutsideTheArrayIsRejected() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        byte[] four = new byte[4];
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.decode(four, 2, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.decodePreview(four, -1, 2, 10));
    }

    @Test
    void reportsItsCharset() {
        assertSame(GBK, new StreamTextDecoder(GBK).charset());
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
