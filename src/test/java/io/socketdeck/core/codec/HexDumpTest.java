package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HexDumpTest {

    private static byte[] sequence(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (0x3E + i); // '>' onwards: printable, crossing into letters
        }
        return bytes;
    }

    @Test
    void noBytesNoLines() {
        assertEquals("", HexDump.format(new byte[0]));
    }

    @Test
    void oneByte() {
        assertEquals("00000000  41                                                |A|\n",
                HexDump.format(new byte[] {0x41}));
    }

    @Test
    void fifteenBytes() {
        assertEquals("00000000  3E 3F 40 41 42 43 44 45  46 47 48 49 4A 4B 4C     |>?@ABCDEFGHIJKL|\n",
                HexDump.format(sequence(15)));
    }

    @Test
    void sixteenBytesFillOneLine() {
        String line = "00000000  3E 3F 40 41 42 43 44 45  46 47 48 49 4A 4B 4C 4D  |>?@ABCDEFGHIJKLM|\n";
        assertEquals(line, HexDump.format(sequence(16)));
        assertEquals(HexDump.LINE_LENGTH + 1, line.length());
    }

    @Test
    void seventeenBytesStartASecondLine() {
        assertEquals("00000000  3E 3F 40 41 42 43 44 45  46 47 48 49 4A 4B 4C 4D  |>?@ABCDEFGHIJKLM|\n"
                        + "00000010  4E                                                |N|\n",
                HexDump.format(sequence(17)));
    }

    @Test
    void thirtyThreeBytesWithNonPrintables() {
        byte[] bytes = sequence(33);
        bytes[0] = 0x00;
        bytes[1] = 0x0D;
        bytes[2] = 0x0A;
        bytes[16] = 0x7F;
        bytes[17] = (byte) 0x80;
        bytes[18] = (byte) 0xFF;
        bytes[19] = 0x20;
        bytes[32] = 0x1F;
        assertEquals("00000000  00 0D 0A 41 42 43 44 45  46 47 48 49 4A 4B 4C 4D  |...ABCDEFGHIJKLM|\n"
                        + "00000010  7F 80 FF 20 52 53 54 55  56 57 58 59 5A 5B 5C 5D  |... RSTUVWXYZ[\\]|\n"
                        + "00000020  1F                                                |.|\n",
                HexDump.format(bytes));
    }

    @Test
    void offsetsCountFromTheGivenStart() {
        assertEquals("0001FFF8  42 43                                             |BC|\n",
                HexDump.format(new byte[] {0x41, 0x42, 0x43}, 1, 2, 0x1FFF8));
    }
}
