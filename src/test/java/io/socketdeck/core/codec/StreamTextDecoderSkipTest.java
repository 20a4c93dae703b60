package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A preview of a long read skips decoding the bytes past it (see {@code boundaryBelow}); what it
 * shows and what it carries to the next read must be exactly what decoding every byte gives, for
 * valid text and for garbage, split anywhere.
 */
class StreamTextDecoderSkipTest {

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "Big5", "ISO-8859-1", "US-ASCII"})
    void previewsAgreeWithDecodingEverythingForAnyBytesSplitAnywhere(String name) {
        Charset charset = Charset.forName(name);
        Random random = new Random(name.hashCode());
        String text = "温度=23.4℃ 湿度=43% 状态=正常\r\n設備狀態：正常 OK; ";
        for (int stream = 0; stream < 300; stream++) {
            byte[] bytes = switch (stream % 3) {
                case 0 -> garbage(random, 4_000);
                case 1 -> pairsWithLowSecondBytes(random, 4_000);
                default -> repeat(text.getBytes(charset), 4_000);
            };
            StreamTextDecoder previewing = new StreamTextDecoder(charset);
            StreamTextDecoder full = new StreamTextDecoder(charset);
            int position = 0;
            while (position < bytes.length) {
                int length = Math.min(bytes.length - position, 1 + random.nextInt(stream % 2 == 0 ? 40 : 1_500));
                int maxChars = random.nextInt(60);
                DecodedPreview preview = previewing.decodePreview(bytes, position, length, maxChars);
                String all = full.decode(bytes, position, length);
                String expected = all.substring(0, Math.min(all.length(), preview.text().length()));
                assertEquals(expected, preview.text(), name + " stream " + stream + " at " + position);
                assertTrue(preview.text().length() == Math.min(all.length(), maxChars)
                        || preview.text().length() == maxChars - 1, "the preview is as long as asked");
                assertEquals(all.length() > preview.text().length(), preview.truncated());
                assertEquals(full.pendingBytes(), previewing.pendingBytes(),
                        name + " stream " + stream + ": the same bytes carry over at " + (position + length));
                position += length;
            }
            assertEquals(full.flush(), previewing.flush());
        }
    }

    /** Bytes of every kind, lead and second bytes and ASCII in runs, as a wrong charset or noise gives. */
    private static byte[] garbage(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            bytes[i] = (byte) switch (kind) {
                case 0 -> random.nextInt(0x40);
                case 1 -> 0x40 + random.nextInt(0x40);
                default -> 0x80 + random.nextInt(0x80);
            };
        }
        return bytes;
    }

    /**
     * Two-byte characters whose second byte is 0x40 to 0x7E, which is ASCII on its own: where a
     * read ends inside such a run, only decoding from a true boundary knows which byte starts a
     * character, so a skip that trusted such a byte would carry over the wrong bytes.
     */
    private static byte[] pairsWithLowSecondBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i + 1 < length; i += 2) {
            bytes[i] = (byte) (0x81 + random.nextInt(0x7E));
            bytes[i + 1] = (byte) (0x40 + random.nextInt(0x3F));
        }
        return bytes;
    }

    private static byte[] repeat(byte[] unit, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = unit[i % unit.length];
        }
        return bytes;
    }
}
