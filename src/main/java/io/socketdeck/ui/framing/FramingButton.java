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
        Tips.setText(this, I18n.text("framing.tooltip"));
        textProperty().bind(Bindings.createStringBinding(() -> FramingNames.summary(framing.get()), framing));
        setOnAction(event -> new FramingDialog(getScene().getWindow(), framing.get()).showAndWait()
                .ifPresent(framing::set));
    }

    public ObjectProperty<Framing> framingProperty() {
        return framing;
    }
}
