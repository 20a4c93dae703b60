package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Datagrams are whole messages: nothing of one may change how the next one reads. */
class StreamTextDecoderWholeMessageTest {

    static Stream<Arguments> decoders() {
        return Stream.of(
                Arguments.of("UTF-8 fast", (Function<Charset, StreamTextDecoder>) StreamTextDecoder::new,
                        StandardCharsets.UTF_8),
                Arguments.of("UTF-8 generic", (Function<Charset, StreamTextDecoder>) c -> new StreamTextDecoder(c, false),
                        StandardCharsets.UTF_8),
                Arguments.of("GBK", (Function<Charset, StreamTextDecoder>) StreamTextDecoder::new,
                        Charset.forName("GBK")));
    }

    private static DecodedPreview whole(StreamTextDecoder decoder, byte[] bytes, int maxChars) {
        return decoder.decodeWholePreview(bytes, 0, bytes.length, maxChars);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void aCutCharacterIsMarkedAndNotCarriedIntoTheNextMessage(String name,
            Function<Charset, StreamTextDecoder> factory, Charset charset) {
        StreamTextDecoder decoder = factory.apply(charset);
        byte[] ni = "你".getBytes(charset);
        byte[] cut = Arrays.copyOf(ni, ni.length - 1);

        assertEquals(new DecodedPreview("a\uFFFD", false), whole(decoder, concat("a".getBytes(charset), cut), 10));
        assertEquals(0, decoder.pendingBytes(), "nothing waits for a next datagram");
        // As a stream the leftover would glue onto these bytes; as messages it must not.
        assertEquals(new DecodedPreview("你好", false), whole(decoder, "你好".getBytes(charset), 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void previewLimitsStillApply(String name, Function<Charset, StreamTextDecoder> factory, Charset charset) {
        StreamTextDecoder decoder = factory.apply(charset);
        byte[] ni = "你".getBytes(charset);
        byte[] cut = Arrays.copyOf(ni, ni.length - 1);

        assertEquals(new DecodedPreview("ab", true), whole(decoder, concat("abc".getBytes(charset), cut), 2));
        assertEquals(new DecodedPreview("abc", true), whole(decoder, concat("abc".getBytes(charset), cut), 3));
        assertEquals(new DecodedPreview("hello", false), whole(decoder, "hello".getBytes(charset), 5));
        assertEquals(0, decoder.pendingBytes());
    }

    @Test
    void utf8ShortcutAgreesWithTheGenericPathOnRandomMessages() {
        Random random = new Random(0xDA7A_6EAL);
        StreamTextDecoder fast = new StreamTextDecoder(StandardCharsets.UTF_8);
        StreamTextDecoder generic = new StreamTextDecoder(StandardCharsets.UTF_8, false);
        byte[] alphabet = "aZ你好😀".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 5000; round++) {
            byte[] message = new byte[random.nextInt(24)];
            for (int i = 0; i < message.length; i++) {
                // Mostly pieces of real characters, sometimes any byte: cut and malformed sequences.
                message[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            int maxChars = random.nextInt(30);
            String where = "round " + round + ": " + HexFormatter.format(message) + ", maxChars " + maxChars;
            assertEquals(whole(generic, message, maxChars), whole(fast, message, maxChars), where);
            assertEquals(0, fast.pendingBytes(), where);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
