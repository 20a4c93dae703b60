package io.socketdeck.ui.fx;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * Shows a view model's validation message at its field: a red outline on the field, the text in
 * a label beside it and in the field's tooltip. The message disappears when it becomes null.
 */
public final class FieldErrorBinding {

    private FieldErrorBinding() {
    }

    public static void bind(ObservableStringValue error, Label messageLabel, Control... fields) {
        Runnable apply = () -> {
            String message = error.get();
            boolean show = message != null && !message.isBlank();
            messageLabel.setText(show ? message : "");
            messageLabel.setVisible(show);
            messageLabel.setManaged(show);
            for (Control field : fields) {
                field.pseudoClassStateChanged(Styles.STATE_DANGER, show);
                field.setTooltip(show ? new Tooltip(message) : null);
            }
        };
        error.addListener((obs, old, now) -> apply.run());
        apply.run();
    }
}
