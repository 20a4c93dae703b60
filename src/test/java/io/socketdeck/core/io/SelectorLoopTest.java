package io.socketdeck.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SelectorLoopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Thread runInBackground(SelectorLoop loop) {
        Thread thread = new Thread(() -> {
            try (loop) {
                loop.run();
            }
        }, "loop-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void stopActionsRunOnTheLoopThreadAfterItsLastTask() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        loop.whenStopped(() -> {
            order.add("stopped");
            ranOn.set(Thread.currentThread());
        });
        SelectorLoop.Timer withdrawn = loop.whenStopped(() -> order.add("withdrawn"));
        withdrawn.cancel();
        Thread thread = runInBackground(loop);
        loop.execute(() -> {
            loop.stop();
            loop.execute(() -> order.add("last task"));
        });
        thread.join(TIMEOUT.toMillis());
        assertEquals(List.of("last task", "stopped"), order);
        assertSame(thread, ranOn.get());
    }

    @Test
    void aStopActionAddedAfterTheEndRunsAtOnce() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        Thread thread = runInBackground(loop);
        loop.stop();
        thread.join(TIMEOUT.toMillis());
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        loop.whenStopped(() -> ranOn.set(Thread.currentThread()));
        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void closingALoopThatNeverRanEndsIt() {
        SelectorLoop loop = new SelectorLoop();
        List<String> order = new CopyOnWriteArrayList<>();
        loop.whenStopped(() -> order.add("stopped"));
        loop.close();
        assertEquals(List.of("stopped"), order);
    }

    @Test
    void timersFireInDueOrderAndNeverEarly() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        List<long[]> fired = new CopyOnWriteArrayList<>();
        Thread thread = runInBackground(loop);
        long[] delays = {3_000_000, 400_000, 1_500_000, 0, 2_200_000};
        loop.execute(() -> {
            for (int i = 0; i < delays.length; i++) {
                int index = i;
                long due = System.nanoTime() + delays[i];
                loop.schedule(delays[i], () -> fired.add(new long[] {index, due, System.nanoTime()}));
            }
        });
        Await.until(() -> fired.size() == delays.length, TIMEOUT, "every timer");
        loop.stop();
        thread.join(TIMEOUT.toMillis());
        assertEquals(List.of(3L, 1L, 2L, 4L, 0L), fired.stream().map(f -> f[0]).toList());
        for (long[] f : fired) {
            assertTrue(f[2] >= f[1], "timer " + f[0] + " fired " + (f[1] - f[2]) + " ns early");
        }
    }

    @Test
    void aTaskFromAnotherThreadInterruptsAShortWait() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        Thread thread = runInBackground(loop);
        AtomicReference<String> seen = new AtomicReference<>();
        // Keep a sub-millisecond timer pending again and again, so the loop is mostly parked.
        Runnable[] rearm = new Runnable[1];
        rearm[0] = () -> loop.schedule(900_000, rearm[0]);
        loop.execute(rearm[0]);
        for (int i = 0; i < 100; i++) {
            String value = "task " + i;
            loop.execute(() -> seen.set(value));
            Await.until(() -> value.equals(seen.get()), TIMEOUT, value);
        }
        loop.stop();
        thread.join(TIMEOUT.toMillis());
    }
}
