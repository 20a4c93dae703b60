package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A burst is told once, a period after its first, with its count and bytes; the next one starts afresh. */
class BurstReportTest {

    private final List<Runnable> timers = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final BurstReport burst = new BurstReport((delayNanos, task) -> {
        assertEquals(BurstReport.PERIOD_NANOS, delayNanos);
        timers.add(task);
    }, (count, bytes) -> told.add(count + " of " + bytes));

    @Test
    void theFirstOfABurstSetsItsTimerAndTheRestAreCountedIntoIt() {
        burst.add(10);
        assertEquals(1, timers.size(), "the first refusal plans the report");
        burst.add(20);
        burst.add(30);
        assertEquals(1, timers.size(), "the others of the burst do not");
        timers.get(0).run();
        assertEquals(List.of("3 of 60"), told);
        burst.tell();
        assertEquals(List.of("3 of 60"), told, "said once");
        burst.add(5);
        assertEquals(2, timers.size(), "a refusal after the report starts a new burst");
        burst.tell(); // the session ends before its timer: told then
        timers.get(1).run(); // a timer that fires anyway says nothing more
        assertEquals(List.of("3 of 60", "1 of 5"), told);
    }
}
