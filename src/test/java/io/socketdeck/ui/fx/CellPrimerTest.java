package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A list's cells made before its first rows: the rows, when they come, find their cells made,
 * and nothing of the placeholder rows is left in the list, its selection or its focus.
 */
@ExtendWith(ApplicationExtension.class)
class CellPrimerTest {

    private static final String PLACEHOLDER = "placeholder";

    private final AtomicInteger cellsMade = new AtomicInteger();
    /** Every item a cell was given, on the FX thread. */
    private final List<String> itemsShown = new ArrayList<>();
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private ListView<String> list;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        list = new ListView<>(rows);
        list.setCellFactory(countedTextCells(cellsMade, itemsShown::add));
        CellPrimer.prime(list, PLACEHOLDER);
        stage.setScene(new Scene(new StackPane(list), 400, 300));
        stage.show();
    }

    /** Cells that show their item's text, counted in {@code made}; {@code shown} hears each item shown. */
    private static Callback<ListView<String>, ListCell<String>> countedTextCells(AtomicInteger made,
                                                                                 Consumer<String> shown) {
        return view -> {
            made.incrementAndGet();
            return new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    if (!empty) {
                        shown.accept(item);
                    }
                }
            };
        };
    }

    @AfterEach
    void close() {
        runFx(stage::hide);
    }

    @Test
    void theFirstRowsFindTheirCellsMadeAndNothingOfThePlaceholderIsLeft() {
        awaitFx(() -> itemsShown.contains(PLACEHOLDER), "cells made with the placeholder while the list is empty");
        int made = onFx(cellsMade::get);
        double cellHeight = onFx(() -> list.lookup(".list-cell").getLayoutBounds().getHeight());
        assertTrue(made * cellHeight >= onFx(list::getHeight) - cellHeight,
                () -> made + " cells of " + cellHeight + " px: not a viewport's worth");
        assertSame(rows, onFx(list::getItems), "the list shows its own rows again");
        assertTrue(onFx(() -> list.getItems().isEmpty()), "and they are still none");
        assertTrue(onFx(() -> list.getSelectionModel().isEmpty()), "nothing selected");
        assertEquals(-1, onFx(() -> list.getFocusModel().getFocusedIndex()), "nothing focused");
        assertTrue(onFx(() -> list.lookupAll(".list-cell").stream()
                .noneMatch(cell -> cell.isVisible() && PLACEHOLDER.equals(((ListCell<?>) cell).getText()))),
                "no cell shows the placeholder");

        runFx(() -> rows.setAll(IntStream.range(0, 5).mapToObj(i -> "row " + i).toList()));
        awaitFx(() -> list.lookupAll(".list-cell").stream()
                .anyMatch(cell -> cell.isVisible() && "row 4".equals(((ListCell<?>) cell).getText())), "the rows shown");
        assertEquals(made, onFx(cellsMade::get), "the rows took the cells made before: none made for them");
    }

    @Test
    void aTableGetsItsRowsCellsMadeTooAndItsOwnRowsBack() {
        AtomicInteger tableCellsMade = new AtomicInteger();
        ObservableList<String> tableRows = FXCollections.observableArrayList();
        TableView<String> table = onFx(() -> {
            TableView<String> view = new TableView<>(tableRows);
            TableColumn<String, String> column = new TableColumn<>("row");
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()));
            Callback<TableColumn<String, String>, TableCell<String, String>> plain = column.getCellFactory();
            column.setCellFactory(col -> {
                tableCellsMade.incrementAndGet();
                return plain.call(col); // JavaFX's own: shows the row's text
            });
            view.getColumns().add(column);
            view.getSortOrder().add(column); // a sorted table sorts what it is given: a list it may sort
            CellPrimer.prime(view, PLACEHOLDER);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(view);
            return view;
        });
        awaitFx(() -> tableCellsMade.get() >= 3, "cells made while the table is empty");
        int made = onFx(tableCellsMade::get);
        assertSame(tableRows, onFx(table::getItems), "the table shows its own rows again");
        assertTrue(onFx(() -> table.getSelectionModel().isEmpty() && tableRows.isEmpty()));

        runFx(() -> tableRows.setAll("b", "a"));
        awaitFx(() -> table.lookupAll(".table-cell").stream().anyMatch(cell -> "b".equals(((TableCell<?, ?>) cell).getText())),
                "the rows shown");
        assertEquals(made, onFx(tableCellsMade::get), "the rows took the cells made before");
    }

    @Test
    void aListLaidOutOffTheFxThreadIsPrimedByWhoeverLaidItOutAndJoinsAWindowWithItsCells() throws Exception {
        AtomicInteger offCellsMade = new AtomicInteger();
        ObservableList<String> offRows = FXCollections.observableArrayList();
        AtomicReference<ListView<String>> built = new AtomicReference<>();
        List<Integer> madeAt = new ArrayList<>(); // cells after the layout, after the priming
        // The size the list will have in the window (the stage may have kept an earlier test's size),
        // as a view built in advance learns it from the window's first layout.
        Region root = (Region) stage.getScene().getRoot();
        double[] size = onFx(() -> new double[] {root.getWidth(), root.getHeight()});
        Thread builder = new Thread(() -> { // as a view built in advance: a scene of its own, not in a window
            ListView<String> view = new ListView<>(offRows);
            view.setCellFactory(countedTextCells(offCellsMade, item -> { }));
            CellPrimer.prime(view, PLACEHOLDER);
            StackPane stand = new StackPane(view);
            new Scene(stand);
            stand.applyCss();
            stand.resize(size[0], size[1]);
            stand.layout();
            madeAt.add(offCellsMade.get());
            CellPrimer.primeLaidOut(stand);
            madeAt.add(offCellsMade.get());
            stand.getChildren().clear();
            built.set(view);
        }, "builder");
        builder.start();
        builder.join();
        ListView<String> view = built.get();
        assertTrue(madeAt.get(1) >= madeAt.get(0) + 5, () -> "primed on the builder's thread: cells " + madeAt);
        assertSame(offRows, view.getItems(), "its own rows back");
        assertTrue(view.getSelectionModel().isEmpty() && view.getFocusModel().getFocusedIndex() == -1);

        int made = offCellsMade.get();
        runFx(() -> ((StackPane) stage.getScene().getRoot()).getChildren().setAll(view));
        runFx(() -> offRows.setAll(IntStream.range(0, 5).mapToObj(i -> "row " + i).toList()));
        awaitFx(() -> view.lookupAll(".list-cell").stream()
                .anyMatch(cell -> cell.isVisible() && "row 4".equals(((ListCell<?>) cell).getText())), "the rows shown");
        assertEquals(made, onFx(offCellsMade::get), "the rows took the cells made off the FX thread");
    }

    @Test
    void aListThatHasRowsWhenShownIsLeftAsItIs() {
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        ListView<String> full = onFx(() -> {
            ListView<String> view = new ListView<>(FXCollections.observableArrayList("a", "b"));
            CellPrimer.prime(view, PLACEHOLDER);
            view.getSelectionModel().select(1);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(view);
            counter.start();
            return view;
        });
        try {
            // The primer waits two pulses after the list is laid out, then acts or not: past that.
            awaitFx(() -> pulses.get() >= 10, "ten pulses with the list shown");
        } finally {
            runFx(counter::stop);
        }
        assertEquals(List.of("a", "b"), onFx(() -> List.copyOf(full.getItems())));
        assertEquals(1, onFx(() -> full.getSelectionModel().getSelectedIndex()), "its selection kept");
        assertEquals(0, onFx(() -> full.lookupAll(".list-cell").stream()
                .filter(cell -> PLACEHOLDER.equals(((ListCell<?>) cell).getText())).count()), "no placeholder");
    }
}
