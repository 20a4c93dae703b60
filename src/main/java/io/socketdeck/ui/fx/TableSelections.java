package io.socketdeck.ui.fx;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.TableView;

/**
 * A table's selection kept in its model, which outlives the view, as the rows the user chose
 * and only those:
 * <ul>
 *   <li>a language switch builds a new table around the same rows: the new table first selects
 *       the model's rows (by identity: rows keep their objects), so the user's choice (the
 *       clients a send goes to) survives it;</li>
 *   <li>a table no longer shown stops writing: its selection model still follows the shared rows
 *       and must not overwrite what the table in front shows;</li>
 *   <li>a chosen row that goes away (a client leaving) just leaves the choice. JavaFX's selection
 *       model moves a removed row's selection to the row that takes its place, which would make
 *       the next "send to selected" reach a client nobody chose.</li>
 * </ul>
 */
public final class TableSelections {

    private TableSelections() {
    }

    /**
     * Shows {@code rows} in {@code table} and mirrors its selection into {@code chosen} while the
     * table is in a window. Call instead of {@code table.setItems(rows)}: part of this must hear
     * the rows change before the table's own selection model does. FX thread.
     */
    public static <T> void show(TableView<T> table, ObservableList<T> rows, ObservableList<T> chosen) {
        new Mirror<>(table, rows, chosen).start();
    }

    private static final class Mirror<T> {
        private final TableView<T> table;
        private final ObservableList<T> rows;
        private final ObservableList<T> chosen;
        /** True from a change of the rows until the table's selection model has followed it. */
        private boolean rowsChanging;
        private final ListChangeListener<T> beforeTable = change -> rowsChanging = true;
        private final ListChangeListener<T> afterTable;
        private final ListChangeListener<T> userChoice;

        Mirror(TableView<T> table, ObservableList<T> rows, ObservableList<T> chosen) {
            this.table = table;
            this.rows = rows;
            this.chosen = chosen;
            afterTable = change -> {
                rowsChanging = false;
                if (shown()) {
                    select();
                }
            };
            userChoice = change -> {
                if (!rowsChanging && shown()) {
                    chosen.setAll(table.getSelectionModel().getSelectedItems());
                }
            };
        }

        void start() {
            // The rows outlive the table (a language switch builds another): they hold these
            // listeners weakly, the table holds them strongly, so a dropped table is not kept.
            table.getProperties().put(Mirror.class, this);
            rows.addListener(new WeakListChangeListener<>(beforeTable)); // before the table's own: setItems is next
            table.setItems(rows);
            rows.addListener(new WeakListChangeListener<>(afterTable));
            table.getSelectionModel().getSelectedItems().addListener(userChoice);
            table.sceneProperty().addListener((obs, old, now) -> {
                if (old == null && now != null) {
                    select(); // shown (again): the model's choice, as it is now
                }
            });
            if (shown()) {
                select();
            }
        }

        /** Only a table in a window speaks for the user; one built but not yet shown, or dropped, does not. */
        private boolean shown() {
            return table.getScene() != null;
        }

        /** Selects exactly the chosen rows still among the rows, and makes the model equal to that. */
        private void select() {
            if (chosen.isEmpty() && table.getSelectionModel().isEmpty()) {
                return; // the usual case while ten thousand clients come and go: nothing to look up
            }
            // One pass over the rows against the few chosen ones: no index of ten thousand rows
            // made on every change while a client is chosen.
            Set<T> wanted = Collections.newSetFromMap(new IdentityHashMap<>(chosen.size() * 2));
            wanted.addAll(chosen);
            int[] indices = IntStream.range(0, wanted.isEmpty() ? 0 : rows.size())
                    .filter(i -> wanted.contains(rows.get(i))).toArray();
            int[] selected = table.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue)
                    .sorted().toArray();
            if (!Arrays.equals(indices, selected)) {
                rowsChanging = true; // this change is ours, not the user's
                try {
                    table.getSelectionModel().clearSelection();
                    if (indices.length > 0) {
                        table.getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
                    }
                } finally {
                    rowsChanging = false;
                }
            }
            List<T> target = Arrays.stream(indices).mapToObj(rows::get).toList();
            if (!chosen.equals(target)) {
                chosen.setAll(target);
            }
        }
    }
}
