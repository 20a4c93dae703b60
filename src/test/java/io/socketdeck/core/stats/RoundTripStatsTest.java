package io.socketdeck.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Round-trip statistics: exact count, min and max; nearest-rank percentiles of the recent window. */
class RoundTripStatsTest {

    @Test
    void aHundredAnswersGiveTheirMedianAndP99() {
        RoundTripStats stats = new RoundTripStats();
        for (int i = 100; i >= 1; i--) {
            stats.record(i * 1_000L);
        }
        assertEquals(new RoundTripStats.Summary(100, 1_000, 50_000, 99_000, 100_000), stats.summary());
    }

    @Test
    void percentilesFollowTheRecentAnswersWhileCountMinAndMaxKeepAll() {
        RoundTripStats stats = new RoundTripStats();
        stats.record(1);
        stats.record(1_000_000_000L);
        for (int i = 0; i < RoundTripStats.WINDOW; i++) {
            stats.record(500);
        }
        RoundTripStats.Summary summary = stats.summary();
        assertEquals(RoundTripStats.WINDOW + 2, summary.count());
        assertEquals(1, summary.minNanos());
        assertEquals(1_000_000_000L, summary.maxNanos());
        assertEquals(500, summary.p99Nanos(), "the early outlier left the window");
    }

    @Test
    void resetForgetsEverything() {
        RoundTripStats stats = new RoundTripStats();
        stats.record(5);
        stats.reset();
        assertEquals(new RoundTripStats.Summary(0, 0, 0, 0, 0), stats.summary());
        stats.record(7);
        assertEquals(new RoundTripStats.Summary(1, 7, 7, 7, 7), stats.summary());
    }
}
