package io.socketdeck.ui.fx;

import java.util.Collections;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

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
 * <p>Once per control, and only while it is empty: one that has rows makes its cells anyway.
 */
public final class CellPrimer<T> implements InvalidationListener {

    /** More rows than any viewport shows: the control makes cells for what it shows, not for all. */
    private static final int ROWS = 200;

    private final Control control;
    private final Supplier<ObservableList<T>> items;
    private final Consumer<ObservableList<T>> setItems;
    private final Runnable forgetSelectionAndFocus;
    private final T placeholder;
    private boolean scheduled;

    private CellPrimer(Control control, Supplier<ObservableList<T>> items, Consumer<ObservableList<T>> setItems,
                       Runnable forgetSelectionAndFocus, T placeholder) {
        this.control = control;
        this.items = items;
        this.setItems = setItems;
        this.forgetSelectionAndFocus = forgetSelectionAndFocus;
        this.placeholder = placeholder;
    }

    /** Primes {@code list} with {@code placeholder} rows once it is first laid out with a height. */
    public static <T> void prime(ListView<T> list, T placeholder) {
        watch(new CellPrimer<>(list, list::getItems, list::setItems, () -> {
            list.getSelectionModel().clearSelection();
            list.getFocusModel().focus(-1);
        }, placeholder));
    }

    /** Primes {@code table} with {@code placeholder} rows once it is first laid out with a height. */
    public static <T> void prime(TableView<T> table, T placeholder) {
        watch(new CellPrimer<>(table, table::getItems, table::setItems, () -> {
            table.getSelectionModel().clearSelection();
            table.getFocusModel().focus(-1);
        }, placeholder));
    }

    private static void watch(CellPrimer<?> primer) {
        primer.control.heightProperty().addListener(primer);
        primer.control.skinProperty().addListener(primer);
        primer.control.sceneProperty().addListener(primer);
    }

    @Override
    public void invalidated(Observable changed) {
        if (!scheduled && ready()) {
            scheduled = true;
            control.heightProperty().removeListener(this);
            control.skinProperty().removeListener(this);
            control.sceneProperty().removeListener(this);
            // Neither in the frame that first shows the control (often the window's first, already
            // the longest: its CSS and layout run in the pulse after) nor inside the layout or CSS
            // pass that got the control here: after the pulse after that frame.
            Scene scene = control.getScene();
            scene.addPostLayoutPulseListener(new Runnable() {
                private int pulses;

                @Override
                public void run() {
                    if (++pulses < 2) {
                        Platform.requestNextPulse(); // an idle window may have no next pulse of its own
                        return;
                    }
                    scene.removePostLayoutPulseListener(this); // a copy-on-write list: safe while it runs
                    Platform.runLater(CellPrimer.this::makeCells);
                }
            });
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
        // A modifiable list: a table sorts what it is given.
        setItems.accept(FXCollections.observableArrayList(Collections.nCopies(ROWS, placeholder)));
        try {
            control.applyCss();
            control.layout();
        } finally {
            setItems.accept(own);
            forgetSelectionAndFocus.run();
            control.layout();
        }
    }
}
