package io.socketdeck.ui.fx;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A split pane that keeps each side at least its minimum size, measured at the width (or height)
 * it really has: a side whose rows wrap needs more height when narrow, which the plain split pane
 * does not ask about, so a short window squeezed the send box under its options. Before each
 * layout the dividers move just enough for every side to fit, when the whole can; otherwise the
 * later sides (the send box) keep theirs first. The user's divider position stands whenever it
 * leaves every side its minimum.
 */
public class FittingSplitPane extends SplitPane {

    /** Room for a divider's own width and rounding. */
    private static final double DIVIDER = 6;

    public FittingSplitPane() {
        getStyleClass().add("fitting-split-pane");
    }

    @Override
    protected void layoutChildren() {
        keepMinimums();
        super.layoutChildren();
    }

    /** The sides' minimums at the size they have, not at none: a side whose rows wrap needs more when narrow. */
    @Override
    protected double computeMinHeight(double width) {
        double across = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
        double total = 0;
        for (Node item : getItems()) {
            double min = item.minHeight(getOrientation() == Orientation.VERTICAL ? positive(across) : itemWidth(item));
            total = getOrientation() == Orientation.VERTICAL ? total + min : Math.max(total, min);
        }
        if (getOrientation() == Orientation.VERTICAL) {
            total += DIVIDER * Math.max(0, getItems().size() - 1);
        }
        return snappedTopInset() + total + snappedBottomInset();
    }

    private static double positive(double size) {
        return size > 0 ? size : -1;
    }

    private static double itemWidth(Node item) {
        return positive(item.getLayoutBounds().getWidth());
    }

    private void keepMinimums() {
        List<Node> items = getItems();
        int count = items.size();
        boolean vertical = getOrientation() == Orientation.VERTICAL;
        double length = vertical ? getHeight() - snappedTopInset() - snappedBottomInset()
                : getWidth() - snappedLeftInset() - snappedRightInset();
        double across = vertical ? getWidth() - snappedLeftInset() - snappedRightInset()
                : getHeight() - snappedTopInset() - snappedBottomInset();
        if (count < 2 || length <= 0 || across <= 0) {
            return;
        }
        double[] mins = new double[count];
        for (int i = 0; i < count; i++) {
            Node item = items.get(i);
            mins[i] = vertical ? item.minHeight(across) : item.minWidth(across);
        }
        double[] positions = getDividerPositions();
        for (int i = positions.length - 1; i >= 0; i--) { // from the end: the last sides keep theirs first
            double after = DIVIDER / 2;
            for (int k = i + 1; k < count; k++) {
                after += mins[k] + (k < count - 1 ? DIVIDER : 0);
            }
            double before = DIVIDER / 2;
            for (int k = 0; k <= i; k++) {
                before += mins[k] + (k > 0 ? DIVIDER : 0);
            }
            double at = positions[i] * length;
            double fixed = Math.max(before, Math.min(at, length - after));
            fixed = Math.min(fixed, length - after); // when both cannot fit, the later side wins
            if (Math.abs(fixed - at) > 0.5) {
                setDividerPosition(i, Math.max(0, Math.min(1, fixed / length)));
            }
        }
    }
}
