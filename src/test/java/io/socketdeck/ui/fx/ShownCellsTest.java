package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A list following its tail: while rows leave at the top as fast as they come (a log at its limit)
 * its shown cells are laid out right after the scroll and the layout pass that follows styles none
 * of them again; while it grows they are left to the pass. Either way the newest row ends in view,
 * whole, at the bottom.
 */
@ExtendWith(ApplicationExtension.class)
class ShownCellsTest {

    /** CSS passes over the rows' content: JavaFX reads a node's CSS properties in each. */
    private final AtomicInteger rowsStyled = new AtomicInteger();
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private ListView<String> list;
    private Stage stage;
    private int next;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        list = new ListView<>(rows);
        list.setCellFactory(view -> new ListCell<>() {
            private final Region mark = new Region() {
                @Override
                public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
                    rowsStyled.incrementAndGet();
                    return super.getCssMetaData();
                }
            };

            {
                mark.setStyle("-fx-background-color: transparent;"); // a style of its own: CSS passes visit it
                mark.setPrefSize(4, 4);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setGraphic(empty ? null : mark);
            }
        });
        stage.setScene(new Scene(new StackPane(list), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        runFx(stage::hide);
    }

    @Test
    void whileRowsLeaveAsFastAsTheyComeTheLayoutPassStylesNoShownRowAgainAndTheNewestRowIsWhollyInView() {
        atTheTail();
        ShownCells shown = onFx(() -> new ShownCells(list));
        runFx(shown::scrolledToTail); // the count it starts from

        // What JavaFX does without it (why it exists): the pass styles the shown rows again.
        int styledInPassAlone = onFx(() -> {
            moveTail(3, 3);
            return rowsStyledInLayoutPass();
        });
        assertTrue(styledInPassAlone > 0, "without laying out the cells, the pass styled shown rows again");

        for (int batch = 0; batch < 5; batch++) {
            int styledInPass = onFx(() -> {
                moveTail(3, 3);
                shown.scrolledToTail();
                return rowsStyledInLayoutPass();
            });
            assertEquals(0, styledInPass, "with the cells laid out, the pass styled no shown row again");
            assertTrue(onFx(() -> FxTesting.lastRowWhollyAtTheBottom(list)), "the newest row is in view, whole, at the bottom");
        }
    }

    @Test
    void whileTheListGrowsTheCellsAreLeftToTheLayoutPass() {
        atTheTail();
        ShownCells shown = onFx(() -> new ShownCells(list));
        runFx(shown::scrolledToTail);
        boolean leftForThePass = onFx(() -> {
            moveTail(3, 1);
            shown.scrolledToTail();
            return list.lookupAll(".list-cell").stream()
                    .anyMatch(cell -> cell.isVisible() && cell instanceof Parent row && row.isNeedsLayout());
        });
        assertTrue(leftForThePass, "the pass gives the cells other rows anyway: nothing laid out for nothing");
        runFx(() -> stage.getScene().getRoot().layout());
        assertTrue(onFx(() -> FxTesting.lastRowWhollyAtTheBottom(list)), "the newest row is in view, whole, at the bottom");
    }

    /** A hundred rows, the list scrolled to the last. */
    private void atTheTail() {
        runFx(() -> {
            rows.setAll(IntStream.range(0, 100).mapToObj(this::row).toList());
            next = 100;
        });
        awaitFx(() -> list.lookup(".list-cell") instanceof ListCell<?> cell && cell.getItem() != null, "the rows shown");
        // Twice, each followed by a layout: the first scroll goes by estimated row heights
        // (JavaFX measures rows as it meets them), the second by measured ones.
        for (int scroll = 0; scroll < 2; scroll++) {
            runFx(() -> {
                list.scrollTo(rows.size() - 1);
                stage.getScene().getRoot().layout();
            });
        }
        awaitFx(() -> FxTesting.lastRowWhollyAtTheBottom(list), "the list at its tail");
    }

    /** {@code in} rows in at the end, {@code out} out at the top, and the list follows, as a log does. */
    private void moveTail(int in, int out) {
        for (int i = 0; i < in; i++) {
            rows.add(row(next++));
        }
        rows.remove(0, out);
        list.scrollTo(rows.size() - 1);
    }

    /** The CSS passes over rows in the scene's layout pass, as each pulse's pass would run it. */
    private int rowsStyledInLayoutPass() {
        rowsStyled.set(0);
        stage.getScene().getRoot().layout();
        return rowsStyled.get();
    }

    private String row(int number) {
        return "row " + number;
    }
}
