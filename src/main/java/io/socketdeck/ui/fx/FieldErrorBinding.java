package io.socketdeck.ui.fx;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/**
 * Shows a view model's validation message at its field: a red outline on the field, the text in
 * a label beside it (under it, in a {@link FieldMessageLane}) and as the field's tip ({@link Tips}). When the
 * message goes, the field's own tip (its help text, if it has one) comes back.
 */
public final class FieldErrorBinding {

    private FieldErrorBinding() {
    }

    public static void bind(ObservableStringValue error, Label messageLabel, Control... fields) {
        if (fields.length > 0) {
            FieldMessageLane.setAnchor(messageLabel, fields[0]); // in a lane, the message sits under its field
        }
        String[] help = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            help[i] = Tips.getText(fields[i]); // the help the view gave it, kept for when the error clears
        }
        Runnable apply = () -> {
            String message = error.get();
            boolean show = message != null && !message.isBlank();
            messageLabel.setText(show ? message : "");
            messageLabel.setVisible(show);
            messageLabel.setManaged(show);
            for (int i = 0; i < fields.length; i++) {
                fields[i].pseudoClassStateChanged(Styles.STATE_DANGER, show);
                Tips.setText(fields[i], show ? message : help[i]);
            }
        };
        ViewListeners.onChange(messageLabel, error, (obs, old, now) -> apply.run());
        apply.run();
    }
}
