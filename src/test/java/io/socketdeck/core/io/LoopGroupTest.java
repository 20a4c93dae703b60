package io.socketdeck.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopGroupTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void handsOutItsLoopsInTurnEachOnAThreadOfTheExecutor() throws Exception {
        Set<Thread> started = ConcurrentHashMap.newKeySet();
        Executor executor = task -> {
            Thread thread = new Thread(task, "group-test");
            thread.setDaemon(true);
            started.add(thread);
            thread.start();
        };
        try (LoopGroup group = new LoopGroup(2, executor)) {
            SelectorLoop first = group.next();
            SelectorLoop second = group.next();
            assertNotSame(first, second);
            assertSame(first, group.next(), "round-robin");
            assertEquals(List.of(first, second), group.loops());

            Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
            for (SelectorLoop loop : group.loops()) {
                loop.execute(() -> {
                    assertTrue(loop.inLoop());
                    ranOn.add(Thread.currentThread());
                });
            }
            Await.until(() -> ranOn.size() == 2, TIMEOUT, "a task on each loop");
            assertEquals(started, ranOn, "each loop runs on a thread the executor gave it");
        }
    }

    @Test
    void closeStopsEveryLoopOnceAndTheirStopActionsRun() throws Exception {
        LoopGroup group = new LoopGroup(3, LoopGroup.daemonThreads("group-close-test"));
        List<SelectorLoop> stopped = new CopyOnWriteArrayList<>();
        for (SelectorLoop loop : group.loops()) {
            loop.whenStopped(() -> stopped.add(loop));
        }
        group.close();
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT), "every loop finished");
        assertEquals(3, stopped.size());
        assertTrue(group.loops().stream().allMatch(SelectorLoop::hasEnded));
        assertThrows(IllegalStateException.class, group::next);
    }

    @Test
    void anExecutorThatRefusesALoopLeavesNothingRunning() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Executor refusesTheSecond = task -> {
            if (accepted.incrementAndGet() > 1) {
                throw new RejectedExecutionException("full");
            }
            Thread thread = new Thread(task, "group-refused-test");
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        };
        assertThrows(RejectedExecutionException.class, () -> new LoopGroup(2, refusesTheSecond));
        assertEquals(1, threads.size());
        threads.get(0).join(TIMEOUT.toMillis());
        assertFalse(threads.get(0).isAlive(), "the loop that did start was stopped");
    }

    @Test
    void aGroupNeedsALoop() {
        assertThrows(IllegalArgumentException.class, () -> new LoopGroup(0, Runnable::run));
    }
}
