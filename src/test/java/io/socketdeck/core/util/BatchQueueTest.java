package io.socketdeck.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BatchQueueTest {

    @Test
    void drainsEverythingInOrder() {
        BatchQueue<Integer> queue = new BatchQueue<>(100, 1_000, i -> 1);
        for (int i = 0; i < 10; i++) {
            queue.offer(i);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), queue.drain());
        assertTrue(queue.drain().isEmpty());
    }

    @Test
    void dropsTheOldestOverTheItemLimit() {
        BatchQueue<Integer> queue = new BatchQueue<>(3, 1_000, i -> 1);
        for (int i = 0; i < 10; i++) {
            queue.offer(i);
        }
        assertEquals(List.of(7, 8, 9), queue.drain());
        assertEquals(7, queue.dropped());
    }

    @Test
    void dropsTheOldestOverTheWeightLimitButKeepsTheNewest() {
        BatchQueue<Integer> queue = new BatchQueue<>(100, 10, i -> i);
        queue.offer(4);
        queue.offer(5);
        queue.offer(6); // 15 > 10: 4 goes, 11 > 10: 5 goes
        assertEquals(List.of(6), queue.drain());
        queue.offer(50); // heavier than the limit alone: kept, it is the newest
        assertEquals(List.of(50), queue.drain());
    }

    @Test
    void neverDropsWhatIsNotDroppable() {
        BatchQueue<Integer> queue = new BatchQueue<>(2, 1_000, i -> 1, i -> i % 10 != 0);
        for (int i = 0; i <= 30; i++) {
            queue.offer(i);
        }
        List<Integer> kept = queue.drain();
        assertTrue(kept.containsAll(List.of(0, 10, 20, 30)), "state changes survive: " + kept);
        assertEquals(kept.stream().sorted().toList(), kept, "order is kept");
    }

    @Test
    void concurrentProducersLoseNothingBelowTheLimits() throws InterruptedException {
        BatchQueue<Integer> queue = new BatchQueue<>(1_000_000, Long.MAX_VALUE, i -> 1);
        int producers = 4;
        int each = 50_000;
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    queue.offer(base + i);
                }
                done.countDown();
            }).start();
        }
        List<Integer> all = new ArrayList<>();
        while (done.getCount() > 0 || !queue.isEmpty()) {
            all.addAll(queue.drain());
        }
        done.await();
        all.addAll(queue.drain());
        assertEquals(producers * each, all.size());
        assertEquals(producers * each, all.stream().distinct().count());
    }
}
