package io.socketdeck.ui.tcpclient;

import io.socketdeck.ui.common.I18n;
import java.io.File;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** The file choosers of the TLS fields: certificates, keys and CA files. */
final class TlsFiles {

    private TlsFiles() {
    }

    /**
     * Asks for a file; its path, or empty when cancelled.
     *
     * @param pkcs12 true when a PKCS#12 file may be chosen besides PEM
     */
    static Optional<String> choose(Node owner, String titleKey, boolean pkcs12) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text(titleKey));
        FileChooser.ExtensionFilter pem = pkcs12
                ? new FileChooser.ExtensionFilter(I18n.text("client.tls.files.certificates"),
                        "*.p12", "*.pfx", "*.pem", "*.crt", "*.cer", "*.key")
                : new FileChooser.ExtensionFilter(I18n.text("client.tls.files.pem"), "*.pem", "*.crt", "*.cer", "*.key");
        chooser.getExtensionFilters().setAll(pem, new FileChooser.ExtensionFilter(I18n.text("client.tls.files.all"), "*"));
        File file = chooser.showOpenDialog(owner.getScene().getWindow());
        return Optional.ofNullable(file).map(File::getPath);
    }
}
