package io.socketdeck.ui.capture;

import io.socketdeck.ui.fx.ViewListeners;
import java.nio.charset.Charset;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;

/** Wires a log pane's capture toggle and status label to a tab's {@link CaptureModel}. */
public final class CaptureControls {

    private CaptureControls() {
    }

    /**
     * @param suggestedName the file name the dialog proposes
     * @param charset       the log's encoding now, for a timestamped-log capture's text
     */
    public static void bind(ToggleButton toggle, Label status, CaptureModel model, String suggestedName,
                            Supplier<Charset> charset) {
        status.textProperty().bind(model.statusProperty());
        // Not bound: a click flips the toggle; what it shows comes from the model afterwards.
        ViewListeners.onChange(toggle, model.runningProperty(), (obs, old, now) -> toggle.setSelected(now));
        toggle.setOnAction(event -> {
            if (model.runningProperty().get()) {
                model.stop();
            } else {
                new CaptureDialog(toggle.getScene().getWindow(), suggestedName, charset.get())
                        .showAndWait().ifPresent(model::start);
            }
            toggle.setSelected(model.runningProperty().get());
        });
    }
}
