package io.socketdeck.ui.fx;

import java.util.List;
import java.util.function.ToLongFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An observable list with a cap on entries and on total weight (bytes): appending a batch adds
 * it in one change and trims the oldest entries in one more, so a ListView re-lays out once per
 * batch. FX thread only once shown.
 */
public final class BoundedList<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> readOnly = FXCollections.unmodifiableObservableList(items);
    private final ToLongFunction<? super T> weigher;
    private int maxItems;
    private long maxWeight;
    private long weight;
    private long trimmed;

    public BoundedList(int maxItems, long maxWeight, ToLongFunction<? super T> weigher) {
        this.weigher = weigher;
        setLimits(maxItems, maxWeight);
    }

    public ObservableList<T> items() {
        return readOnly;
    }

    public int maxItems() {
        return maxItems;
    }

    public long maxWeight() {
        return maxWeight;
    }

    /** Entries removed to stay within the limits since creation or {@link #clear()}. */
    public long trimmed() {
        return trimmed;
    }

    public final void setLimits(int maxItems, long maxWeight) {
        if (maxItems < 1 || maxWeight < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxItems = maxItems;
        this.maxWeight = maxWeight;
        trim();
    }

    public void appendAll(List<T> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Entries that would be trimmed at once are never added: no wasted list change.
        int from = Math.max(0, batch.size() - maxItems);
        List<T> kept = batch.subList(from, batch.size());
        trimmed += from;
        for (T item : kept) {
            weight += weigher.applyAsLong(item);
        }
        items.addAll(kept);
        trim();
    }

    public void clear() {
        items.clear();
        weight = 0;
        trimmed = 0;
    }

    public long weight() {
        return weight;
    }

    private void trim() {
        int excess = Math.max(0, items.size() - maxItems);
        long over = weight;
        for (int i = 0; i < excess; i++) {
            over -= weigher.applyAsLong(items.get(i));
        }
        while (over > maxWeight && excess < items.size() - 1) {
            over -= weigher.applyAsLong(items.get(excess));
            excess++;
        }
        if (excess > 0) {
            items.remove(0, excess);
            weight = over;
            trimmed += excess;
        }
    }
}
