package io.socketdeck.core.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a connection's frame begun costs it: its bytes while held, little once they are handed out. */
class HeldBytesTest {

    private final HoldBudget budget = new HoldBudget(1 << 20);

    @Test
    void oneLongFrameLeavesNoBigArrayBehindForTheShortOnesAfterIt() {
        HeldBytes held = new HeldBytes(budget, 1 << 20);
        byte[] longFrame = new byte[60_000];
        Arrays.fill(longFrame, (byte) 'a');
        assertTrue(held.add(longFrame, 0, longFrame.length));
        assertTrue(held.capacity() >= 60_000);
        assertArrayEquals(longFrame, held.takeAll());
        assertEquals(0, budget.used());
        assertTrue(held.capacity() <= HeldBytes.KEPT_CAPACITY,
                "a 60 KB frame handed out leaves " + held.capacity() + " bytes held by the connection");

        byte[] shortFrame = {'b', 'c'};
        assertTrue(held.add(shortFrame, 0, 2));
        assertArrayEquals(shortFrame, held.takeAll());
    }

    @Test
    void bytesStillHeldSurviveTheArrayGettingSmaller() {
        HeldBytes held = new HeldBytes(budget, 1 << 20);
        byte[] read = new byte[20_000];
        for (int i = 0; i < read.length; i++) {
            read[i] = (byte) i;
        }
        assertTrue(held.add(read, 0, read.length));
        held.discard(read.length - 10); // a frame ended 10 bytes before the read did
        assertTrue(held.capacity() <= HeldBytes.KEPT_CAPACITY);
        assertArrayEquals(Arrays.copyOfRange(read, read.length - 10, read.length), held.takeAll());
    }
}
