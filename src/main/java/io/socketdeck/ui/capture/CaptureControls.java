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
     * The toggle is on while the capture opens or runs; a click then stops it (giving up an open
     * that waits, for a pipe without a reader, say). It is disabled while the files close.
     *
     * @param suggestedName the file name the dialog proposes
     * @param charset       the log's encoding now, for a timestamped-log capture's text
     */
    public static void bind(ToggleButton toggle, Label status, CaptureModel model, String suggestedName,
                            Supplier<Charset> charset) {
        status.textProperty().bind(model.statusProperty());
        // Not bound: a click flips the toggle; what it shows comes from the model afterwards.
        ViewListeners.onChange(toggle, model.stateProperty(), (obs, old, now) -> show(toggle, now));
        show(toggle, model.stateProperty().get());
        toggle.setOnAction(event -> {
            switch (model.stateProperty().get()) {
                case IDLE -> new CaptureDialog(toggle.getScene().getWindow(), suggestedName, charset.get())
                        .showAndWait().ifPresent(model::start);
                case STARTING, RUNNING -> model.stop();
                case STOPPING -> {
                }
            }
            show(toggle, model.stateProperty().get());
        });
    }

    private static void show(ToggleButton toggle, CaptureModel.State state) {
        toggle.setSelected(state == CaptureModel.State.STARTING || state == CaptureModel.State.RUNNING);
        toggle.setDisable(state == CaptureModel.State.STOPPING);
    }
}
