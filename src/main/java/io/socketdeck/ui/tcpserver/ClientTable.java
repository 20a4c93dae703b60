package io.socketdeck.ui.tcpserver;

import io.socketdeck.ui.fx.IoWorkers;
import io.socketdeck.ui.fx.SyncedList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The rows of the client table, with one source of truth: the engine's versioned list of its
 * clients. Each update makes the rows equal to that list in one list change (those gone removed,
 * new ones inserted in the table's order), so a row can neither outlive its client nor miss one,
 * and ten thousand clients arriving cost a few changes, not ten thousand. The table sorts through
 * {@link #sortBy}, off the FX thread when big, applied as one permutation. Byte counts are read
 * live by the cells; {@link #countsRevisionProperty()} tells them when to look again. FX thread only.
 */
final class ClientTable {

    /** Arrival order: connection ids only grow. */
    static final Comparator<ClientRow> BY_ARRIVAL = Comparator.comparingLong(ClientRow::id);
    /** Rows above which a new order is computed on a worker, then applied as one permutation. */
    static final int SORT_IN_BACKGROUND_ABOVE = 2_000;

    private final SyncedList<ClientRow> rows = new SyncedList<>(BY_ARRIVAL);
    /** Bumped by each sort, so a slow one that finishes after a newer one is dropped. */
    private long sortGeneration;
    private final ObservableList<ClientRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyLongWrapper countsRevision = new ReadOnlyLongWrapper(this, "countsRevision");
    private long shownVersion = -1;
    private long shownTotal = -1;

    ObservableList<ClientRow> rows() {
        return readOnlyRows;
    }

    /** The version of the engine's list now shown, or -1. */
    long shownVersion() {
        return shownVersion;
    }

    /** Shows exactly {@code clients}, the engine's list at {@code version}. */
    void show(long version, List<ClientRow> clients) {
        apply(plan(base(), version, clients));
    }

    /** The rows as they are now, for {@link #plan} on a worker. */
    SyncedList.Base<ClientRow> base() {
        return rows.base();
    }

    /**
     * What shows exactly {@code clients}, the engine's list at {@code version}, computed against
     * {@code base}: any thread, so ten thousand clients cost the FX thread only the change itself.
     */
    static Update plan(SyncedList.Base<ClientRow> base, long version, List<ClientRow> clients) {
        return new Update(version, base.planSync(clients, ClientRow::id));
    }

    /**
     * Shows {@code update}, unless the rows changed (a sort) since its base: then false, and the
     * caller plans again. FX thread.
     */
    boolean apply(Update update) {
        if (!rows.apply(update.sync())) {
            return false;
        }
        shownVersion = update.version();
        return true;
    }

    /** The engine's list at {@code version}, as a change of the rows. */
    record Update(long version, SyncedList.Sync<ClientRow> sync) {
    }

    /**
     * Puts the rows in {@code order} (null: arrival) and keeps it for rows to come, as one
     * permutation. A big table is sorted on a worker over a copy; if clients came or went
     * meanwhile, it sorts again. {@code order} must give each row the same place for as long as
     * it is used (see {@link ClientColumns#order}): counts that move are read once per sort.
     */
    void sortBy(Comparator<ClientRow> order) {
        Comparator<ClientRow> wanted = order == null ? BY_ARRIVAL : order.thenComparing(BY_ARRIVAL);
        long generation = ++sortGeneration;
        List<ClientRow> copy = new ArrayList<>(rows.snapshot());
        if (copy.size() <= SORT_IN_BACKGROUND_ABOVE) {
            copy.sort(wanted);
            rows.reorder(copy, wanted);
            return;
        }
        Task<List<ClientRow>> sorting = new Task<>() {
            @Override
            protected List<ClientRow> call() {
                copy.sort(wanted);
                return copy;
            }
        };
        sorting.setOnSucceeded(event -> {
            if (generation == sortGeneration && !rows.reorder(sorting.getValue(), wanted)) {
                sortBy(order); // clients came or went while it sorted
            }
        });
        IoWorkers.run(sorting);
    }

    /** Tells the live cells to draw again when any client's bytes moved or it finished sending; true when so. */
    boolean refreshCounts() {
        long total = 0;
        for (ClientRow row : rows) {
            // A client that finished sending changes no count: it moves the sum all the same.
            total += row.rxBytes().getAsLong() + row.txBytes().getAsLong()
                    + (row.finishedSending().getAsBoolean() ? 1L << 40 : 0);
        }
        if (total == shownTotal) {
            return false;
        }
        shownTotal = total;
        countsRevision.set(countsRevision.get() + 1);
        return true;
    }

    /** Tells the live cells to draw again: something they show (a client's TLS) changed. */
    void redraw() {
        countsRevision.set(countsRevision.get() + 1);
    }

    /** Bumped when byte counts changed: count cells redraw, rows stay. */
    ReadOnlyLongProperty countsRevisionProperty() {
        return countsRevision.getReadOnlyProperty();
    }

    void clear() {
        rows.clear();
        shownVersion = -1;
        shownTotal = -1;
    }
}
