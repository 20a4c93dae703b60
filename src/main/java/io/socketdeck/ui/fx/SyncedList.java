package io.socketdeck.ui.fx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ObservableListBase;

/**
 * An observable list kept equal to a source of truth elsewhere (an engine's snapshot) by one call
 * per update: the elements gone are removed, the new ones appended, the others keep their place,
 * and listeners get it all as one change, in time linear in the list's size. A table's selection
 * and scroll position survive, because unchanged rows are neither removed nor re-added.
 * Read-only to everyone else; FX thread once shown.
 */
public final class SyncedList<T> extends ObservableListBase<T> {

    private List<T> items = new ArrayList<>();

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /**
     * Makes this list hold exactly the elements of {@code target}, matched by {@code key}: kept
     * elements stay where they are (this list's instance, not the target's), new ones are appended
     * in {@code target}'s order.
     */
    public <K> void syncTo(List<T> target, Function<? super T, K> key) {
        Set<K> wanted = new HashSet<>(target.size() * 2);
        for (T element : target) {
            wanted.add(key.apply(element));
        }
        List<T> kept = new ArrayList<>(target.size());
        Set<K> present = new HashSet<>(items.size() * 2);
        beginChange();
        try {
            List<T> removedRun = new ArrayList<>();
            for (T element : items) {
                K k = key.apply(element);
                if (wanted.contains(k)) {
                    flushRemoved(removedRun, kept.size());
                    kept.add(element);
                    present.add(k);
                } else {
                    removedRun.add(element);
                }
            }
            flushRemoved(removedRun, kept.size());
            int from = kept.size();
            for (T element : target) {
                if (!present.contains(key.apply(element))) {
                    kept.add(element);
                }
            }
            items = kept;
            if (kept.size() > from) {
                nextAdd(from, kept.size());
            }
        } finally {
            endChange();
        }
    }

    /** Reports a run of removed elements at {@code at}, the index they had once earlier runs were gone. */
    private void flushRemoved(List<T> run, int at) {
        if (!run.isEmpty()) {
            nextRemove(at, new ArrayList<>(run));
            run.clear();
        }
    }

    /** Removes everything, as one change. */
    public void clear() {
        if (items.isEmpty()) {
            return;
        }
        List<T> old = items;
        items = new ArrayList<>();
        beginChange();
        try {
            nextRemove(0, old);
        } finally {
            endChange();
        }
    }
}
