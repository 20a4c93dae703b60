package io.socketdeck.ui.relay;

import io.socketdeck.ui.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The connection table's columns: each cell shows its row's latest snapshot, drawn when the
 * table gives it a row and again when the model's revision moves; only the few visible cells
 * listen, never a row. The table keeps arrival order (the rows are the engine's list).
 */
final class RelayColumns {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private RelayColumns() {
    }

    static void client(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision) {
        live(column, revision, RelayRow::client);
    }

    static void target(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision) {
        live(column, revision, RelayRow::target);
    }

    static void since(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision) {
        live(column, revision, row -> TIME.format(Instant.ofEpochMilli(row.now().sinceMillis())));
    }

    static void up(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision) {
        live(column, revision, row -> I18n.count(row.now().upBytes()));
    }

    static void down(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision) {
        live(column, revision, row -> I18n.count(row.now().downBytes()));
    }

    static void held(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision) {
        live(column, revision, row -> I18n.count(row.now().heldBytes()));
    }

    static void state(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision) {
        live(column, revision, row -> I18n.text("relay.connection." + row.now().state().name()));
    }

    private static void live(TableColumn<RelayRow, RelayRow> column, ObservableValue<Number> revision,
                             Function<RelayRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(col -> new LiveCell(revision, text));
        column.setSortable(false); // the rows are the engine's list, in arrival order
    }

    /** A cell that reads its row's snapshot when drawn and when the revision moves. */
    private static final class LiveCell extends TableCell<RelayRow, RelayRow> {
        private final Function<RelayRow, String> text;
        private final ChangeListener<Number> redraw = (observable, old, now) -> show();

        LiveCell(ObservableValue<Number> revision, Function<RelayRow, String> text) {
            this.text = text;
            revision.addListener(new WeakChangeListener<>(redraw)); // a cell the table drops is collected
        }

        @Override
        protected void updateItem(RelayRow item, boolean empty) {
            super.updateItem(item, empty);
            show();
        }

        private void show() {
            RelayRow row = isEmpty() ? null : getItem();
            setText(row == null ? null : text.apply(row));
        }
    }
}
