package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst is told once, a period after its first, with its count and bytes; the next one starts
 * afresh. Or its first at once, then the rest a period later, and so on while more come.
 */
class BurstReportTest {

    private final List<Runnable> timers = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final BurstReport.Timers fakeTimers = (delayNanos, task) -> {
        assertEquals(BurstReport.PERIOD_NANOS, delayNanos);
        timers.add(task);
    };
    private final BurstReport burst = new BurstReport(fakeTimers, (count, bytes) -> told.add(count + " of " + bytes));

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

    @Test
    void firstAtOnceTellsTheFirstAloneAndTheRestOfItsPeriodAPeriodLater() {
        BurstReport atOnce = new BurstReport(fakeTimers, BurstReport.First.AT_ONCE,
                (count, bytes) -> told.add(count + " of " + bytes));
        atOnce.add(10);
        assertEquals(List.of("1 of 10"), told, "the first, at once");
        assertEquals(1, timers.size(), "and the period it starts");
        atOnce.add(20);
        atOnce.add(30);
        assertEquals(List.of("1 of 10"), told, "the rest of the period are counted");
        assertEquals(1, timers.size());

        timers.get(0).run();
        assertEquals(List.of("1 of 10", "2 of 50"), told, "told when the period ends");
        assertEquals(2, timers.size(), "the burst goes on: another period");
        atOnce.add(5);
        assertEquals(List.of("1 of 10", "2 of 50"), told, "within a burst, not at once: a row a period");
        timers.get(1).run();
        assertEquals(List.of("1 of 10", "2 of 50", "1 of 5"), told);

        timers.get(2).run(); // a period with none: the burst is over
        assertEquals(3, timers.size(), "no timer while nothing comes");
        atOnce.add(7);
        assertEquals(List.of("1 of 10", "2 of 50", "1 of 5", "1 of 7"), told, "a new burst's first, at once");
        atOnce.add(8);
        atOnce.add(9);
        atOnce.tell(); // the session ends before the period: the rest told then
        timers.get(3).run(); // a timer that fires anyway says nothing more
        assertEquals(List.of("1 of 10", "2 of 50", "1 of 5", "1 of 7", "2 of 17"), told);
    }

    @Test
    void firstAtOnceToldAtTheEndWithNothingMoreSaysNothing() {
        BurstReport atOnce = new BurstReport(fakeTimers, BurstReport.First.AT_ONCE,
                (count, bytes) -> told.add(count + " of " + bytes));
        atOnce.add(10);
        atOnce.tell();
        assertEquals(List.of("1 of 10"), told, "the first was told already");
    }
}
