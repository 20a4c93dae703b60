package io.socketdeck.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** javafx.collections works without the toolkit: plain unit tests. */
class BoundedListTest {

    @Test
    void keepsTheNewestEntriesWithinTheCap() {
        BoundedList<Integer> list = new BoundedList<>(5, Long.MAX_VALUE, i -> 1);
        list.appendAll(IntStream.range(0, 3).boxed().toList());
        list.appendAll(IntStream.range(3, 8).boxed().toList());
        assertEquals(List.of(3, 4, 5, 6, 7), list.items());
        assertEquals(3, list.trimmed());
    }

    @Test
    void aBatchLargerThanTheCapIsTrimmedBeforeItIsAdded() {
        BoundedList<Integer> list = new BoundedList<>(3, Long.MAX_VALUE, i -> 1);
        List<ListChangeListener.Change<? extends Integer>> changes = new ArrayList<>();
        list.items().addListener((ListChangeListener<Integer>) change -> changes.add(change));
        list.appendAll(IntStream.range(0, 100).boxed().toList());
        assertEquals(List.of(97, 98, 99), list.items());
        assertEquals(1, changes.size(), "one change for one batch");
    }

    @Test
    void trimsByWeightAndKeepsTheRunningTotalExact() {
        BoundedList<Integer> list = new BoundedList<>(100, 10, i -> i);
        list.appendAll(List.of(3, 3, 3));
        list.appendAll(List.of(4));
        assertEquals(List.of(3, 3, 4), list.items());
        assertEquals(10, list.weight());
        list.appendAll(List.of(20));
        assertEquals(List.of(20), list.items(), "the newest stays even when it alone is over");
        assertEquals(20, list.weight());
    }

    @Test
    void lowerLimitsTrimAtOnce() {
        BoundedList<Integer> list = new BoundedList<>(10, Long.MAX_VALUE, i -> 1);
        list.appendAll(IntStream.range(0, 10).boxed().toList());
        list.setLimits(4, Long.MAX_VALUE);
        assertEquals(List.of(6, 7, 8, 9), list.items());
        list.clear();
        assertEquals(0, list.items().size());
        assertEquals(0, list.weight());
    }
}
