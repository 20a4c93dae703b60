package io.socketdeck.ui.fx;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * A strip of messages under a row of fields, each starting below the left edge of the field it is
 * about (its anchor, see {@link #setAnchor}), one message a line, wrapped in the width left from
 * there. So the port's error sits under Port, whatever the row above did (wrapped on a narrow
 * window, grown with the zoom), and no message pushes a field aside. Only shown (managed)
 * messages take room: with none, the strip is empty and takes no height.
 */
public final class FieldMessageLane extends Pane {

    private static final String ANCHOR = FieldMessageLane.class.getName() + ".anchor";
    /** A message left narrower than this starts further left rather than wrap word by word. */
    private static final double MIN_MESSAGE_WIDTH = 260;

    private final Set<Node> watched = Collections.newSetFromMap(new IdentityHashMap<>());

    public FieldMessageLane() {
        getStyleClass().add("field-message-lane");
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                for (Node added : change.getAddedSubList()) {
                    if (added instanceof Label label) {
                        label.setWrapText(true);
                    }
                }
            }
        });
    }

    /** Puts {@code message} under {@code field} when its parent is a lane; otherwise does nothing. */
    public static void setAnchor(Node message, Node field) {
        message.getProperties().put(ANCHOR, field);
        if (message.getParent() instanceof FieldMessageLane lane) {
            lane.requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double width = getWidth() - insets.getLeft() - insets.getRight();
        double y = insets.getTop();
        for (Node message : getManagedChildren()) {
            double[] slot = slot(message, width);
            double h = message.prefHeight(slot[1]);
            message.resizeRelocate(insets.getLeft() + slot[0], y, slot[1], h);
            y += h;
        }
    }

    /** Where {@code message} goes across: {x, width}. */
    private double[] slot(Node message, double width) {
        double want = Math.min(message.prefWidth(-1), width);
        double x = Math.max(0, Math.min(anchorX(message), width));
        if (width - x < Math.min(want, MIN_MESSAGE_WIDTH)) {
            x = Math.max(0, width - Math.min(want, MIN_MESSAGE_WIDTH));
        }
        return new double[] {x, Math.max(0, Math.min(want, width - x))};
    }

    /** The anchor's left edge in this lane's content coordinates; 0 without one. */
    private double anchorX(Node message) {
        if (!(message.getProperties().get(ANCHOR) instanceof Node anchor) || anchor.getScene() != getScene()
                || getScene() == null) {
            return 0;
        }
        if (watched.add(anchor)) {
            // The row above wrapped or was zoomed: follow the field.
            anchor.localToSceneTransformProperty().addListener(observable -> requestLayout());
        }
        Bounds bounds = anchor.localToScene(anchor.getLayoutBounds());
        Point2D here = sceneToLocal(bounds.getMinX(), bounds.getMinY());
        return here.getX() - getInsets().getLeft();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets insets = getInsets();
        double inner = (width < 0 ? getWidth() : width) - insets.getLeft() - insets.getRight();
        double height = insets.getTop() + insets.getBottom();
        for (Node message : getManagedChildren()) {
            height += message.prefHeight(slot(message, inner)[1]);
        }
        return height;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // takes the row's width; never widens it
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }
}
