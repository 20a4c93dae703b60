package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The UTF-8 fast path skips the CharsetDecoder, so it is only correct if it agrees with it byte for
 * byte, malformed input included. These tests compare the two on many random inputs.
 */
class StreamTextDecoderUtf8FastPathTest {

    private static final int ROUNDS = 4000;

    @Test
    void fastAndGenericPathsAgreeOnRandomInputSplitAtRandomPoints() {
        Random random = new Random(0x5EED_C0DEL);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] stream = randomStream(random, round % 3);
            StreamTextDecoder fast = new StreamTextDecoder(StandardCharsets.UTF_8);
            StreamTextDecoder generic = new StreamTextDecoder(StandardCharsets.UTF_8, false);
            StringBuilder fullText = new StringBuilder();
            boolean onlyDecodeCalls = true;
            int position = 0;
            while (position < stream.length) {
                int length = 1 + random.nextInt(Math.min(stream.length - position, 1 + random.nextInt(80)));
                String where = "round " + round + " at " + position + "+" + length + " of " + HexFormatter.format(stream);
                if (random.nextBoolean()) {
                    String expected = generic.decode(stream, position, length);
                    assertEquals(expected, fast.decode(stream, position, length), where);
                    fullText.append(expected);
                } else {
                    int maxChars = random.nextInt(14);
                    DecodedPreview expected = generic.decodePreview(stream, position, length, maxChars);
                    assertEquals(expected, fast.decodePreview(stream, position, length, maxChars), where);
                    onlyDecodeCalls = false;
                }
                assertEquals(generic.pendingBytes(), fast.pendingBytes(), where);
                position += length;
            }
            String ending = generic.flush();
            assertEquals(ending, fast.flush(), "round " + round);
            if (onlyDecodeCalls) {
                assertEquals(new String(stream, StandardCharsets.UTF_8), fullText + ending, "round " + round);
            }
        }
    }

    @Test
    void fastAndGenericPathsAgreeOnValidTextAtEverySplitAndPreviewSize() {
        byte[] text = "Hi 你好，世界 😀 é € 𠀀!".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= text.length; cut++) {
            for (int maxChars = 0; maxChars <= 22; maxChars++) {
                StreamTextDecoder fast = new StreamTextDecoder(StandardCharsets.UTF_8);
                StreamTextDecoder generic = new StreamTextDecoder(StandardCharsets.UTF_8, false);
                String where = "cut " + cut + ", maxChars " + maxChars;
                assertEquals(generic.decodePreview(text, 0, cut, maxChars), fast.decodePreview(text, 0, cut, maxChars), where);
                assertEquals(generic.pendingBytes(), fast.pendingBytes(), where);
                assertEquals(generic.decodePreview(text, cut, text.length - cut, maxChars),
                        fast.decodePreview(text, cut, text.length - cut, maxChars), where);
            }
        }
    }

    /** Every 1- and 2-byte tail, and 3-byte tails over the bytes where the UTF-8 rules change. */
    @Test
    void incompleteTailMatchesWhatTheDecoderLeavesUnread() {
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
        for (int first = 0; first < 256; first++) {
            assertTail(new byte[] {0x41, (byte) first});
            for (int second = 0; second < 256; second++) {
                assertTail(new byte[] {0x41, (byte) first, (byte) second});
                for (int third : interesting) {
                    assertTail(new byte[] {0x41, (byte) first, (byte) second, (byte) third});
                }
            }
        }
    }

    @Test
    void cuttingAtAStepStartDoesNotChangeTheText() {
        Random random = new Random(77L);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = randomStream(random, round % 3);
            String whole = new String(bytes, StandardCharsets.UTF_8);
            for (int target = 1; target < bytes.length; target++) {
                int cut = Utf8Boundaries.stepStartAtOrBefore(bytes, 0, target);
                assertTrue(cut >= 0 && cut <= target, "cut " + cut + " for target " + target);
                String joined = new String(bytes, 0, cut, StandardCharsets.UTF_8)
                        + new String(bytes, cut, bytes.length - cut, StandardCharsets.UTF_8);
                assertEquals(whole, joined, "target " + target + " in " + HexFormatter.format(bytes));
            }
        }
    }

    private static void assertTail(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(16), false);
        assertEquals(in.remaining(), Utf8Boundaries.incompleteTailLength(bytes, 0, bytes.length),
                () -> HexFormatter.format(bytes));
    }

    /**
     * @param kind 0: uniformly random bytes; 1: bytes drawn from the classes UTF-8 cares about
     *             (ASCII, continuation, each lead range), which hits edge cases far more often;
     *             2: valid text with a few bytes damaged
     */
    private static byte[] randomStream(Random random, int kind) {
        int length = random.nextInt(160);
        switch (kind) {
            case 0 -> {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 -> {
                int[] classes = {0x00, 0x80, 0xC0, 0xC2, 0xE0, 0xED, 0xE1, 0xF0, 0xF4, 0xF1, 0xF5, 0x90, 0xA0};
                int[] spans = {0x80, 0x40, 0x02, 0x1E, 0x01, 0x01, 0x0C, 0x01, 0x01, 0x03, 0x0B, 0x10, 0x20};
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++) {
                    int c = random.nextInt(classes.length);
                    bytes[i] = (byte) (classes[c] + random.nextInt(spans[c]));
                }
                return bytes;
            }
            default -> {
                StringBuilder text = new StringBuilder();
                while (text.length() < length / 2) {
                    int codePoint = switch (random.nextInt(4)) {
                        case 0 -> 0x20 + random.nextInt(0x5F);
                        case 1 -> 0x80 + random.nextInt(0x780);
                        case 2 -> 0x4E00 + random.nextInt(0x5000);
                        default -> 0x10000 + random.nextInt(0x20000);
                    };
                    text.appendCodePoint(codePoint);
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                for (int damage = random.nextInt(3); damage > 0 && bytes.length > 0; damage--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
        }
    }
}
