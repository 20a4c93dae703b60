package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChecksumTest {

    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Check values from the CRC RevEng catalogue; SUM8 and XOR8 worked out by hand (0x1DD mod 256, 0x31). */
    static Stream<Arguments> checkValues() {
        return Stream.of(
                Arguments.of(Checksum.SUM8, 0xDDL),
                Arguments.of(Checksum.XOR8, 0x31L),
                Arguments.of(Checksum.CRC8, 0xF4L),
                Arguments.of(Checksum.CRC16_MODBUS, 0x4B37L),
                Arguments.of(Checksum.CRC16_CCITT_FALSE, 0x29B1L),
                Arguments.of(Checksum.CRC32, 0xCBF43926L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkValues")
    void publishedCheckValueOf123456789(Checksum checksum, long expected) {
        assertEquals(expected, checksum.compute(CHECK_INPUT));
    }

    @Test
    void sum8WrapsAndXor8CancelsOut() {
        assertEquals(0x00, Checksum.SUM8.compute(bytes(0xFF, 0x01)));
        assertEquals(0xFE, Checksum.SUM8.compute(bytes(0xFF, 0xFF)));
        assertEquals(0x0A, Checksum.SUM8.compute(bytes(0x01, 0x02, 0x03, 0x04)));
        assertEquals(0x07, Checksum.XOR8.compute(bytes(0x01, 0x02, 0x04)));
        assertEquals(0x00, Checksum.XOR8.compute(bytes(0xA5, 0xA5)));
        assertEquals(0, Checksum.SUM8.compute(new byte[0]));
    }

    @Test
    void modbusRequestFrameGetsItsKnownCrc() {
        // Read holding registers: slave 1, function 3, address 0, count 10 -> CRC C5 CD on the wire.
        assertArrayEquals(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD),
                Checksum.CRC16_MODBUS.append(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A)));
    }

    static Stream<Arguments> appendedBytes() {
        return Stream.of(
                Arguments.of(Checksum.SUM8, bytes(0xDD)),
                Arguments.of(Checksum.XOR8, bytes(0x31)),
                Arguments.of(Checksum.CRC8, bytes(0xF4)),
                Arguments.of(Checksum.CRC16_MODBUS, bytes(0x37, 0x4B)),
                Arguments.of(Checksum.CRC16_CCITT_FALSE, bytes(0x29, 0xB1)),
                Arguments.of(Checksum.CRC32, bytes(0x26, 0x39, 0xF4, 0xCB)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendedBytes")
    void appendsInItsByteOrder(Checksum checksum, byte[] tail) {
        byte[] framed = checksum.append(CHECK_INPUT);
        assertEquals(CHECK_INPUT.length + checksum.width(), framed.length);
        byte[] head = new byte[CHECK_INPUT.length];
        System.arraycopy(framed, 0, head, 0, head.length);
        assertArrayEquals(CHECK_INPUT, head, "payload unchanged");
        byte[] appended = new byte[checksum.width()];
        System.arraycopy(framed, CHECK_INPUT.length, appended, 0, appended.length);
        assertArrayEquals(tail, appended);
    }

    @Test
    void noneAppendsNothing() {
        assertSame(CHECK_INPUT, Checksum.NONE.append(CHECK_INPUT));
        assertEquals(0, Checksum.NONE.width());
    }

    @Test
    void computesOverARange() {
        byte[] padded = new byte[CHECK_INPUT.length + 4];
        System.arraycopy(CHECK_INPUT, 0, padded, 2, CHECK_INPUT.length);
        for (Checksum checksum : Checksum.values()) {
            assertEquals(checksum.compute(CHECK_INPUT), checksum.compute(padded, 2, CHECK_INPUT.length), checksum.name());
        }
    }
}
