package io.socketdeck.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class SyncedListTest {

    /** An element with a key and a name, so a kept element can be told from its equal in the target. */
    private record Item(long key, String name) {
    }

    private static final Comparator<Item> BY_NAME = Comparator.comparing(Item::name);

    @Test
    void aTargetInAnyOrderKeepsTheListsOwnElementsAndOrderInOneChange() {
        SyncedList<Item> list = new SyncedList<>(BY_NAME);
        Item b = new Item(40, "b");
        Item d = new Item(7, "d");
        Item f = new Item(1_000_000, "f");
        list.syncTo(List.of(b, d, f), Item::key);
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int[] calls = {0};
        list.addListener((ListChangeListener<Item>) change -> {
            calls[0]++;
            while (change.next()) {
                change.getRemoved().forEach(item -> removed.add(item.name()));
                change.getAddedSubList().forEach(item -> added.add(item.name()));
            }
        });

        // keys out of ascending order, the kept ones as new instances: d goes, a and e come
        Item a = new Item(99, "a");
        Item e = new Item(3, "e");
        list.syncTo(List.of(new Item(1_000_000, "f2"), e, a, new Item(40, "b2")), Item::key);

        assertEquals(List.of("a", "b", "e", "f"), list.stream().map(Item::name).toList());
        assertSame(b, list.get(1), "a kept element stays the list's own");
        assertSame(f, list.get(3));
        assertEquals(1, calls[0], "one change");
        assertEquals(List.of("d"), removed);
        assertEquals(List.of("a", "e"), added);
    }

    @Test
    void syncingToWhatItHoldsChangesNothing() {
        SyncedList<Item> list = new SyncedList<>(Comparator.comparingLong(Item::key));
        List<Item> items = List.of(new Item(1, "x"), new Item(2, "y"), new Item(3, "z"));
        list.syncTo(items, Item::key);
        SyncedList.Sync<Item> again = list.base().planSync(List.of(items.get(2), items.get(0), items.get(1)), Item::key);
        assertTrue(again.isEmpty());
    }
}
