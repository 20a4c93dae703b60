package io.socketdeck.ui.tcpserver;

import io.socketdeck.ui.common.I18n;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** The Browse buttons beside the TLS file fields: an open chooser that starts where the field points. */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Lets the user pick a file for {@code field}.
     *
     * @param certificate true for a certificate (PKCS#12 or PEM), false for a PEM key or CA file
     */
    static void choose(TextField field, String titleKey, boolean certificate) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text(titleKey));
        if (certificate) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("server.tls.files.certificate"),
                    "*.p12", "*.pfx", "*.pem", "*.crt", "*.cer"));
        } else {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("server.tls.files.pem"),
                    "*.pem", "*.key", "*.crt", "*.cer"));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("server.tls.files.all"), "*"));
        Path folder = folderOf(field.getText());
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File chosen = chooser.showOpenDialog(field.getScene() == null ? null : field.getScene().getWindow());
        if (chosen != null) {
            field.setText(chosen.getPath());
        }
    }

    /**
     * The folder of the file typed, or the folder generated files go to; null when neither exists.
     * Looked at on the FX thread: JavaFX's chooser looks at its initial folder there itself
     * ({@code isDirectory}, then its canonical path) and throws for one that is not a folder.
     */
    private static Path folderOf(String typed) {
        try {
            Path folder = typed == null || typed.isBlank() ? SelfSignedModel.defaultFolder()
                    : Path.of(typed.strip()).toAbsolutePath().getParent();
            return folder != null && Files.isDirectory(folder) ? folder : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
