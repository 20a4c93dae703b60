package io.socketdeck.ui.fx;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;

/**
 * A label of a bar whose text can grow without bound (the UDP tab's groups joined): at most
 * {@link #maxEmsProperty() maxEms} wide, the rest cut with an ellipsis and said whole in its
 * tooltip. A bar's rows take their least width from their items' preferred widths, so an uncapped
 * text would widen the whole tab past the window and push its buttons out of it.
 */
public class CappedLabel extends Label {

    private final DoubleProperty maxEms = new SimpleDoubleProperty(this, "maxEms", 30);

    public CappedLabel() {
        setMinWidth(0);
        textProperty().addListener((obs, old, now) -> Tips.setText(this, now == null || now.isEmpty() ? null : now));
        maxEms.addListener((obs, old, now) -> requestLayout());
    }

    /** The most it is wide, in ems of its font. */
    public final DoubleProperty maxEmsProperty() {
        return maxEms;
    }

    public final double getMaxEms() {
        return maxEms.get();
    }

    public final void setMaxEms(double ems) {
        maxEms.set(ems);
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.min(super.computePrefWidth(height), maxEms.get() * getFont().getSize());
    }
}
