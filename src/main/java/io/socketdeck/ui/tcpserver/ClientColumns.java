package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.ui.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * How the client table's columns get and show their values: the address sorts by IP then
 * port (not as text, where 10.0.0.10 would come before 10.0.0.9), counts show exactly with the
 * locale's grouping and are read live from the engine, times as the log shows them.
 */
final class ClientColumns {

    /** Where a column keeps its key in a sort choice, see {@link #sortsBy}. */
    private static final String SORT_KEY = "socketdeck.sortKey";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    static final Comparator<ClientRow> BY_ADDRESS = Comparator
            .comparing((ClientRow row) -> sortKey(row.remote()), java.util.Arrays::compareUnsigned)
            .thenComparingInt(row -> row.remote().getPort());

    // A Unix socket's client has no IP address, only its name (see UnixSockets): sorted by that.
    private static byte[] sortKey(java.net.InetSocketAddress remote) {
        return remote.getAddress() != null ? remote.getAddress().getAddress()
                : remote.getHostString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private ClientColumns() {
    }

    /** @param revision bumped when counts moved or a client finished sending: visible cells look again */
    static void address(TableColumn<ClientRow, ClientRow> column, ObservableValue<Number> revision) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(col -> new AddressCell(revision));
        column.setComparator(BY_ADDRESS);
        sortsBy(column, () -> BY_ADDRESS);
    }

    static void since(TableColumn<ClientRow, Number> column) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().connectedAtMillis()));
        column.setCellFactory(col -> formatted(millis -> TIME.format(Instant.ofEpochMilli(millis.longValue()))));
        sortsBy(column, () -> Comparator.comparingLong(ClientRow::connectedAtMillis));
    }

    /** @param revision bumped when counts moved: visible cells read their row's count again */
    static void count(TableColumn<ClientRow, Number> column, ToLongFunction<ClientRow> count,
                      ObservableValue<Number> revision) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(count.applyAsLong(cell.getValue())));
        column.setCellFactory(col -> new CountCell(count, revision));
        // A count moves while a sort runs: each sort reads a row's count once and keeps it, so the
        // order stays consistent (and a sorted table does not reshuffle under the user's eyes).
        sortsBy(column, () -> {
            Map<ClientRow, Long> readOnce = new ConcurrentHashMap<>();
            return Comparator.comparingLong(row -> readOnce.computeIfAbsent(row, r -> count.applyAsLong(r)));
        });
    }

    /**
     * The client's TLS: "TLS 1.3 · cert CN=device" or "TLS 1.3 · no cert" once its handshake
     * completed, "handshake…" before. Read live, as the counts are.
     */
    static void tls(TableColumn<ClientRow, ClientRow> column, ObservableValue<Number> revision) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(col -> new TlsCell(revision));
        sortsBy(column, () -> {
            Map<ClientRow, String> readOnce = new ConcurrentHashMap<>(); // a handshake may end while it sorts
            return Comparator.comparing(row -> readOnce.computeIfAbsent(row, ClientColumns::tlsText));
        });
    }

    /** What the TLS column says about {@code row}; "" for a client of a plain server. */
    static String tlsText(ClientRow row) {
        if (!row.secure()) {
            return "";
        }
        TlsHandshake handshake = row.tls().get();
        if (handshake == null) {
            return I18n.text("server.client.tls.handshake");
        }
        String protocol = handshake.protocol().replace("TLSv", "TLS ");
        if (handshake.peerChain().isEmpty()) {
            return I18n.format("server.client.tls.noCert", protocol);
        }
        return I18n.format("server.client.tls.cert", protocol, "CN=" + handshake.peerChain().get(0).commonName());
    }

    /**
     * Remembers how {@code column} orders rows (a fresh comparator per sort), and its key in a
     * sort choice: its fx:id as the FXML gives it. A second tab's view is numbered afterwards
     * ({@code rxColumn2}), and a choice must mean the same columns in the view built next.
     */
    private static void sortsBy(TableColumn<ClientRow, ?> column, Supplier<Comparator<ClientRow>> order) {
        column.setUserData(order);
        column.getProperties().put(SORT_KEY, column.getId());
    }

    private static Object sortKey(TableColumn<ClientRow, ?> column) {
        return column.getProperties().get(SORT_KEY);
    }

    /** The order the table's sort columns ask for, first column first; null for none (arrival order). */
    @SuppressWarnings("unchecked")
    static Comparator<ClientRow> order(List<TableColumn<ClientRow, ?>> sortOrder) {
        Comparator<ClientRow> order = null;
        for (TableColumn<ClientRow, ?> column : sortOrder) {
            Comparator<ClientRow> byColumn = ((Supplier<Comparator<ClientRow>>) column.getUserData()).get();
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order;
    }

    /** The table's sort columns as the model keeps them: key and direction, first column first. */
    static List<ColumnSort> choice(List<TableColumn<ClientRow, ?>> sortOrder) {
        return sortOrder.stream()
                .map(column -> new ColumnSort((String) sortKey(column), column.getSortType() == TableColumn.SortType.ASCENDING))
                .toList();
    }

    /** Shows {@code choice} in {@code table}'s header again: its sort columns and their arrows. */
    static void show(TableView<ClientRow> table, List<ColumnSort> choice) {
        List<TableColumn<ClientRow, ?>> columns = new ArrayList<>();
        for (ColumnSort sort : choice) {
            for (TableColumn<ClientRow, ?> column : table.getColumns()) {
                if (sort.columnKey().equals(sortKey(column))) {
                    column.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                    columns.add(column);
                }
            }
        }
        table.getSortOrder().setAll(columns);
    }

    private static <T> TableCell<ClientRow, T> formatted(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }

    /**
     * A cell that shows its row's live state: drawn when the table gives it a row and again when
     * {@code revision} moves. Only the few visible cells listen, never a row.
     */
    private abstract static class LiveCell<T> extends TableCell<ClientRow, T> {
        private final ChangeListener<Number> redraw = (observable, old, now) -> show(row());

        LiveCell(ObservableValue<Number> revision) {
            revision.addListener(new WeakChangeListener<>(redraw)); // a cell the table drops is collected
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            show(row());
        }

        private ClientRow row() {
            return isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
        }

        /** Shows {@code row}'s state now; null for an empty cell. */
        abstract void show(ClientRow row);
    }

    /** The client's address, and "finished sending" once it did (it stays for our answer). */
    private static final class AddressCell extends LiveCell<ClientRow> {
        private static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");

        AddressCell(ObservableValue<Number> revision) {
            super(revision);
        }

        @Override
        void show(ClientRow row) {
            boolean finished = row != null && row.finishedSending().getAsBoolean();
            pseudoClassStateChanged(FINISHED, finished);
            setText(row == null ? null : finished ? I18n.format("server.client.finished", row.address()) : row.address());
        }
    }

    /** The client's TLS, live: the handshake completes after the row appeared. */
    private static final class TlsCell extends LiveCell<ClientRow> {
        TlsCell(ObservableValue<Number> revision) {
            super(revision);
        }

        @Override
        void show(ClientRow row) {
            setText(row == null ? null : tlsText(row));
        }
    }

    /** A live count. */
    private static final class CountCell extends LiveCell<Number> {
        private final ToLongFunction<ClientRow> count;

        CountCell(ToLongFunction<ClientRow> count, ObservableValue<Number> revision) {
            super(revision);
            this.count = count;
        }

        @Override
        void show(ClientRow row) {
            setText(row == null ? null : I18n.count(count.applyAsLong(row)));
        }
    }
}
