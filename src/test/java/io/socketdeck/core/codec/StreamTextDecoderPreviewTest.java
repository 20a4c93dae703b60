package io.socketdeck.core.codec;

import static io.socketdeck.core.codec.StreamTextDecoderMalformedTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The log preview: the start of a read's text, with the stream state advanced as by decode. */
class StreamTextDecoderPreviewTest {

    /** UTF-8 on its fast path and on the generic path, and charsets that only have the generic path. */
    static Stream<Arguments> decoders() {
        return Stream.of(
                Arguments.of("UTF-8 fast", (Function<Charset, StreamTextDecoder>) StreamTextDecoder::new,
                        StandardCharsets.UTF_8),
                Arguments.of("UTF-8 generic", (Function<Charset, StreamTextDecoder>) c -> new StreamTextDecoder(c, false),
                        StandardCharsets.UTF_8),
                Arguments.of("GB18030", (Function<Charset, StreamTextDecoder>) StreamTextDecoder::new,
                        Charset.forName("GB18030")),
                Arguments.of("UTF-16LE", (Function<Charset, StreamTextDecoder>) StreamTextDecoder::new,
                        StandardCharsets.UTF_16LE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void truncatedOnlyWhenTextIsLonger(String name, Function<Charset, StreamTextDecoder> factory, Charset charset) {
        byte[] hello = "hello".getBytes(charset);
        assertEquals(new DecodedPreview("hello", false), preview(factory.apply(charset), hello, 10));
        assertEquals(new DecodedPreview("hello", false), preview(factory.apply(charset), hello, 5));
        assertEquals(new DecodedPreview("hell", true), preview(factory.apply(charset), hello, 4));
        assertEquals(new DecodedPreview("h", true), preview(factory.apply(charset), hello, 1));
        assertEquals(new DecodedPreview("", true), preview(factory.apply(charset), hello, 0));
        assertEquals(new DecodedPreview("", false), preview(factory.apply(charset), new byte[0], 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void cutNeverSplitsASurrogatePair(String name, Function<Charset, StreamTextDecoder> factory, Charset charset) {
        byte[] text = "ab😀cd".getBytes(charset);
        assertEquals(new DecodedPreview("ab", true), preview(factory.apply(charset), text, 2));
        assertEquals(new DecodedPreview("ab", true), preview(factory.apply(charset), text, 3));
        assertEquals(new DecodedPreview("ab😀", true), preview(factory.apply(charset), text, 4));
        assertEquals(new DecodedPreview("ab😀c", true), preview(factory.apply(charset), text, 5));
        assertEquals(new DecodedPreview("ab😀cd", false), preview(factory.apply(charset), text, 6));
        byte[] emojiOnly = "😀".getBytes(charset);
        assertEquals(new DecodedPreview("", true), preview(factory.apply(charset), emojiOnly, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void previewAdvancesTheStreamLikeDecode(String name, Function<Charset, StreamTextDecoder> factory, Charset charset) {
        byte[] text = "你好世界😀ok".getBytes(charset);
        for (int cut = 0; cut <= text.length; cut++) {
            StreamTextDecoder byDecode = factory.apply(charset);
            StreamTextDecoder byPreview = factory.apply(charset);
            String full = byDecode.decode(text, 0, cut);
            DecodedPreview preview = byPreview.decodePreview(text, 0, cut, 1);
            assertEquals(full.isEmpty() ? "" : full.substring(0, 1), preview.text(), "cut at " + cut);
            assertEquals(full.length() > 1, preview.truncated(), "cut at " + cut);
            assertEquals(byDecode.pendingBytes(), byPreview.pendingBytes(), "cut at " + cut);
            String rest = byDecode.decode(text, cut, text.length - cut);
            assertEquals(rest, byPreview.decode(text, cut, text.length - cut), "cut at " + cut);
            assertEquals("你好世界😀ok", full + rest);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void carriedOverCharacterComesFirstInThePreview(String name, Function<Charset, StreamTextDecoder> factory,
            Charset charset) {
        byte[] text = "你好世界".getBytes(charset);
        StreamTextDecoder decoder = factory.apply(charset);
        assertEquals("", decoder.decode(text, 0, 1));
        assertEquals(new DecodedPreview("你好", true), decoder.decodePreview(text, 1, text.length - 1, 2));
        assertEquals(0, decoder.pendingBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void largeReadPreviewKeepsStartAndCarriesTail(String name, Function<Charset, StreamTextDecoder> factory,
            Charset charset) {
        String unit = "你好，世界 😀 ";
        String whole = unit.repeat(4000) + "界";
        byte[] all = whole.getBytes(charset);
        byte[] read = Arrays.copyOf(all, all.length - 1);

        StreamTextDecoder decoder = factory.apply(charset);
        DecodedPreview preview = decoder.decodePreview(read, 0, read.length, 100);
        assertEquals(new DecodedPreview(whole.substring(0, 100), true), preview);
        assertEquals("界".getBytes(charset).length - 1, decoder.pendingBytes());
        assertEquals("界", decoder.decode(all, all.length - 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void largeReadDecodesInFull(String name, Function<Charset, StreamTextDecoder> factory, Charset charset) {
        String whole = "你好，世界 😀 abc ".repeat(5000);
        byte[] all = whole.getBytes(charset);
        StreamTextDecoder decoder = factory.apply(charset);
        assertEquals(whole, decoder.decode(all));
        assertEquals(new DecodedPreview(whole, false), factory.apply(charset).decodePreview(all, 0, all.length,
                whole.length()));
    }

    @Test
    void malformedBytesAfterTheCutStillLeaveTheRightTail() {
        byte[] read = bytes(0x41, 0x42, 0x43, 0x44, 0x45, 0xFF, 0xC0, 0x80, 0x80, 0x46, 0xE4, 0xBD);
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        assertEquals(new DecodedPreview("ABC", true), decoder.decodePreview(read, 0, read.length, 3));
        assertEquals(2, decoder.pendingBytes());
        assertEquals("你", decoder.decode(bytes(0xA0)));
    }

    @Test
    void negativeMaxCharsIsRejected() {
        StreamTextDecoder decoder = new StreamTextDecoder(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> decoder.decodePreview(new byte[1], 0, 1, -1));
    }

    private static DecodedPreview preview(StreamTextDecoder decoder, byte[] bytes, int maxChars) {
        return decoder.decodePreview(bytes, 0, bytes.length, maxChars);
    }
}
