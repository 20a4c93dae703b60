package io.socketdeck.ui.fx;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Wrapped text that lays itself out once per change. A wrapping {@code Label} measures its text
 * twice (once more to decide on an ellipsis); in a log that redraws rows on every pulse of a
 * flood, that second pass is the biggest cost on the FX thread.
 */
public final class WrappingText extends Region {

    private final Text text = new Text();
    private boolean wrap = true;

    public WrappingText() {
        getStyleClass().add("wrapping-text");
        // Unwrapped lines longer than the row are cut at its edge, not drawn over the next column.
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        text.getStyleClass().add("text");
        getChildren().add(text);
    }

    public void setText(String value) {
        text.setText(value);
    }

    /** Off: each line stays one line, cut at the edge, so a log of long lines stays dense. */
    public void setWrap(boolean on) {
        if (wrap != on) {
            wrap = on;
            if (!on) {
                text.setWrappingWidth(0);
            }
            requestLayout();
        }
    }

    public String getText() {
        return text.getText();
    }

    public Text textNode() {
        return text;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /**
     * The text's height wrapped at {@code width}. Given no room (a box that measures its children
     * at their preferred widths gives this one nothing, see {@link #computePrefWidth}), it keeps
     * the wrap it has, none before its first layout: wrapped at one pixel, a row measured
     * thousands of pixels, and a list that believed it made a cell for every line of it.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (wrap) {
            double available = width < 0 ? getWidth() : width;
            if (hasRoomAt(available)) {
                wrapAt(available);
            }
        }
        return snappedTopInset() + text.getLayoutBounds().getHeight() + snappedBottomInset();
    }

    /** True when {@code width} leaves the text at least a pixel inside the insets. */
    private boolean hasRoomAt(double width) {
        return width - snappedLeftInset() - snappedRightInset() >= 1;
    }

    private void wrapAt(double width) {
        double wrapWidth = width - snappedLeftInset() - snappedRightInset();
        if (text.getWrappingWidth() != wrapWidth) {
            text.setWrappingWidth(wrapWidth);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // takes whatever width its row leaves; never widens the row
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (wrap && hasRoomAt(getWidth())) {
            wrapAt(getWidth()); // with no room, nothing shows: the wrap stays as it was
        }
        text.relocate(snappedLeftInset(), snappedTopInset());
    }
}
