package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.util.BatchQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** A backlog is spread over pulses within the tick's budget; state events are never dropped or reordered. */
@ExtendWith(ApplicationExtension.class)
class FxEventQueueTest {

    /** Work of about {@code micros} on the FX thread, as a handler that updates a view would do. */
    private static void work(long micros) {
        long until = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aBatchOfTenThousandStateEventsSpreadsOverPulsesInOrder() {
        UiTick tick = onFx(UiTick::new);
        List<Integer> delivered = new ArrayList<>();
        Set<Long> pulses = new HashSet<>();
        FxEventQueue<Integer> events = onFx(() -> new FxEventQueue<>(tick, event -> {
            pulses.add(tick.pulses());
            work(20);
            delivered.add(event);
        }));
        for (int i = 0; i < 10_000; i++) { // all queued before a pulse can take any: one backlog
            events.offer(i);
        }
        awaitFx(() -> delivered.size() == 10_000, () -> "delivered " + delivered.size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, delivered.get(i), "in order");
        }
        // 10,000 × 20 µs is 200 ms of work: with a 4 ms budget a pulse cannot have taken it all.
        assertTrue(onFx(pulses::size) >= 10, "spread over " + onFx(pulses::size) + " pulses");
    }

    @Test
    void aBacklogOfRowsIsSpreadOverPulsesOneChangeEach() {
        UiTick tick = onFx(UiTick::new);
        List<Integer> delivered = new ArrayList<>();
        Set<Long> pulses = new HashSet<>();
        BatchQueue<Integer> queue = new BatchQueue<>(1_000_000, Long.MAX_VALUE, i -> 1);
        for (int i = 0; i < 100_000; i++) {
            queue.offer(i);
        }
        onFx(() -> new FxPump<>(tick, queue, batch -> {
            pulses.add(tick.pulses());
            work(batch.size()); // 1 µs a row
            delivered.addAll(batch);
        }));
        awaitFx(() -> delivered.size() == 100_000, () -> "delivered " + delivered.size());
        assertEquals(99_999, delivered.get(99_999));
        assertTrue(onFx(pulses::size) >= 100_000 / FxPump.MAX_PER_PULSE, "spread over " + onFx(pulses::size) + " pulses");
    }
}
