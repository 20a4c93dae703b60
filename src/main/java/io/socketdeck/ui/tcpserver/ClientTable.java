package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.tcp.ClientSnapshot;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the client table, in arrival order, kept in step with the engine in batches:
 * arrivals and departures are collected as the log's pump delivers them and applied with one
 * remove and one add per pulse. Ten thousand clients connecting then cost a few list changes,
 * not ten thousand, each of which the table and its selection would process. FX thread only.
 */
final class ClientTable {

    private final ObservableList<ClientRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ClientRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    /** The live client at each address, including arrivals not yet shown. */
    private final Map<InetSocketAddress, ClientRow> live = new HashMap<>();
    // Sets, not lists: a departure must find its row in constant time during a storm.
    private final Set<ClientRow> arrived = new LinkedHashSet<>();
    private final Set<ClientRow> left = new LinkedHashSet<>();

    ObservableList<ClientRow> rows() {
        return readOnlyRows;
    }

    void connected(InetSocketAddress remote, long atMillis) {
        ClientRow row = new ClientRow(remote, atMillis);
        ClientRow previous = live.put(remote, row);
        if (previous != null) {
            leave(previous);
        }
        arrived.add(row);
    }

    void disconnected(InetSocketAddress remote) {
        ClientRow row = live.remove(remote);
        if (row != null) {
            leave(row);
        }
    }

    private void leave(ClientRow row) {
        if (!arrived.remove(row)) {
            left.add(row); // shown already: remove it with the next batch
        }
    }

    /** Shows what arrived and left since the last call, in one removal and one addition. */
    void applyPending() {
        if (!left.isEmpty()) {
            rows.removeAll(left); // the list asks left.contains() per row: linear for a hash set
            left.clear();
        }
        if (!arrived.isEmpty()) {
            rows.addAll(arrived);
            arrived.clear();
        }
    }

    /** Copies byte counts from the engine's snapshot onto the rows. */
    void refresh(List<ClientSnapshot> snapshot) {
        for (ClientSnapshot client : snapshot) {
            ClientRow row = live.get(client.remote());
            if (row != null) {
                row.update(client.rxBytes(), client.txBytes());
            }
        }
    }

    void clear() {
        live.clear();
        arrived.clear();
        left.clear();
        rows.clear();
    }
}
