package io.socketdeck.ui.tcpserver;

import io.socketdeck.ui.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * How the client table's columns get and show their values: the address sorts by IP then
 * port (not as text, where 10.0.0.10 would come before 10.0.0.9), counts show exactly with the
 * locale's grouping, times as the log shows them.
 */
final class ClientColumns {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    static final Comparator<ClientRow> BY_ADDRESS = Comparator
            .comparing((ClientRow row) -> row.remote().getAddress().getAddress(), java.util.Arrays::compareUnsigned)
            .thenComparingInt(row -> row.remote().getPort());

    private ClientColumns() {
    }

    static void address(TableColumn<ClientRow, ClientRow> column) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(col -> formatted(ClientRow::address));
        column.setComparator(BY_ADDRESS);
    }

    static void since(TableColumn<ClientRow, Number> column) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().connectedAtMillis()));
        column.setCellFactory(col -> formatted(millis -> TIME.format(Instant.ofEpochMilli(millis.longValue()))));
    }

    static void rxBytes(TableColumn<ClientRow, Number> column) {
        column.setCellValueFactory(cell -> cell.getValue().rxBytesProperty());
        column.setCellFactory(col -> formatted(count -> I18n.count(count.longValue())));
    }

    static void txBytes(TableColumn<ClientRow, Number> column) {
        column.setCellValueFactory(cell -> cell.getValue().txBytesProperty());
        column.setCellFactory(col -> formatted(count -> I18n.count(count.longValue())));
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
}
