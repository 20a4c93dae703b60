package io.socketdeck.ui.tls;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogStyle;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the password of a PKCS#12 file or an encrypted PEM key, when it is needed. The answer
 * is kept in memory by the caller only: passwords never go into the settings.
 */
public final class PasswordPrompt extends Dialog<char[]> {

    private final PasswordField password = new PasswordField();

    /**
     * @param file       the file the password opens, named in the question
     * @param wrongBefore true when the last password given was wrong: the dialog says so
     */
    public PasswordPrompt(Window owner, String file, boolean wrongBefore) {
        initOwner(owner);
        DialogStyle.like(this, owner);
        setTitle(I18n.text("tls.password.title"));
        setHeaderText(I18n.format(wrongBefore ? "tls.password.wrong" : "tls.password.header", file));
        password.setId("tlsPassword");
        password.setPromptText(I18n.text("tls.password.prompt"));
        Label label = new Label(I18n.text("tls.password.label"));
        label.setLabelFor(password);
        VBox content = new VBox(6, label, password);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? password.getText().toCharArray() : null);
        setOnShown(event -> Platform.runLater(password::requestFocus));
    }

    /** Shows the prompt and waits; empty when cancelled. */
    public static Optional<char[]> ask(Window owner, String file, boolean wrongBefore) {
        return new PasswordPrompt(owner, file, wrongBefore).showAndWait();
    }
}
