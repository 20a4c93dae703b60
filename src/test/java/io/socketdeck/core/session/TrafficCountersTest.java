package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TrafficCountersTest {

    private static final int ADDS_PER_THREAD = 200_000;

    /**
     * The additions stay atomic, as they were with six {@code AtomicLong}s: two threads adding to
     * the same counters at once lose no count.
     */
    @Test
    void countsFromTwoThreadsAtOnceAreAllKept() throws InterruptedException {
        TrafficCounters counters = new TrafficCounters();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < ADDS_PER_THREAD; i++) {
                    counters.addReceived(3);
                    counters.addSent(5);
                    counters.addSentBytes(13);
                    counters.addSentMessage();
                    counters.addWire(7, 11);
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long adds = 2L * ADDS_PER_THREAD;
        assertEquals(new TrafficCounters.Snapshot(3 * adds, adds, 18 * adds, 2 * adds), counters.snapshot());
        assertEquals(7 * adds, counters.wireRxBytes());
        assertEquals(11 * adds, counters.wireTxBytes());
    }

    @Test
    void theReadOnlyViewReadsTheCountersLiveAndAResetStartsFromZero() {
        TrafficCounters counters = new TrafficCounters();
        ReadOnlyCounters view = counters.readOnly();
        counters.addReceived(10);
        counters.addSent(4);
        counters.addWire(29, 0);
        assertEquals(10, view.rxBytes());
        assertEquals(1, view.rxMessages());
        assertEquals(4, view.txBytes());
        assertEquals(1, view.txMessages());
        assertEquals(29, view.wireRxBytes());
        assertEquals(0, view.wireTxBytes());

        counters.reset();
        assertEquals(TrafficCounters.Snapshot.ZERO, view.snapshot());
        assertEquals(0, view.wireRxBytes());
        counters.addSent(2);
        assertEquals(new TrafficCounters.Snapshot(0, 0, 2, 1), view.snapshot());
    }
}
