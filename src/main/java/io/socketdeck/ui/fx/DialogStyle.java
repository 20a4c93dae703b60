package io.socketdeck.ui.fx;

import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A dialog looks like the window it belongs to: the same stylesheets and the same zoom (the
 * root's inline font size). Call after {@code initOwner}.
 */
public final class DialogStyle {

    private DialogStyle() {
    }

    public static void like(Dialog<?> dialog, Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        Parent root = owner.getScene().getRoot();
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().getStylesheets().addAll(root.getStylesheets());
        dialog.getDialogPane().setStyle(root.getStyle());
    }
}
