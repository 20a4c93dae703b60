package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.util.BatchQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class FxPumpTest {

    @Test
    void deliversEverythingInOrderInFewerDrainsThanItems() throws Exception {
        List<Integer> received = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        long[] pulses = new long[1];
        AnimationTimer pulseCounter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses[0]++;
            }
        };
        FxPump<Integer> pump = onFx(() -> {
            pulseCounter.start();
            return new FxPump<>(new UiTick(), new BatchQueue<>(1_000_000, Long.MAX_VALUE, i -> 1), batch -> {
                assertTrue(javafx.application.Platform.isFxApplicationThread());
                batchSizes.add(batch.size());
                received.addAll(batch);
            });
        });
        int count = 100_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                pump.offer(i);
            }
        });
        producer.start();
        producer.join();
        awaitFx(() -> received.size() == count, () -> "all items delivered, got " + received.size());
        onFx(() -> {
            pulseCounter.stop();
            return null;
        });
        for (int i = 0; i < count; i++) {
            assertEquals(i, received.get(i));
        }
        int drains = onFx(batchSizes::size);
        long seenPulses = onFx(() -> pulses[0]);
        assertTrue(drains < count / 10, "batched: " + drains + " drains for " + count + " items");
        assertTrue(drains <= seenPulses + 1, drains + " drains in " + seenPulses + " pulses: at most one per pulse");
    }

    /** A sink that takes 200 µs a row, as a cold one does: the pump takes what fits in the tick's budget. */
    @Test
    void aSlowSinkGetsWhatFitsInThePulsesBudgetAndEveryRowInOrder() throws Exception {
        List<Integer> received = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        long rowNanos = TimeUnit.MICROSECONDS.toNanos(200);
        FxPump<Integer> pump = onFx(() -> new FxPump<>(new UiTick(), new BatchQueue<>(1_000_000, Long.MAX_VALUE, i -> 1),
                batch -> {
                    batchSizes.add(batch.size());
                    for (Integer row : batch) {
                        long until = System.nanoTime() + rowNanos;
                        while (System.nanoTime() - until < 0) {
                            Thread.onSpinWait(); // the row's work
                        }
                        received.add(row);
                    }
                }));
        int count = 2_000;
        for (int i = 0; i < count; i++) {
            pump.offer(i);
        }
        awaitFx(() -> received.size() == count, () -> "all rows delivered, got " + received.size());
        assertEquals(IntStream.range(0, count).boxed().toList(), onFx(() -> List.copyOf(received)));
        List<Integer> sizes = onFx(() -> List.copyOf(batchSizes));
        // The first drain assumes 64 rows fit; each after it takes the budget (4 ms) at the pace
        // measured so far, which a slow pulse only makes slower: fewer rows, never more.
        assertTrue(sizes.stream().allMatch(size -> size <= 64), "no batch over the first guess: " + sizes);
        assertTrue(sizes.stream().skip(5).allMatch(size -> size <= 21), "4 ms of 200 µs rows once measured: " + sizes);
    }

    @Test
    void aQuietPumpLetsTheTickStopAndWakesItAgain() throws Exception {
        List<String> received = new ArrayList<>();
        UiTick tick = onFx(UiTick::new);
        FxPump<String> pump = onFx(() -> new FxPump<>(tick, new BatchQueue<>(10, 100, s -> 1), received::addAll));
        pump.offer("first");
        awaitFx(() -> received.equals(List.of("first")), "first delivered");
        awaitFx(() -> !tick.isPulsing(), "the tick stops once nothing is queued");
        pump.offer("second");
        awaitFx(() -> received.equals(List.of("first", "second")), "second delivered after a quiet spell");
    }
}
