package io.socketdeck.core.reconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Backoff NO_JITTER = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), 0);

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        long[] expected = {500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(expected[attempt - 1], NO_JITTER.delayMillis(attempt, 0.99), "attempt " + attempt);
        }
        assertEquals(8000, NO_JITTER.delayMillis(10_000, 0.3), "a huge attempt number stays at the cap");
    }

    @Test
    void jitterSpreadsEitherWayAndNeverPassesTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 0.25);
        assertEquals(750, backoff.delayMillis(1, 0.0));
        assertEquals(1000, backoff.delayMillis(1, 0.5));
        assertEquals(1250, backoff.delayMillis(1, 1.0));
        assertEquals(3000, backoff.delayMillis(3, 0.0));
        assertEquals(4000, backoff.delayMillis(3, 1.0), "spread above the cap is cut");
        Random random = new Random(7);
        for (int attempt = 1; attempt < 40; attempt++) {
            long delay = backoff.delayMillis(attempt, random.nextDouble());
            assertTrue(delay >= 750 && delay <= 4000, attempt + ": " + delay);
        }
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> NO_JITTER.delayMillis(0, 0.5));
    }

    @Test
    void reconnectsAfterALossButNeverAfterOurOwnClose() {
        assertTrue(Backoff.reconnectsAfter(CloseReason.PEER));
        assertTrue(Backoff.reconnectsAfter(CloseReason.RESET));
        assertTrue(Backoff.reconnectsAfter(CloseReason.ERROR), "refused, timed out, unknown host");
        assertFalse(Backoff.reconnectsAfter(CloseReason.LOCAL));
    }
}
