package io.socketdeck.ui.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable list that moves like a sliding window: drop the oldest items and append a batch,
 * in one change. {@code ObservableList.remove(from, to)} of the JDK-backed list removes items one
 * at a time from the front, shifting the whole list each time; under a flood of small datagrams
 * that quadratic trim was most of the FX thread's work. Read-only to everyone else.
 */
final class WindowList<T> extends ObservableListBase<T> {

    private final ArrayList<T> items = new ArrayList<>();

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Removes the first {@code dropCount} items and appends {@code added}, as one list change. */
    void dropFirstAndAppend(int dropCount, List<? extends T> added) {
        if (dropCount == 0 && added.isEmpty()) {
            return;
        }
        beginChange();
        try {
            if (dropCount > 0) {
                List<T> oldest = items.subList(0, dropCount);
                nextRemove(0, new ArrayList<>(oldest)); // listeners get the removed items as they were
                oldest.clear(); // one shift of the rest, not one per item
            }
            if (!added.isEmpty()) {
                int from = items.size();
                items.addAll(added);
                nextAdd(from, items.size());
            }
        } finally {
            endChange();
        }
    }

    void removeAllItems() {
        dropFirstAndAppend(items.size(), List.of());
    }
}
