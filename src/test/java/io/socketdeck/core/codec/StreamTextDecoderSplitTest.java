package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A character split across reads at any byte must come out whole, in every offered charset. */
class StreamTextDecoderSplitTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("GBK", "Hi 你好，世界! €"),
                Arguments.of("GB18030", "Hi 你好，世界 € 𠀀 end"),
                Arguments.of("Big5", "Hi 你好，世界!"),
                Arguments.of("UTF-8", "Hi 你好，世界 😀 é €"),
                Arguments.of("UTF-16LE", "Hi 你好，世界 😀"),
                Arguments.of("UTF-16BE", "Hi 你好，世界 😀"));
    }

    /** Shorter texts for the three-part split, which tries every pair of cut points. */
    static Stream<Arguments> shortSamples() {
        return Stream.of(
                Arguments.of("GBK", "A你，€"),
                Arguments.of("GB18030", "A你€𠀀"),
                Arguments.of("Big5", "A你，界"),
                Arguments.of("UTF-8", "A你😀é"),
                Arguments.of("UTF-16LE", "A你😀"),
                Arguments.of("UTF-16BE", "A你😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void splitAtEveryByteBoundaryDecodesWhole(String charsetName, String text) {
        Charset charset = Charset.forName(charsetName);
        byte[] bytes = encode(text, charset);
        for (int cut = 0; cut <= bytes.length; cut++) {
            StreamTextDecoder decoder = new StreamTextDecoder(charset);
            String first = decoder.decode(bytes, 0, cut);
            String second = decoder.decode(bytes, cut, bytes.length - cut);
            assertEquals(0, decoder.pendingBytes(), "cut at " + cut);
            assertEquals(text, first + second, "cut at " + cut);
            assertEquals("", decoder.flush(), "cut at " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shortSamples")
    void splitIntoThreePartsAtEveryPairOfBoundariesDecodesWhole(String charsetName, String text) {
        Charset charset = Charset.forName(charsetName);
        byte[] bytes = encode(text, charset);
        StreamTextDecoder decoder = new StreamTextDecoder(charset);
        for (int i = 0; i <= bytes.length; i++) {
            for (int j = i; j <= bytes.length; j++) {
                String joined = decoder.decode(bytes, 0, i)
                        + decoder.decode(bytes, i, j - i)
                        + decoder.decode(bytes, j, bytes.length - j);
                assertEquals(text, joined, "cuts at " + i + " and " + j);
                assertEquals("", decoder.flush(), "cuts at " + i + " and " + j);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void oneByteAtATimeDecodesWhole(String charsetName, String text) {
        Charset charset = Charset.forName(charsetName);
        byte[] bytes = encode(text, charset);
        StreamTextDecoder decoder = new StreamTextDecoder(charset);
        StringBuilder joined = new StringBuilder();
        for (byte b : bytes) {
            joined.append(decoder.decode(new byte[] {b}));
            assertTrue(decoder.pendingBytes() <= 3, "pending " + decoder.pendingBytes());
        }
        assertEquals(text, joined.toString());
        assertEquals(0, decoder.pendingBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void offsetAndLengthSelectTheRange(String charsetName, String text) {
        Charset charset = Charset.forName(charsetName);
        byte[] bytes = encode(text, charset);
        byte[] padded = new byte[bytes.length + 7];
        padded[0] = padded[1] = padded[2] = (byte) 0xFF;
        padded[padded.length - 1] = (byte) 0xFF;
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        int middle = bytes.length / 2 + 1;
        StreamTextDecoder decoder = new StreamTextDecoder(charset);
        String joined = decoder.decode(padded, 3, middle) + decoder.decode(padded, 3 + middle, bytes.length - middle);
        assertEquals(text, joined);
    }

    /** Arbitrary bytes, valid or not: how a read is split must never change the text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.socketdeck.core.codec.SupportedCharsets#all")
    void randomBytesSplitAnywhereDecodeAsWhole(Charset charset) {
        Random random = new Random(20240611L);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = new byte[random.nextInt(24)];
            random.nextBytes(bytes);
            StreamTextDecoder whole = new StreamTextDecoder(charset);
            String expected = whole.decode(bytes) + whole.flush();

            StreamTextDecoder split = new StreamTextDecoder(charset);
            StringBuilder actual = new StringBuilder();
            int position = 0;
            while (position < bytes.length) {
                int length = 1 + random.nextInt(bytes.length - position);
                actual.append(split.decode(bytes, position, length));
                position += length;
            }
            actual.append(split.flush());
            assertEquals(expected, actual.toString(), () -> "bytes " + HexFormatter.format(bytes));
            assertEquals(new String(bytes, charset), expected, () -> "bytes " + HexFormatter.format(bytes));
        }
    }

    private static byte[] encode(String text, Charset charset) {
        byte[] bytes = text.getBytes(charset);
        // Guards the samples themselves: an unmappable character would make every test pass vacuously.
        assertEquals(text, new String(bytes, charset), "sample must be representable in " + charset);
        return bytes;
    }
}
