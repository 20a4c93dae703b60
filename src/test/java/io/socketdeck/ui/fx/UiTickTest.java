package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window's one heartbeat: jobs run on pulses, when due or woken; nothing pulses while all are idle. */
@ExtendWith(ApplicationExtension.class)
class UiTickTest {

    @Test
    void aNewJobRunsOnceAndAnIdleTickStopsPulsing() {
        UiTick tick = onFx(UiTick::new);
        AtomicInteger runs = new AtomicInteger();
        runFx(() -> tick.add(now -> {
            assertTrue(Platform.isFxApplicationThread());
            runs.incrementAndGet();
            return UiTick.IDLE;
        }));
        awaitFx(() -> runs.get() == 1 && !tick.isPulsing(), "ran once, then the tick stopped");
    }

    @Test
    void aWakeFromAnyThreadRunsTheJobOnTheNextPulseOnceHoweverManyWakes() throws Exception {
        UiTick tick = onFx(UiTick::new);
        List<Integer> seen = new ArrayList<>();
        AtomicInteger produced = new AtomicInteger();
        UiTick.Handle job = onFx(() -> tick.add(now -> {
            seen.add(produced.get());
            return UiTick.IDLE;
        }));
        awaitFx(() -> !tick.isPulsing(), "idle after the first run");
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100_000; i++) {
                produced.set(i);
                job.wake();
            }
        });
        producer.start();
        producer.join();
        awaitFx(() -> !seen.isEmpty() && seen.get(seen.size() - 1) == 100_000, () -> "saw the last wake: " + seen.size());
        assertTrue(onFx(seen::size) < 1_000, "coalesced: " + onFx(seen::size) + " runs for 100,000 wakes");
        awaitFx(() -> !tick.isPulsing(), "idle again");
    }

    @Test
    void aHeldTickRunsNoJobAndKeepsItsWakesForTheRelease() {
        UiTick tick = onFx(UiTick::new);
        AtomicInteger runs = new AtomicInteger();
        UiTick.Handle job = onFx(() -> tick.add(now -> {
            runs.incrementAndGet();
            return UiTick.IDLE;
        }));
        awaitFx(() -> runs.get() == 1 && !tick.isPulsing(), "ran once, then idle");
        Runnable release = tick.hold(); // a builder thread's hold, as a view built off the FX thread takes
        job.wake();
        awaitFx(() -> !tick.isPulsing(), "the held pulse stopped the timer");
        assertEquals(1, runs.get(), "no job ran while held");
        release.run();
        release.run(); // once is enough: a second release does not let go of another hold
        awaitFx(() -> runs.get() == 2 && !tick.isPulsing(), "the woken job ran after the release");
        Runnable other = tick.hold();
        Runnable third = tick.hold();
        other.run();
        job.wake();
        awaitFx(() -> !tick.isPulsing(), "the held pulse stopped the timer");
        assertEquals(2, runs.get(), "still held by the third hold");
        third.run();
        awaitFx(() -> runs.get() == 3, "the last release lets the job run");
    }

    @Test
    void aJobDueLaterRunsThenWithoutPulsingMeanwhile() {
        UiTick tick = onFx(UiTick::new);
        List<Long> runsAt = new ArrayList<>(); // FX thread only, as the lists below
        List<Boolean> pulsingAtLooks = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        long delay = TimeUnit.MILLISECONDS.toNanos(300);
        runFx(() -> tick.add(now -> {
            runsAt.add(now);
            if (runsAt.size() >= 3 && !pulsingAtLooks.isEmpty() || runsAt.size() == 20) {
                done.set(true);
                return UiTick.IDLE;
            }
            long due = now + delay;
            // Looked at just after this pulse, on the FX thread: the tick has stopped its timer by
            // then, since the job is not due for 300 ms. Unless the machine held the FX thread so
            // long that the due time came meanwhile: that look proves nothing, and the job runs
            // again until one look came in time (about always the first).
            Platform.runLater(() -> {
                if (System.nanoTime() - due < 0) {
                    pulsingAtLooks.add(tick.isPulsing());
                }
            });
            return due;
        }));
        awaitFx(() -> done.get() && !tick.isPulsing(), () -> "woken for each due time, then idle: "
                + runsAt.size() + " runs");
        List<Boolean> looks = onFx(() -> List.copyOf(pulsingAtLooks));
        assertTrue(!looks.isEmpty(), "a look in time after a run: " + onFx(runsAt::size) + " runs");
        assertTrue(!looks.contains(true), "no pulse while the next run is far; pulsing at each look: " + looks);
        List<Long> times = onFx(() -> List.copyOf(runsAt));
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) - times.get(i - 1) >= delay, "not before its time: " + times);
        }
    }

    @Test
    void aJobThatThrowsOnItsDueTimeLeavesTheOthersRunningAndRunsAgainWhenWoken() {
        UiTick tick = onFx(UiTick::new);
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        long soon = TimeUnit.MILLISECONDS.toNanos(50);
        UiTick.Handle first = onFx(() -> tick.add(now -> {
            if (failing.incrementAndGet() == 1) {
                return now + soon;
            }
            throw new IllegalStateException("a bug in one job, expected by this test");
        }));
        UiTick.Handle second = onFx(() -> tick.add(now -> {
            after.incrementAndGet();
            return UiTick.IDLE;
        }));
        awaitFx(() -> failing.get() == 2 && !tick.isPulsing(), () -> "threw on its due time, then idle: " + failing);
        int before = onFx(after::get);
        second.wake();
        // Were the job left due, it would throw first on every pulse, and the one after it never run.
        awaitFx(() -> after.get() == before + 1 && !tick.isPulsing(), () -> "the job after it ran when woken: " + after);
        assertEquals(2, onFx(failing::get), "the failed job waits to be woken");
        first.wake();
        awaitFx(() -> failing.get() == 3 && !tick.isPulsing(), () -> "and runs when woken: " + failing);
    }

    @Test
    void runAllNowRunsEveryJobAndMeasuresTheWork() {
        UiTick tick = onFx(UiTick::new);
        AtomicInteger runs = new AtomicInteger();
        runFx(() -> {
            tick.add(now -> runs.incrementAndGet() > 0 ? UiTick.IDLE : UiTick.IDLE);
            tick.add(now -> runs.incrementAndGet() > 0 ? UiTick.IDLE : UiTick.IDLE);
        });
        awaitFx(() -> runs.get() == 2, "both ran");
        runFx(tick::runAllNow);
        assertEquals(4, runs.get());
        assertTrue(onFx(tick::pulses) >= 2);
        assertTrue(onFx(tick::maxWorkNanos) > 0);
    }
}
