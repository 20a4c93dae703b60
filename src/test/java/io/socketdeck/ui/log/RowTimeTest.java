package io.socketdeck.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** A row's time, its seconds formatted once per second, reads as the full pattern would. */
class RowTimeTest {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Test
    void readsAsTheFullPatternAcrossSecondsAndEveryWidthOfMillis() {
        RowTime time = new RowTime();
        long start = 1_764_000_000_000L - 2;
        for (long millis = start; millis < start + 2_500; millis += 7) {
            assertEquals(FULL.format(Instant.ofEpochMilli(millis)), time.format(millis), "at " + millis);
        }
        for (long millis : new long[] {0, 5, 50, 999, 1_000, -1, -999, -1_000}) {
            assertEquals(FULL.format(Instant.ofEpochMilli(millis)), time.format(millis), "at " + millis);
        }
    }
}
