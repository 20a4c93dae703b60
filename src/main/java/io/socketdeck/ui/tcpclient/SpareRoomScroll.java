package io.socketdeck.ui.tcpclient;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A scroll pane in a bar (a {@link VBox} at the top of a {@link BorderPane}) that is at most as
 * tall as the rest of the bar and the centre's minimum leave free: on a short window it scrolls
 * rather than squeeze the log and the send box. Measured at each layout, as the rows above wrap.
 */
public final class SpareRoomScroll extends ScrollPane {

    @Override
    protected double computeMaxHeight(double width) {
        Parent bar = getParent();
        if (!(bar instanceof VBox rows) || !(bar.getParent() instanceof BorderPane view)
                || !(view.getCenter() instanceof Region center) || view.getHeight() <= 0) {
            return Double.MAX_VALUE;
        }
        double across = view.getWidth() - view.snappedLeftInset() - view.snappedRightInset();
        // The other rows one by one: the bar's own height depends on this one's.
        double taken = rows.snappedTopInset() + rows.snappedBottomInset() + center.minHeight(across);
        for (Node row : rows.getChildren()) {
            if (row != this && row.isManaged()) {
                taken += row.prefHeight(across) + rows.getSpacing();
            }
        }
        return Math.max(0, view.getHeight() - view.snappedTopInset() - view.snappedBottomInset() - taken);
    }
}
