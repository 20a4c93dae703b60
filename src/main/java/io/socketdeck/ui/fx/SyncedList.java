package io.socketdeck.ui.fx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javafx.collections.ObservableListBase;

/**
 * An observable list kept equal to a source of truth elsewhere (an engine's snapshot) by one call
 * per update, in an order of its own: the elements gone are removed, the new ones inserted where
 * the order puts them, the others keep their place, and listeners get it all as one change, in
 * time linear in the list's size. A table's selection and scroll position survive, because
 * unchanged rows are neither removed nor re-added; a new order is one permutation.
 * Read-only to everyone else; FX thread once shown.
 */
public final class SyncedList<T> extends ObservableListBase<T> {

    private List<T> items = new ArrayList<>();
    private Comparator<? super T> order;

    /** @param order the order the list keeps, e.g. arrival */
    public SyncedList(Comparator<? super T> order) {
        this.order = order;
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    public Comparator<? super T> order() {
        return order;
    }

    /**
     * Makes this list hold exactly the elements of {@code target}, matched by {@code key}: kept
     * elements stay where they are (this list's instance, not the target's), new ones go where the
     * list's order puts them.
     */
    public void syncTo(List<T> target, ToLongFunction<? super T> key) {
        apply(base().planSync(target, key));
    }

    /**
     * The list as it is now, to plan a sync against elsewhere ({@link Base#planSync}, on a worker
     * for a big list) and {@link #apply} back here. FX thread.
     */
    public Base<T> base() {
        return new Base<>(items, order);
    }

    /**
     * Applies {@code sync} as one change, in time linear in the changes, not the list: unless the
     * list changed since the {@link #base()} it was planned against, then nothing happens and the
     * answer is false (plan again). FX thread.
     */
    public boolean apply(Sync<T> sync) {
        if (sync.base != items) {
            return false;
        }
        if (sync.changes.isEmpty()) {
            return true;
        }
        items = sync.result;
        beginChange();
        try {
            for (Sync.Step<T> step : sync.changes) {
                if (step instanceof Sync.Removed<T> removed) {
                    nextRemove(removed.at(), removed.elements());
                } else if (step instanceof Sync.Added<T> added) {
                    nextAdd(added.from(), added.to());
                }
            }
        } finally {
            endChange();
        }
        return true;
    }

    /**
     * One state of a {@link SyncedList}: its elements (a list the synced list never changes
     * again: each change of it puts a new one in place) and its order. Safe to read on any thread.
     */
    public static final class Base<T> {
        private final List<T> items;
        private final Comparator<? super T> order;

        private Base(List<T> items, Comparator<? super T> order) {
            this.items = items;
            this.order = order;
        }

        /**
         * What makes the list hold exactly the elements of {@code target}, matched by
         * {@code key}: the elements gone removed in runs, kept ones in their place, new ones
         * inserted where the order puts them. Any thread; linear in the sizes, plus sorting the
         * new elements and binary searches.
         *
         * <p>The keys are looked up in sorted arrays rather than hash sets: a server's table
         * plans against ten thousand rows several times a second during a storm, and sets of
         * boxed keys made about a third of everything allocated then (profiled), each
         * allocation bringing the next young collection, which stops the FX thread too, nearer.
         */
        public Sync<T> planSync(List<T> target, ToLongFunction<? super T> key) {
            long[] wanted = sortedKeys(target, key);
            List<Sync.Step<T>> changes = new ArrayList<>();
            List<T> kept = new ArrayList<>(target.size());
            long[] present = new long[items.size()];
            int presentCount = 0;
            List<T> removedRun = new ArrayList<>();
            for (T element : items) {
                long k = key.applyAsLong(element);
                if (Arrays.binarySearch(wanted, k) >= 0) {
                    flushRemoved(changes, removedRun, kept.size());
                    kept.add(element);
                    present[presentCount++] = k;
                } else {
                    removedRun.add(element);
                }
            }
            flushRemoved(changes, removedRun, kept.size());
            Arrays.sort(present, 0, presentCount);
            List<T> arrived = new ArrayList<>();
            for (T element : target) {
                if (Arrays.binarySearch(present, 0, presentCount, key.applyAsLong(element)) < 0) {
                    arrived.add(element);
                }
            }
            return new Sync<>(items, insertInOrder(kept, arrived, changes), changes);
        }

        /** The keys of {@code elements}, ascending: linear when they come in that order already. */
        private static <T> long[] sortedKeys(List<T> elements, ToLongFunction<? super T> key) {
            long[] keys = new long[elements.size()];
            int i = 0;
            boolean ascending = true;
            for (T element : elements) {
                keys[i] = key.applyAsLong(element);
                ascending &= i == 0 || keys[i - 1] <= keys[i];
                i++;
            }
            if (!ascending) {
                Arrays.sort(keys);
            }
            return keys;
        }

        /**
         * Merges {@code arrived} into {@code kept} (already in order) by the list's order, noting
         * each run of new elements as one addition, in ascending position.
         */
        private List<T> insertInOrder(List<T> kept, List<T> arrived, List<Sync.Step<T>> changes) {
            if (arrived.isEmpty()) {
                return kept;
            }
            arrived.sort(order);
            List<T> merged = new ArrayList<>(kept.size() + arrived.size());
            int k = 0;
            int a = 0;
            int runStart = -1;
            while (k < kept.size() || a < arrived.size()) {
                boolean takeNew = k == kept.size() || a < arrived.size() && order.compare(arrived.get(a), kept.get(k)) < 0;
                if (takeNew) {
                    if (runStart < 0) {
                        runStart = merged.size();
                    }
                    merged.add(arrived.get(a++));
                } else {
                    if (runStart >= 0) {
                        changes.add(new Sync.Added<>(runStart, merged.size()));
                        runStart = -1;
                    }
                    merged.add(kept.get(k++));
                }
            }
            if (runStart >= 0) {
                changes.add(new Sync.Added<>(runStart, merged.size()));
            }
            return merged;
        }

        /** Notes a run of removed elements at {@code at}, the index they had once earlier runs were gone. */
        private static <T> void flushRemoved(List<Sync.Step<T>> changes, List<T> run, int at) {
            if (!run.isEmpty()) {
                changes.add(new Sync.Removed<>(at, new ArrayList<>(run)));
                run.clear();
            }
        }
    }

    /** A planned sync: the elements after it and the steps that lead there from its base. */
    public static final class Sync<T> {
        private final List<T> base;
        private final List<T> result;
        private final List<Step<T>> changes;

        private Sync(List<T> base, List<T> result, List<Step<T>> changes) {
            this.base = base;
            this.result = result;
            this.changes = changes;
        }

        /** Whether applying it changes nothing. */
        public boolean isEmpty() {
            return changes.isEmpty();
        }

        private sealed interface Step<T> permits Removed, Added {
        }

        private record Removed<T>(int at, List<T> elements) implements Step<T> {
        }

        private record Added<T>(int from, int to) implements Step<T> {
        }
    }

    /**
     * Puts the elements in {@code sorted} order, which the caller computed from a copy of this
     * list (on a worker, for a big list), and keeps that order for elements to come, as one
     * permutation. Returns false, changing nothing, when {@code sorted} does not hold exactly this
     * list's elements any more (they changed meanwhile): the caller sorts again.
     */
    public boolean reorder(List<T> sorted, Comparator<? super T> newOrder) {
        if (sorted.size() != items.size()) {
            return false;
        }
        Map<T, Integer> oldIndex = new IdentityHashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            oldIndex.put(items.get(i), i);
        }
        int[] permutation = new int[items.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Integer from = oldIndex.remove(sorted.get(i));
            if (from == null) {
                return false;
            }
            permutation[from] = i;
        }
        order = newOrder;
        items = new ArrayList<>(sorted);
        beginChange();
        try {
            nextPermutation(0, items.size(), permutation);
        } finally {
            endChange();
        }
        return true;
    }

    /** A copy of the elements in their current order, for sorting elsewhere. */
    public List<T> snapshot() {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Removes everything, as one change. */
    @Override
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
