package io.socketdeck.ui.quick;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.Payloads;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PayloadErrors;
import io.socketdeck.ui.common.SendOptionChoices;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.FormGrid;
import java.nio.charset.Charset;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Adds or edits a quick command. OK builds the bytes first: a command that could not be sent
 * (bad hex, a character the encoding lacks) is refused with the reason, in the dialog.
 */
final class QuickCommandDialog extends Dialog<QuickCommand> {

    private final TextField name = new TextField();
    private final TextArea payload = new TextArea();
    private final CheckBox hex = new CheckBox(I18n.text("send.hex"));
    private final CheckBox escapes = new CheckBox(I18n.text("send.escapes"));
    private final ComboBox<Charset> encoding = new ComboBox<>();
    private final ComboBox<LineEnding> lineEnding = SendOptionChoices.lineEndings();
    private final ComboBox<Checksum> checksum = SendOptionChoices.checksums();
    private final Label problem = new Label();

    QuickCommandDialog(Window owner, QuickCommand initial) {
        initOwner(owner);
        setTitle(I18n.text(initial == null ? "quick.add.title" : "quick.edit.title"));
        name.setId("quickName");
        payload.setId("quickPayload");
        hex.setId("quickHex");
        escapes.setId("quickEscapes");
        encoding.setId("quickEncoding");
        lineEnding.setId("quickLineEnding");
        checksum.setId("quickChecksum");
        problem.setId("quickProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        payload.setPrefRowCount(3);
        payload.setPrefColumnCount(28);
        payload.setWrapText(true);
        encoding.getItems().setAll(SupportedCharsets.all());
        encoding.setConverter(SendOptionChoices.charsetNames());

        QuickCommand start = initial != null ? initial : QuickCommand.text("", "");
        name.setText(start.name());
        payload.setText(start.payload());
        hex.setSelected(start.hex());
        escapes.setSelected(start.escapes());
        encoding.setValue(SupportedCharsets.byName(start.charsetName()));
        lineEnding.setValue(start.lineEnding());
        checksum.setValue(start.checksum());

        payload.getStyleClass().add("send-input"); // fixed-width, as in the send box
        FormGrid grid = new FormGrid()
                .row(I18n.text("quick.name"), name)
                .row(I18n.text("quick.payload"), payload)
                .row(I18n.text("log.encoding"), encoding)
                .row(null, new HBox(16, hex, escapes))
                .row(I18n.text("send.lineEnding"), lineEnding)
                .row(I18n.text("send.checksum"), checksum)
                .wide(problem);
        grid.setPrefWidth(Region.USE_COMPUTED_SIZE);
        getDialogPane().setContent(grid);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        setResizable(true);
        DialogStyle.like(this, owner);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            Optional<String> error = check();
            error.ifPresent(message -> {
                problem.setText(message);
                event.consume();
            });
        });
        setResultConverter(button -> button == ButtonType.OK ? command() : null);
    }

    private QuickCommand command() {
        return new QuickCommand(name.getText().strip(), payload.getText(), hex.isSelected(), encoding.getValue().name(),
                escapes.isSelected(), lineEnding.getValue(), checksum.getValue());
    }

    private Optional<String> check() {
        if (name.getText().isBlank()) {
            return Optional.of(I18n.text("quick.error.name"));
        }
        try {
            if (Payloads.build(payload.getText(), command().options()).length == 0) {
                return Optional.of(I18n.text("send.error.empty"));
            }
            return Optional.empty();
        } catch (PayloadException e) {
            return Optional.of(PayloadErrors.describe(e));
        }
    }
}
