package io.socketdeck.ui.session;

import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The send box every tab shows: multi-line input, "send as hex", Send (also Ctrl+Enter), and the
 * reason a send could not happen, right under the input.
 */
public final class SendPane extends VBox {

    @FXML private TextArea input;
    @FXML private CheckBox hexSend;
    @FXML private Button send;
    @FXML private Label error;

    private String idPrefix = "";

    public SendPane() {
        Fxml.loadComponent(this);
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    /** Gives the controls their automation ids: prefix + Input, HexSend, Send, SendError. */
    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        input.setId(prefix + "Input");
        hexSend.setId(prefix + "HexSend");
        send.setId(prefix + "Send");
        error.setId(prefix + "SendError");
    }

    public void bind(SendModel model, Runnable onSend) {
        input.textProperty().bindBidirectional(model.textProperty());
        hexSend.selectedProperty().bindBidirectional(model.hexProperty());
        send.setOnAction(event -> onSend.run());
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                onSend.run();
            }
        });
        FieldErrorBinding.bind(model.errorProperty(), error, input);
    }
}
