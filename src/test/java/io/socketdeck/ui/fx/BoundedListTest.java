package io.socketdeck.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The log's list: capped by count and weight, one change per batch, and changes a view can replay. */
class BoundedListTest {

    private final List<Integer> mirror = new ArrayList<>();
    private int changes;

    /** Weight of an item is its value; a listener replays every change onto {@link #mirror}. */
    private BoundedList<Integer> list(int maxItems, long maxWeight) {
        BoundedList<Integer> list = new BoundedList<>(maxItems, maxWeight, Integer::longValue);
        list.items().addListener((ListChangeListener<Integer>) change -> {
            changes++;
            while (change.next()) {
                if (change.wasRemoved()) {
                    assertEquals(mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()),
                            change.getRemoved(), "removed items are reported as they were");
                    mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                }
                if (change.wasAdded()) {
                    mirror.addAll(change.getFrom(), change.getAddedSubList());
                }
            }
        });
        return list;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void aFullListDropsTheOldestAndAppendsInOneChange() {
        BoundedList<Integer> list = list(5, Long.MAX_VALUE);
        list.appendAll(range(1, 4));
        list.appendAll(range(4, 8));
        assertEquals(range(3, 8), list.items());
        assertEquals(list.items(), mirror);
        assertEquals(2, changes, "one change per batch, trim included");
        assertEquals(2, list.trimmed());
        assertEquals(3 + 4 + 5 + 6 + 7, list.weight());
    }

    @Test
    void aBatchLargerThanTheCapOnlyAddsItsNewest() {
        BoundedList<Integer> list = list(3, Long.MAX_VALUE);
        list.appendAll(range(1, 3));
        list.appendAll(range(10, 20));
        assertEquals(List.of(17, 18, 19), list.items());
        assertEquals(list.items(), mirror);
        assertEquals(2 + 7, list.trimmed());
    }

    @Test
    void weightIsCappedButTheNewestEntryAlwaysStays() {
        BoundedList<Integer> list = list(100, 10);
        list.appendAll(List.of(4, 4));
        list.appendAll(List.of(3));
        assertEquals(List.of(4, 3), list.items());
        list.appendAll(List.of(50));
        assertEquals(List.of(50), list.items(), "heavier than the cap alone, still shown");
        assertEquals(list.items(), mirror);
        assertEquals(50, list.weight());
        assertEquals(3, list.trimmed());
    }

    @Test
    void lowerLimitsTrimAtOnceAndClearStartsOver() {
        BoundedList<Integer> list = list(10, Long.MAX_VALUE);
        list.appendAll(range(0, 10));
        list.setLimits(4, Long.MAX_VALUE);
        assertEquals(range(6, 10), list.items());
        list.clear();
        assertEquals(List.of(), list.items());
        assertEquals(0, list.weight());
        assertEquals(0, list.trimmed());
        assertEquals(mirror, list.items());
    }

    @Test
    void randomBatchesKeepCountWeightAndTheMirrorExact() {
        Random random = new Random(42);
        BoundedList<Integer> list = list(50, 2_000);
        List<Integer> all = new ArrayList<>();
        for (int round = 0; round < 500; round++) {
            List<Integer> batch = IntStream.range(0, random.nextInt(80)).mapToObj(i -> random.nextInt(100)).toList();
            list.appendAll(batch);
            all.addAll(batch);
            assertEquals(list.items(), mirror, "round " + round);
            assertEquals(list.items().stream().mapToLong(Integer::longValue).sum(), list.weight(), "round " + round);
            assertEquals(all.size() - list.items().size(), list.trimmed(), "round " + round);
            if (!list.items().isEmpty()) {
                assertEquals(all.subList(all.size() - list.items().size(), all.size()), list.items(), "the newest, in order");
            }
        }
    }

    /**
     * A log in a flood of reads of varying size: full by weight, it keeps its length (a list view
     * whose length changes measures its rows again), and still never holds more than its cap.
     */
    @Test
    void aListFullByWeightKeepsItsLengthWhileEntriesOfOtherWeightsCome() {
        Random random = new Random(7);
        BoundedList<Integer> list = list(10_000, 8_000);
        list.appendAll(Collections.nCopies(80, 100));
        int lengthChanges = 0;
        for (int round = 0; round < 1_000; round++) {
            int before = list.items().size();
            list.appendAll(IntStream.range(0, 1 + random.nextInt(15)).mapToObj(i -> 90 + random.nextInt(21)).toList());
            assertTrue(list.weight() <= 8_000, "round " + round + ": " + list.weight() + " over the cap");
            assertEquals(list.items(), mirror, "round " + round);
            lengthChanges += list.items().size() == before ? 0 : 1;
        }
        assertTrue(lengthChanges <= 50, lengthChanges + " of 1,000 batches changed the length");
    }

    @Test
    void aListFullByWeightGrowsAgainWhenLighterEntriesLeaveRoom() {
        BoundedList<Integer> list = list(10_000, 8_000);
        list.appendAll(Collections.nCopies(80, 100));
        for (int round = 0; round < 200; round++) {
            list.appendAll(Collections.nCopies(10, 10));
        }
        assertEquals(Collections.nCopies(list.items().size(), 10), list.items(), "only the light ones left");
        assertTrue(list.weight() > 8_000 - 8_000 / 8, "filled again to within an eighth of its cap: " + list.weight());
        assertEquals(list.items(), mirror);
    }
}
