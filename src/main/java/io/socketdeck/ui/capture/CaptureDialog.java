package io.socketdeck.ui.capture;

import io.socketdeck.core.capture.CaptureFormat;
import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.FormGrid;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where and how to capture: file, raw or timestamped log, sent bytes too, roll-over size. */
final class CaptureDialog extends Dialog<CaptureOptions> {

    private final TextField file = new TextField();
    private final RadioButton raw = new RadioButton(I18n.text("capture.raw"));
    private final RadioButton logFormat = new RadioButton(I18n.text("capture.log"));
    private final CheckBox includeSent = new CheckBox(I18n.text("capture.includeSent"));
    private final TextField rollMegabytes = new TextField();
    private final Label problem = new Label();

    CaptureDialog(Window owner, String suggestedName, Charset charset) {
        initOwner(owner);
        setTitle(I18n.text("capture.title"));
        file.setId("captureFile");
        rollMegabytes.setId("captureRoll");
        raw.setId("captureFormatRaw");
        logFormat.setId("captureFormatLog");
        includeSent.setId("captureIncludeSent");
        problem.setId("captureProblem");
        file.setPrefColumnCount(32);
        file.setText(Path.of(System.getProperty("user.home"), suggestedName).toString());
        rollMegabytes.setPrefColumnCount(6);
        rollMegabytes.setPromptText(I18n.text("capture.roll.none"));
        problem.getStyleClass().add("field-error");
        ToggleGroup formats = new ToggleGroup();
        raw.setToggleGroup(formats);
        logFormat.setToggleGroup(formats);
        raw.setSelected(true);
        Button browse = new Button(I18n.text("capture.browse"));
        browse.setId("captureBrowse");
        browse.setOnAction(event -> browse());
        HBox.setHgrow(file, Priority.ALWAYS);

        FormGrid grid = new FormGrid()
                .row(I18n.text("capture.file"), new HBox(6, file, browse))
                .row(I18n.text("capture.format"), new VBox(4, raw, logFormat))
                .row(null, includeSent)
                .row(I18n.text("capture.roll"), new HBox(6, rollMegabytes, new Label(I18n.text("capture.roll.unit"))))
                .wide(problem);
        getDialogPane().setContent(grid);
        getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setResizable(true);
        DialogStyle.like(this, owner);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            String wrong = file.getText().isBlank() ? "capture.error.noFile"
                    : typedFile() == null ? "capture.error.badFile"
                    : rollBytes() < 0 ? "capture.error.roll" : null;
            if (wrong != null) {
                problem.setText(I18n.text(wrong));
                event.consume();
            }
        });
        setResultConverter(button -> button != ButtonType.OK ? null
                : new CaptureOptions(typedFile(), raw.isSelected() ? CaptureFormat.RAW : CaptureFormat.LOG,
                        includeSent.isSelected(), rollBytes(), charset, false));
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("capture.title"));
        File chosen = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            file.setText(chosen.getPath());
        }
    }

    /**
     * The file typed, or null when this system cannot name a file so (a character its file names
     * do not allow: {@code *} on Windows, a character the file system's encoding cannot write).
     */
    private Path typedFile() {
        try {
            return Path.of(file.getText().strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** 0 for no roll-over, -1 when the field is not a number of megabytes. */
    private long rollBytes() {
        String text = rollMegabytes.getText() == null ? "" : rollMegabytes.getText().strip();
        if (text.isEmpty()) {
            return 0;
        }
        long megabytes = Numbers.parse(text, 1, 1_000_000);
        return megabytes < 0 ? -1 : megabytes * 1_000_000;
    }
}
