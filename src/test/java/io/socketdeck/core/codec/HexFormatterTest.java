package io.socketdeck.core.codec;

import static io.socketdeck.core.codec.StreamTextDecoderMalformedTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HexFormatterTest {

    private static final byte[] HEL = bytes(0x48, 0x65, 0x6C);

    @Test
    void formatsUpperCaseWithSingleSpaces() {
        assertEquals("48 65 6C", HexFormatter.format(HEL));
        assertEquals("00 0A 7F 80 FF", HexFormatter.format(bytes(0x00, 0x0A, 0x7F, 0x80, 0xFF)));
        assertEquals("0F", HexFormatter.format(bytes(0x0F)));
        assertEquals("", HexFormatter.format(new byte[0]));
    }

    @Test
    void formatsARange() {
        assertEquals("65 6C", HexFormatter.format(HEL, 1, 2));
        assertEquals("", HexFormatter.format(HEL, 3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> HexFormatter.format(HEL, 2, 2));
    }

    @Test
    void previewFormatsOnlyTheFirstBytesWithoutEllipsis() {
        assertEquals("48 65", HexFormatter.formatPreview(HEL, 2));
        assertEquals("48 65 6C", HexFormatter.formatPreview(HEL, 3));
        assertEquals("48 65 6C", HexFormatter.formatPreview(HEL, 100));
        assertEquals("", HexFormatter.formatPreview(HEL, 0));
        assertThrows(IllegalArgumentException.class, () -> HexFormatter.formatPreview(HEL, -1));
    }

    @Test
    void compactHasNoSeparators() {
        assertEquals("48656C", HexFormatter.compact(HEL));
        assertEquals("", HexFormatter.compact(new byte[0]));
    }

    @Test
    void everyByteValueFormatsAndParsesBack() throws HexFormatException {
        byte[] all = new byte[256];
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
            String two = String.format(Locale.ROOT, "%02X", i);
            assertEquals(two, HexFormatter.format(bytes(i)));
            assertEquals(two, HexFormatter.compact(bytes(i)));
            spaced.append(i == 0 ? "" : " ").append(two);
        }
        assertEquals(spaced.toString(), HexFormatter.format(all));
        assertEquals(spaced.toString().replace(" ", ""), HexFormatter.compact(all));
        assertArrayEquals(all, HexParser.parse(HexFormatter.format(all)));
        assertArrayEquals(all, HexParser.parse(HexFormatter.compact(all)));
        assertArrayEquals(all, HexParser.parse(HexFormatter.format(all).toLowerCase(Locale.ROOT)));
    }
}
