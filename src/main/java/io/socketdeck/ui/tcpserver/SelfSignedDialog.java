package io.socketdeck.ui.tcpserver;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogFields;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.FileJobs;
import io.socketdeck.ui.fx.FormGrid;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks for the names, the format and where to save a self-signed certificate, then makes it
 * (see {@link SelfSignedModel}) on the tab's file worker; the dialog stays open while a field is
 * wrong, its message under it, and closes with what was made once the files are written.
 */
final class SelfSignedDialog extends Dialog<SelfSignedModel.Generated> {

    private final SelfSignedModel model;

    /** @param worker where the files are made and written: the tab's, never the FX thread */
    SelfSignedDialog(Window owner, SelfSignedModel model, FileJobs.Slot worker) {
        this.model = model;
        initOwner(owner);
        setTitle(I18n.text("server.tls.generate.title"));
        setHeaderText(I18n.text("server.tls.generate.header"));

        TextField names = DialogFields.textField("serverTlsGenNames", 28);
        names.textProperty().bindBidirectional(model.namesProperty());
        ToggleGroup formats = new ToggleGroup();
        RadioButton pkcs12 = radio("serverTlsGenPkcs12", "server.tls.generate.pkcs12", formats);
        RadioButton pem = radio("serverTlsGenPem", "server.tls.generate.pem", formats);
        (model.formatProperty().get() == SelfSignedModel.Format.PEM ? pem : pkcs12).setSelected(true);
        formats.selectedToggleProperty().addListener((obs, old, now) -> model.formatProperty().set(
                now == pem ? SelfSignedModel.Format.PEM : SelfSignedModel.Format.PKCS12));
        BooleanBinding isPkcs12 = Bindings.equal(model.formatProperty(), SelfSignedModel.Format.PKCS12);

        PasswordField password = new PasswordField();
        password.setId("serverTlsGenPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField again = new PasswordField();
        again.setId("serverTlsGenPasswordAgain");
        again.setPromptText(I18n.text("server.tls.generate.passwordAgain"));
        again.textProperty().bindBidirectional(model.passwordAgainProperty());
        VBox passwords = DialogFields.withMessage(again, model.passwordErrorProperty(), "serverTlsGenPasswordError");
        passwords.getChildren().add(0, password);

        TextField certificate = DialogFields.textField("serverTlsGenFile", 28);
        certificate.textProperty().bindBidirectional(model.certificateFileProperty());
        TextField key = DialogFields.textField("serverTlsGenKeyFile", 28);
        key.textProperty().bindBidirectional(model.keyFileProperty());

        // Both formats' rows stay in place, the other format's disabled: the dialog does not jump.
        passwords.disableProperty().bind(isPkcs12.not());
        Node keyRow = fileRow(key, "serverTlsGenKeyBrowse", model.keyFileErrorProperty(), "serverTlsGenKeyFileError");
        keyRow.disableProperty().bind(isPkcs12);
        FormGrid grid = new FormGrid()
                .row(I18n.text("server.tls.generate.names"),
                        DialogFields.withMessage(names, model.namesErrorProperty(), "serverTlsGenNamesError"))
                .row(I18n.text("server.tls.generate.format"), new HBox(12, pkcs12, pem))
                .row(I18n.text("server.tls.generate.password"), passwords)
                .row(I18n.text("server.tls.generate.file"), fileRow(certificate, "serverTlsGenBrowse",
                        model.certificateFileErrorProperty(), "serverTlsGenFileError"))
                .row(I18n.text("server.tls.generate.keyFile"), keyRow)
                .wide(DialogFields.hint(I18n.text("server.tls.generate.hint")));

        getDialogPane().setContent(grid);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        setResizable(true);
        DialogStyle.like(this, owner);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("serverTlsGenOk");
        // While the worker makes and writes the files: the button says so, the fields are as they
        // were when asked, and Cancel (or closing the dialog) gives the work up.
        ReadOnlyBooleanProperty generating = model.generatingProperty();
        ok.textProperty().bind(Bindings.when(generating).then(I18n.text("server.tls.generate.working"))
                .otherwise(I18n.text("server.tls.generate.ok")));
        ok.disableProperty().bind(generating);
        grid.disableProperty().bind(generating);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // closes only with what was made, once the files are written
            if (!model.generate(worker, this::setResult)) {
                sizeToScene(); // stays open: the messages say what to change
            }
        });
        model.generatingProperty().addListener((obs, was, now) -> {
            if (!now && isShowing()) {
                sizeToScene(); // the worker's message at a field, if any
            }
        });
        setResultConverter(button -> null); // Cancel, Esc, the window's close: nothing made
        setOnHidden(event -> model.giveUp()); // closed meanwhile: what it makes is never used
    }

    private void sizeToScene() {
        getDialogPane().getScene().getWindow().sizeToScene();
    }

    private static RadioButton radio(String id, String key, ToggleGroup group) {
        RadioButton button = new RadioButton(I18n.text(key));
        button.setId(id);
        button.setToggleGroup(group);
        return button;
    }

    /** {@code field} and its Browse button, the field's message under them. */
    private Node fileRow(TextField field, String browseId, ObservableStringValue error, String messageId) {
        Button browse = new Button(I18n.text("server.tls.browse"));
        browse.setId(browseId);
        browse.setOnAction(event -> browse(field));
        HBox.setHgrow(field, Priority.ALWAYS);
        VBox box = DialogFields.withMessage(field, error, messageId);
        box.getChildren().add(0, new HBox(6, field, browse)); // the field moves into the row, above its message
        return box;
    }

    private void browse(TextField field) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("server.tls.generate.title"));
        Path current = SelfSignedModel.defaultFolder();
        try {
            current = field.getText().isBlank() ? current : Path.of(field.getText());
        } catch (InvalidPathException e) {
            // Not a name this system allows: the chooser opens as for an empty field, and the
            // field's own message already says what is wrong with it.
        }
        Path folder = current.toAbsolutePath().getParent();
        // On the FX thread, as the chooser itself looks at its initial folder there (and throws
        // for one that is not a folder): see KeyFiles.folderOf.
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        if (current.getFileName() != null) {
            chooser.setInitialFileName(current.getFileName().toString());
        }
        File chosen = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            model.chosenInChooser(chosen.getPath()); // the chooser asked before replacing it
            field.setText(chosen.getPath());
        }
    }
}
