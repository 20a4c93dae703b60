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
import javafx.scene.layout.GridPane;
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
        problem.setId("quickProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        payload.setPrefRowCount(3);
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

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(I18n.text("quick.name")), name);
        grid.addRow(1, new Label(I18n.text("quick.payload")), payload);
        grid.addRow(2, new Label(I18n.text("log.encoding")), encoding);
        grid.add(new javafx.scene.layout.HBox(16, hex, escapes), 1, 3);
        grid.addRow(4, new Label(I18n.text("send.lineEnding")), lineEnding);
        grid.addRow(5, new Label(I18n.text("send.checksum")), checksum);
        grid.add(problem, 0, 6, 2, 1);
        getDialogPane().setContent(grid);
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
