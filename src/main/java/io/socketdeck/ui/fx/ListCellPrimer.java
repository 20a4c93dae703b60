package io.socketdeck.ui.fx;

import java.util.Collections;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;

/**
 * Makes a list's cells before its first rows arrive. A list makes a cell for each row of its
 * viewport, each styled and skinned, in the pulse its first rows arrive; for a log, that is the
 * first pulse of a flood, when the FX thread is needed most (bench group ui: the longest pulse of
 * a flood). Here, once the empty list is laid out in a window with a height, it is given a
 * viewport's worth of a placeholder row, styled and laid out, then its own rows back, all in one
 * FX runnable after the frame that first showed it: no pulse runs in between, so nothing of it is drawn, and the list's selection and
 * focus are those of an empty list again. The cells stay with the list, which uses the cells it
 * no longer shows for the next rows it gets.
 *
 * <p>Once per list, and only while it is empty: a list that has rows makes its cells anyway.
 */
public final class ListCellPrimer<T> implements InvalidationListener {

    /** More rows than any viewport shows: the list makes cells for what it shows, not for all. */
    private static final int ROWS = 200;

    private final ListView<T> list;
    private final T placeholder;
    private boolean scheduled;

    private ListCellPrimer(ListView<T> list, T placeholder) {
        this.list = list;
        this.placeholder = placeholder;
    }

    /** Primes {@code list} with {@code placeholder} rows once it is first laid out with a height. */
    public static <T> void prime(ListView<T> list, T placeholder) {
        ListCellPrimer<T> primer = new ListCellPrimer<>(list, placeholder);
        list.heightProperty().addListener(primer);
        list.skinProperty().addListener(primer);
        list.sceneProperty().addListener(primer);
    }

    @Override
    public void invalidated(Observable changed) {
        if (!scheduled && ready()) {
            scheduled = true;
            list.heightProperty().removeListener(this);
            list.skinProperty().removeListener(this);
            list.sceneProperty().removeListener(this);
            // Neither in the frame that first shows the list (often the window's first, already
            // the longest: its CSS and layout run in the pulse after) nor inside the layout or CSS
            // pass that got the list here: after the pulse after that frame.
            Scene scene = list.getScene();
            scene.addPostLayoutPulseListener(new Runnable() {
                private int pulses;

                @Override
                public void run() {
                    if (++pulses < 2) {
                        Platform.requestNextPulse(); // an idle window may have no next pulse of its own
                        return;
                    }
                    scene.removePostLayoutPulseListener(this); // a copy-on-write list: safe while it runs
                    Platform.runLater(ListCellPrimer.this::makeCells);
                }
            });
        }
    }

    private boolean ready() {
        return list.getHeight() > 0 && list.getSkin() != null && list.getScene() != null;
    }

    private void makeCells() {
        ObservableList<T> own = list.getItems();
        if (!ready() || own == null || !own.isEmpty()) {
            return;
        }
        list.setItems(FXCollections.observableList(Collections.nCopies(ROWS, placeholder)));
        try {
            list.applyCss();
            list.layout();
        } finally {
            list.setItems(own);
            list.getSelectionModel().clearSelection();
            list.getFocusModel().focus(-1);
            list.layout();
        }
    }
}
