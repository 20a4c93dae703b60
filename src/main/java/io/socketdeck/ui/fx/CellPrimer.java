package io.socketdeck.ui.fx;

import java.util.Collections;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.FocusModel;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionModel;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * Makes a list's or a table's cells before its first rows arrive. A list makes a cell for each
 * row of its viewport, each styled and skinned, in the pulse its first rows arrive; for a log, that
 * is the first pulse of a flood, and for the server's client table the first pulse of a storm of
 * connects, when the FX thread is needed most (bench groups ui and server: the longest pulses of
 * the first flood and storm). Here, once the empty control is laid out in a window with a height,
 * it is given a viewport's worth of a placeholder row, styled and laid out, then its own rows
 * back, all in one FX runnable after the frame that first showed it: no pulse runs in between, so
 * nothing of it is drawn, and its selection and focus are those of an empty control again. The
 * cells stay with it: a list or table uses the cells it no longer shows for the next rows it gets.
 *
 * <p>Once per control, and only while it is empty: one that has rows makes its cells anyway. A
 * control laid out in a scene that is not in a window (a view built off the FX thread) is primed
 * by whoever laid it out, right after that pass ({@link #primeLaidOut}): no frame to keep short.
 */
public final class CellPrimer<T> implements InvalidationListener {

    /** More rows than any viewport shows: the control makes cells for what it shows, not for all. */
    private static final int ROWS = 200;

    /** The key under which a control laid out in a scene not in a window keeps its primer. */
    private static final String LAID_OUT = "socketdeck.cellPrimer";

    private final Control control;
    private final ObjectProperty<ObservableList<T>> items;
    private final ObservableValue<? extends SelectionModel<T>> selection;
    private final ObservableValue<? extends FocusModel<T>> focus;
    private final T placeholder;

    private CellPrimer(Control control, ObjectProperty<ObservableList<T>> items,
                       ObservableValue<? extends SelectionModel<T>> selection,
                       ObservableValue<? extends FocusModel<T>> focus, T placeholder) {
        this.control = control;
        this.items = items;
        this.selection = selection;
        this.focus = focus;
        this.placeholder = placeholder;
    }

    /** Primes {@code list} with {@code placeholder} rows once it is first laid out with a height. */
    public static <T> void prime(ListView<T> list, T placeholder) {
        new CellPrimer<>(list, list.itemsProperty(), list.selectionModelProperty(), list.focusModelProperty(),
                placeholder).watch();
    }

    /** Primes {@code table} with {@code placeholder} rows once it is first laid out with a height. */
    public static <T> void prime(TableView<T> table, T placeholder) {
        new CellPrimer<>(table, table.itemsProperty(), table.selectionModelProperty(), table.focusModelProperty(),
                placeholder).watch();
    }

    private void watch() {
        control.heightProperty().addListener(this);
        control.skinProperty().addListener(this);
        control.sceneProperty().addListener(this);
    }

    @Override
    public void invalidated(Observable changed) {
        if (ready()) {
            // Once: no listener left to call this again.
            control.heightProperty().removeListener(this);
            control.skinProperty().removeListener(this);
            control.sceneProperty().removeListener(this);
            Scene scene = control.getScene();
            if (scene.getWindow() == null) {
                // A scene that never shows (a view built off the FX thread): no frame to keep
                // short; whoever laid it out primes it after the pass (primeLaidOut).
                control.getProperties().put(LAID_OUT, this);
                return;
            }
            // Neither in the frame that first shows the control (often the window's first, already
            // the longest) nor in the pulse after it (which carries that frame's CSS and layout),
            // nor inside the layout or CSS pass that got the control here.
            AfterFrames.schedule(scene, 2, this::makeCells);
        }
    }

    /**
     * Primes the lists and tables under {@code root} that were laid out in a scene that is not in
     * a window, e.g. a view built off the FX thread: call after that layout pass, on its thread.
     */
    public static void primeLaidOut(Node root) {
        Object primer = root.getProperties().remove(LAID_OUT);
        if (primer instanceof CellPrimer<?> waiting) {
            waiting.makeCells();
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                primeLaidOut(child);
            }
        }
    }

    private boolean ready() {
        return control.getHeight() > 0 && control.getSkin() != null && control.getScene() != null;
    }

    private void makeCells() {
        ObservableList<T> own = items.get();
        if (!ready() || own == null || !own.isEmpty()) {
            return;
        }
        // A table forgets its sort when given other items: its header's choice is put back after.
        Runnable restoreSort = control instanceof TableView<?> table ? keepSort(table) : () -> { };
        // A modifiable list: a table sorts what it is given.
        items.set(FXCollections.observableArrayList(Collections.nCopies(ROWS, placeholder)));
        try {
            control.applyCss();
            control.layout();
        } finally {
            items.set(own);
            restoreSort.run();
            selection.getValue().clearSelection();
            focus.getValue().focus(-1);
            control.layout();
        }
    }

    /**
     * Holds {@code table}'s sort while it is primed: its policy (which may sort a model's rows)
     * does nothing meanwhile; the returned action puts the sort columns and the policy back.
     */
    private static <S> Runnable keepSort(TableView<S> table) {
        List<TableColumn<S, ?>> columns = List.copyOf(table.getSortOrder());
        Callback<TableView<S>, Boolean> policy = table.getSortPolicy();
        table.setSortPolicy(t -> true);
        return () -> {
            table.getSortOrder().setAll(columns);
            table.setSortPolicy(policy);
        };
    }
}
