package io.socketdeck.core.reconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The schedule on a fake clock: nanoseconds the test moves by hand. */
class ReconnectScheduleTest {

    private static final long SECOND = 1_000_000_000L;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0);
    private final ReconnectSchedule schedule = new ReconnectSchedule(() -> 0.5);

    @Test
    void eachLossWaitsLongerUntilAConnectionStartsOver() {
        long now = 1_000 * SECOND;
        assertEquals(now + SECOND, schedule.lost(backoff, now));
        assertEquals(1, schedule.attempt());
        schedule.attempting();
        assertFalse(schedule.pending());
        assertEquals(now + 2 * SECOND, schedule.lost(backoff, now), "refused: twice as long");
        schedule.attempting();
        assertEquals(now + 4 * SECOND, schedule.lost(backoff, now));
        schedule.attempting();
        assertEquals(now + 5 * SECOND, schedule.lost(backoff, now), "capped");
        assertEquals(4, schedule.attempt());
        schedule.connected();
        assertEquals(0, schedule.attempt());
        assertEquals(now + SECOND, schedule.lost(backoff, now), "from the first delay again");
    }

    @Test
    void theCountdownRoundsUpAndCancelForgetsTheAttempts() {
        long now = 50 * SECOND;
        schedule.lost(backoff, now);
        schedule.attempting();
        schedule.lost(backoff, now); // 2 s
        assertTrue(schedule.pending());
        assertEquals(2, schedule.secondsLeft(now));
        assertEquals(2, schedule.secondsLeft(now + 1), "1.999… s shows as 2");
        assertEquals(1, schedule.secondsLeft(now + SECOND));
        assertEquals(1, schedule.secondsLeft(now + 2 * SECOND - 1));
        assertEquals(0, schedule.secondsLeft(now + 2 * SECOND));
        schedule.cancel();
        assertFalse(schedule.pending());
        assertEquals(0, schedule.attempt());
        assertEquals(0, schedule.secondsLeft(now));
    }
}
