package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.bytes;
import static io.socketdeck.core.framing.Reads.feed;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FramingRecordsTest {

    private static void rejected(Executable construction) {
        assertThrows(IllegalArgumentException.class, construction);
    }

    @Test
    void aDelimiterHasOneToSixtyFourBytes() {
        rejected(() -> new Framing.Delimiter(new byte[0], false));
        rejected(() -> new Framing.Delimiter(new byte[65], true));
        assertDoesNotThrow(() -> new Framing.Delimiter(new byte[1], false));
        assertDoesNotThrow(() -> new Framing.Delimiter(new byte[64], false));
    }

    @Test
    void aFixedLengthIsOneToMaxFrame() {
        rejected(() -> new Framing.FixedLength(0));
        rejected(() -> new Framing.FixedLength(-1));
        rejected(() -> new Framing.FixedLength(Framing.MAX_FRAME + 1));
        assertDoesNotThrow(() -> new Framing.FixedLength(1));
        assertDoesNotThrow(() -> new Framing.FixedLength(Framing.MAX_FRAME));
    }

    @Test
    void aLengthFieldHasOneTwoOrFourBytes() {
        for (int width : new int[] {0, 3, 5, 8}) {
            rejected(() -> new Framing.LengthPrefix(width, BIG_ENDIAN, 0, false, 100));
        }
        for (int width : new int[] {1, 2, 4}) {
            assertDoesNotThrow(() -> new Framing.LengthPrefix(width, BIG_ENDIAN, 0, false, 100));
        }
    }

    @Test
    void theLengthFieldOffsetIsZeroTo1024() {
        rejected(() -> new Framing.LengthPrefix(2, BIG_ENDIAN, -1, false, 2000));
        rejected(() -> new Framing.LengthPrefix(2, BIG_ENDIAN, 1025, false, 2000));
        assertDoesNotThrow(() -> new Framing.LengthPrefix(2, BIG_ENDIAN, 1024, false, 2000));
    }

    @Test
    void theMaximumFrameHoldsAtLeastTheHeaderAndAtMostMaxFrame() {
        rejected(() -> new Framing.LengthPrefix(2, BIG_ENDIAN, 2, false, 3));
        assertDoesNotThrow(() -> new Framing.LengthPrefix(2, BIG_ENDIAN, 2, false, 4));
        rejected(() -> new Framing.LengthPrefix(4, BIG_ENDIAN, 0, true, Framing.MAX_FRAME + 1));
        assertDoesNotThrow(() -> new Framing.LengthPrefix(4, BIG_ENDIAN, 0, true, Framing.MAX_FRAME));
    }

    @Test
    void anIdleGapIsOneTo60000Millis() {
        rejected(() -> new Framing.IdleGap(0));
        rejected(() -> new Framing.IdleGap(60_001));
        assertDoesNotThrow(() -> new Framing.IdleGap(1));
        assertDoesNotThrow(() -> new Framing.IdleGap(60_000));
    }

    @Test
    void delimitersAreEqualByContentAndKeep() {
        Framing.Delimiter crlf = new Framing.Delimiter(bytes("\r\n"), false);
        Framing.Delimiter sameBytes = new Framing.Delimiter(bytes("\r\n"), false);

        assertEquals(crlf, sameBytes);
        assertEquals(crlf.hashCode(), sameBytes.hashCode());
        assertNotEquals(crlf, new Framing.Delimiter(bytes("\r\n"), true));
        assertNotEquals(crlf, new Framing.Delimiter(bytes("\n"), false));
        assertNotEquals(crlf, new Framing.Delimiter(bytes("\n\r"), false));
    }

    @Test
    void aDelimiterCopiesTheArrayItIsGivenAndTheOneItGives() {
        byte[] given = bytes("\r\n");
        Framing.Delimiter crlf = new Framing.Delimiter(given, false);
        given[0] = 'X';
        assertArrayEquals(bytes("\r\n"), crlf.delimiter());

        crlf.delimiter()[0] = 'Y';
        assertArrayEquals(bytes("\r\n"), crlf.delimiter());

        // The framer cuts on the delimiter as constructed, not on what the caller's array became.
        Recorder sink = new Recorder();
        feed(crlf.newFramer(HoldBudget.unshared()), "a\r\nbX\n", sink);
        assertEquals(List.of("a"), sink.texts());
    }

    @Test
    void describeNamesTheFramingForTheLog() {
        assertEquals("as read", Framing.AsRead.INSTANCE.describe());
        assertEquals("delimiter 0D 0A, stripped", new Framing.Delimiter(bytes("\r\n"), false).describe());
        assertEquals("delimiter 7E, kept", new Framing.Delimiter(bytes("~"), true).toString());
        assertEquals("fixed length 16", new Framing.FixedLength(16).describe());
        assertEquals("idle gap 20 ms", new Framing.IdleGap(20).describe());
        assertEquals("length prefix of 2 bytes (little endian) at offset 3, not counting the header, at most 65,535",
                new Framing.LengthPrefix(2, LITTLE_ENDIAN, 3, false, 65_535).describe());
    }
}
