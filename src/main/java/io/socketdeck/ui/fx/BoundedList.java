package io.socketdeck.ui.fx;

import java.util.List;
import java.util.function.ToLongFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An observable list with a cap on entries and on total weight (bytes): appending a batch adds
 * it and trims the oldest entries in one list change, so a ListView re-lays out once per batch.
 * FX thread only once shown.
 */
public final class BoundedList<T> {

    /**
     * A list full by weight (within this share of its cap, an eighth) keeps its length while
     * entries of other weights come: it drops as many as come, more only to stay under the cap,
     * and grows again once it has fallen an eighth under it. A ListView whose length changes
     * forgets every row height it measured and lays itself out at once, again in the pulse: in a
     * flood of reads of varying size the length changed on a third of its pulses (bench group ui).
     */
    private static final int STEADY_SHARE = 8;

    private final WindowList<T> items = new WindowList<>();
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
        appendAll(List.of());
    }

    /**
     * Appends {@code batch} and drops the oldest entries beyond the limits, as one change. The
     * newest entry always stays, however heavy; entries that would be dropped at once are never
     * added at all.
     */
    public void appendAll(List<T> batch) {
        // Entries beyond the count cap are dropped before anything else is looked at.
        int skipped = Math.max(0, batch.size() - maxItems);
        List<T> kept = batch.subList(skipped, batch.size());
        int oldSize = items.size();
        int total = oldSize + kept.size();
        long over = weight;
        for (T item : kept) {
            over += weigher.applyAsLong(item);
        }
        // Walk the combined sequence (old entries, then the batch) from the oldest end.
        int drop = Math.max(0, total - maxItems);
        for (int i = 0; i < drop; i++) {
            over -= weigher.applyAsLong(at(i, oldSize, kept));
        }
        // Full by weight, it keeps its length (drops at least as many as come) unless it must shrink.
        int keepLength = weight > maxWeight - maxWeight / STEADY_SHARE ? kept.size() : 0;
        while ((over > maxWeight || drop < keepLength) && drop < total - 1) {
            over -= weigher.applyAsLong(at(drop, oldSize, kept));
            drop++;
        }
        int dropOld = Math.min(drop, oldSize);
        items.dropFirstAndAppend(dropOld, kept.subList(drop - dropOld, kept.size()));
        weight = over;
        trimmed += skipped + drop;
    }

    private T at(int index, int oldSize, List<T> kept) {
        return index < oldSize ? items.get(index) : kept.get(index - oldSize);
    }

    public void clear() {
        items.removeAllItems();
        weight = 0;
        trimmed = 0;
    }

    public long weight() {
        return weight;
    }
}
