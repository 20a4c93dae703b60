package io.socketdeck.ui.tcpserver;

import io.socketdeck.ui.fx.SyncedList;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the client table, with one source of truth: the engine's versioned list of its
 * clients. Each update makes the rows equal to that list in one list change (those gone removed,
 * new ones appended in arrival order), so a row can neither outlive its client nor miss one, and
 * ten thousand clients arriving cost a few changes, not ten thousand. Byte counts are read live by
 * the cells; {@link #countsRevisionProperty()} tells them when to look again. FX thread only.
 */
final class ClientTable {

    private final SyncedList<ClientRow> rows = new SyncedList<>();
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
        rows.syncTo(clients, ClientRow::id);
        shownVersion = version;
    }

    /** Tells the count cells to draw again when any client's bytes moved; true when they did. */
    boolean refreshCounts() {
        long total = 0;
        for (ClientRow row : rows) {
            total += row.rxBytes().getAsLong() + row.txBytes().getAsLong();
        }
        if (total == shownTotal) {
            return false;
        }
        shownTotal = total;
        countsRevision.set(countsRevision.get() + 1);
        return true;
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
