package io.socketdeck.ui.fx;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * Shows a view model's validation message at its field: a red outline on the field, the text in
 * a label beside it (under it, in a {@link FieldMessageLane}) and in the field's tooltip. When the message goes, the field's own tooltip
 * (its help text, if it has one) comes back.
 */
public final class FieldErrorBinding {

    private FieldErrorBinding() {
    }

    public static void bind(ObservableStringValue error, Label messageLabel, Control... fields) {
        if (fields.length > 0) {
            FieldMessageLane.setAnchor(messageLabel, fields[0]); // in a lane, the message sits under its field
        }
        List<Tooltip> help = new ArrayList<>(fields.length);
        for (Control field : fields) {
            help.add(field.getTooltip()); // the help the view gave it, kept for when the error clears
        }
        Runnable apply = () -> {
            String message = error.get();
            boolean show = message != null && !message.isBlank();
            messageLabel.setText(show ? message : "");
            messageLabel.setVisible(show);
            messageLabel.setManaged(show);
            for (int i = 0; i < fields.length; i++) {
                fields[i].pseudoClassStateChanged(Styles.STATE_DANGER, show);
                fields[i].setTooltip(show ? new Tooltip(message) : help.get(i));
            }
        };
        ViewListeners.onChange(messageLabel, error, (obs, old, now) -> apply.run());
        apply.run();
    }
}
