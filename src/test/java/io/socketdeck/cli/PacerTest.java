package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theFirstMessageGoesAtOnceAndTheNextAtItsTime() {
        Pacer pacer = new Pacer(100); // one every 10 ms
        pacer.start(0);
        assertEquals(1, pacer.allowed(0, 0));
        assertEquals(10_000_000, pacer.waitFor(1, 0));
        assertEquals(1, pacer.allowed(1, 9_999_999));
        assertEquals(2, pacer.allowed(1, 10_000_000));
        assertEquals(0, pacer.waitFor(1, 10_000_000));
    }

    /** Whatever the sender does, by t at most floor(t * rate) + 1 messages were allowed. */
    @Test
    void neverAheadOfTheRateAtRandomTimes() {
        Random random = new Random(14);
        for (double rate : new double[] {0.5, 7, 100, 12_345.6, 1e6}) {
            Pacer pacer = new Pacer(rate);
            long start = 1_000_000_000_000L;
            pacer.start(start);
            long sent = 0;
            long now = start;
            for (int step = 0; step < 10_000; step++) {
                now += random.nextInt(random.nextBoolean() ? 1_000 : 5_000_000);
                long allowed = pacer.allowed(sent, now);
                assertTrue(allowed >= sent);
                sent = allowed - random.nextInt(2) * (allowed > sent ? 1 : 0); // sometimes one short
                double bound = Math.floor((now - start) / 1e9 * rate) + 1;
                assertTrue(sent <= bound, () -> "rate " + rate + ": " + " over the bound " + bound);
            }
        }
    }

    @Test
    void farBehindItRestartsInsteadOfBursting() {
        Pacer pacer = new Pacer(1000);
        pacer.start(0);
        assertEquals(1, pacer.allowed(0, 0));
        // The machine stalled for 5 s after the first message: not 5,000 at once.
        assertEquals(2, pacer.allowed(1, 5 * SECOND));
        assertEquals(0, pacer.waitFor(1, 5 * SECOND));
        assertEquals(1_000_000, pacer.waitFor(2, 5 * SECOND));
        // Less than a second behind it catches up, keeping the average.
        assertEquals(1 + 500 + 1, pacer.allowed(1, 5 * SECOND + 500_000_000));
    }

    @Test
    void aRateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(0));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(-1));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Double.NaN));
    }

    @Test
    void countsAreSharedWithTheRemainderToTheFirst() {
        assertEquals(4, GenSettings.share(10, 3, 0));
        assertEquals(3, GenSettings.share(10, 3, 1));
        assertEquals(3, GenSettings.share(10, 3, 2));
        assertEquals(0, GenSettings.share(2, 3, 2));
    }
}
