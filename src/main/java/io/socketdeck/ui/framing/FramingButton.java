package io.socketdeck.ui.framing;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A TCP tab's framing, shown by name ("Delimiter \r\n"); a click opens the dialog that changes
 * it. The tab's view model follows {@link #framingProperty()}.
 */
public final class FramingButton extends Button {

    private final ObjectProperty<Framing> framing = new SimpleObjectProperty<>(this, "framing", Framing.AsRead.INSTANCE);

    public FramingButton() {
        getStyleClass().add("framing-button");
        setGraphic(new FontIcon("fth-scissors"));
        setMinWidth(Region.USE_PREF_SIZE);
        textProperty().bind(Bindings.createStringBinding(() -> FramingNames.summary(framing.get()), framing));
        // A long delimiter is cut with an ellipsis on the button: the tooltip says it whole.
        textProperty().addListener((obs, old, now) -> Tips.setText(this, now + "\n" + I18n.text("framing.tooltip")));
        Tips.setText(this, getText() + "\n" + I18n.text("framing.tooltip"));
        setOnAction(event -> new FramingDialog(getScene().getWindow(), framing.get()).showAndWait()
                .ifPresent(framing::set));
    }

    /**
     * At most {@link #MAX_EMS} wide: the bar's rows take their least width from their items'
     * preferred widths, and a whole escaped delimiter (up to 256 bytes) would widen the tab past
     * the window, pushing Send out of it.
     */
    @Override
    protected double computePrefWidth(double height) {
        return Math.min(super.computePrefWidth(height), MAX_EMS * getFont().getSize());
    }

    private static final double MAX_EMS = 24;

    public ObjectProperty<Framing> framingProperty() {
        return framing;
    }
}
