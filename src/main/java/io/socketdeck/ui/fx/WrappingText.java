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

    public WrappingText() {
        getStyleClass().add("wrapping-text");
        text.getStyleClass().add("text");
        getChildren().add(text);
    }

    public void setText(String value) {
        text.setText(value);
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

    @Override
    protected double computePrefHeight(double width) {
        double available = width < 0 ? getWidth() : width;
        double wrap = Math.max(1, available - snappedLeftInset() - snappedRightInset());
        if (text.getWrappingWidth() != wrap) {
            text.setWrappingWidth(wrap);
        }
        return snappedTopInset() + text.getLayoutBounds().getHeight() + snappedBottomInset();
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
        double wrap = Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset());
        if (text.getWrappingWidth() != wrap) {
            text.setWrappingWidth(wrap);
        }
        text.relocate(snappedLeftInset(), snappedTopInset());
    }
}
