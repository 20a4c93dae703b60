package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsInputException;
import io.socketdeck.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Generate self-signed" dialog's fields and what OK does: checks the names, the password
 * (typed twice, for PKCS#12) and where to save, makes a key and a certificate valid for one year,
 * and writes them. A file that exists is replaced only when the user confirmed it (the save
 * chooser asks); a typed name of an existing file is refused at its field. The password stays in
 * memory: it is handed to the server tab's TLS fields, never saved.
 */
final class SelfSignedModel {

    /** How the key and certificate are written. */
    enum Format {
        /** One file holding both, protected by a password. */
        PKCS12,
        /** A certificate file and an (unencrypted) key file. */
        PEM
    }

    /** What was made and where it went. */
    record Generated(Path certificate, Path key, char[] password, PeerCertificate described) {
    }

    static final String DEFAULT_NAMES = "localhost, 127.0.0.1, ::1";

    private final StringProperty names = new SimpleStringProperty(this, "names", DEFAULT_NAMES);
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(this, "format", Format.PKCS12);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty passwordAgain = new SimpleStringProperty(this, "passwordAgain", "");
    private final StringProperty certificateFile = new SimpleStringProperty(this, "certificateFile", "");
    private final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");
    private final ReadOnlyStringWrapper namesError = new ReadOnlyStringWrapper(this, "namesError");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError");
    private final ReadOnlyStringWrapper certificateFileError = new ReadOnlyStringWrapper(this, "certificateFileError");
    private final ReadOnlyStringWrapper keyFileError = new ReadOnlyStringWrapper(this, "keyFileError");
    /** Files the user agreed to replace, in the save chooser. */
    private final Set<String> replaceable = new HashSet<>();
    private final Path folder;
    /** What {@link #suggestFiles} or {@link #followFormat} last put in the fields: a changed field is the user's. */
    private String suggestedCertificate = "";
    private String suggestedKey = "";

    /** @param folder where the files go unless the user says otherwise: {@code ~/.socketdeck/tls} */
    SelfSignedModel(Path folder) {
        this.folder = folder;
        suggestFiles();
        format.addListener((obs, old, now) -> {
            followFormat();
            certificateFileError.set(null);
            keyFileError.set(null);
            passwordError.set(null);
        });
        names.addListener((obs, old, now) -> namesError.set(null));
        password.addListener((obs, old, now) -> passwordError.set(null));
        passwordAgain.addListener((obs, old, now) -> passwordError.set(null));
        certificateFile.addListener((obs, old, now) -> certificateFileError.set(null));
        keyFile.addListener((obs, old, now) -> keyFileError.set(null));
    }

    /** {@code ~/.socketdeck/tls}. */
    static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".socketdeck", "tls");
    }

    /** Names not yet taken in the folder: server.p12, or server-2.p12 if that exists, and so on. */
    private void suggestFiles() {
        for (int n = 1; ; n++) {
            String base = n == 1 ? "server" : "server-" + n;
            Path certificate = folder.resolve(base + (format.get() == Format.PKCS12 ? ".p12" : ".pem"));
            Path key = folder.resolve(base + "-key.pem");
            if (!Files.exists(certificate) && (format.get() == Format.PKCS12 || !Files.exists(key))) {
                suggestedCertificate = certificate.toString();
                suggestedKey = format.get() == Format.PEM ? key.toString() : "";
                certificateFile.set(suggestedCertificate);
                keyFile.set(suggestedKey);
                return;
            }
        }
    }

    /**
     * The format changed: a file still as suggested is suggested again for it; one the user chose
     * keeps its folder and name and takes the format's extension, the key file going beside it.
     */
    private void followFormat() {
        String certificate = certificateFile.get();
        String key = keyFile.get();
        boolean keyChosen = !key.equals(suggestedKey);
        boolean certificateChosen = !certificate.equals(suggestedCertificate);
        suggestFiles();
        if (certificateChosen) {
            certificateFile.set(withExtension(certificate, format.get() == Format.PKCS12 ? ".p12" : ".pem"));
            if (format.get() == Format.PEM && !certificateFile.get().isBlank()) {
                suggestedKey = withExtension(certificateFile.get(), "") + "-key.pem";
                keyFile.set(suggestedKey);
            }
        }
        if (keyChosen) {
            keyFile.set(key);
        }
    }

    /** {@code file} with {@code extension} in place of its .p12, .pfx or .pem; other names as typed. */
    private static String withExtension(String file, String extension) {
        String trimmed = file.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        for (String known : List.of(".p12", ".pfx", ".pem")) {
            if (lower.endsWith(known)) {
                return trimmed.substring(0, trimmed.length() - known.length()) + extension;
            }
        }
        return extension.isEmpty() ? trimmed : file;
    }

    /** The user chose {@code file} in the save chooser, which asked before replacing it. */
    void chosenInChooser(String file) {
        replaceable.add(file);
    }

    /** Makes and writes the key and certificate; null after showing at the fields what is wrong. */
    Generated generate() {
        namesError.set(null);
        passwordError.set(null);
        certificateFileError.set(null);
        keyFileError.set(null);
        List<String> parsed = null;
        try {
            parsed = SelfSigned.parseNames(names.get());
        } catch (TlsInputException e) {
            namesError.set(e.getMessage());
        }
        boolean pkcs12 = format.get() == Format.PKCS12;
        if (pkcs12 && !password.get().equals(passwordAgain.get())) {
            passwordError.set(I18n.text("server.tls.generate.error.passwordsDiffer"));
        }
        Path certificate = target(certificateFile, certificateFileError);
        Path key = pkcs12 ? null : target(keyFile, keyFileError);
        if (key != null && key.equals(certificate)) {
            keyFileError.set(I18n.text("server.tls.generate.error.sameFile"));
        }
        if (parsed == null || namesError.get() != null || passwordError.get() != null || certificate == null
                || !pkcs12 && (key == null || keyFileError.get() != null)) {
            return null;
        }
        KeyMaterial material = SelfSigned.generate(parsed, SelfSigned.ONE_YEAR);
        char[] secret = pkcs12 ? password.get().toCharArray() : null;
        try {
            makeFolder(certificate, certificateFileError);
            if (key != null) {
                makeFolder(key, keyFileError);
            }
            if (pkcs12) {
                SelfSigned.writePkcs12(material, certificate, secret);
            } else {
                SelfSigned.writePem(material, certificate, key);
            }
        } catch (TlsInputException e) {
            (e.field() == TlsInputException.Field.KEY ? keyFileError : certificateFileError).set(e.getMessage());
            return null;
        } catch (IOException e) {
            return null; // said at the field by makeFolder
        }
        return new Generated(certificate, key, secret, material.describe());
    }

    /** The file typed in {@code field}, or null after saying why not. */
    private Path target(StringProperty field, ReadOnlyStringWrapper error) {
        String typed = field.get() == null ? "" : field.get().strip();
        if (typed.isEmpty()) {
            error.set(I18n.text("server.tls.generate.error.noFile"));
            return null;
        }
        try {
            Path path = Path.of(typed);
            if (Files.exists(path) && !replaceable.contains(typed)) {
                error.set(I18n.format("server.tls.generate.error.exists", typed));
                return null;
            }
            return path;
        } catch (InvalidPathException e) {
            error.set(I18n.format("server.tls.generate.error.badFile", typed));
            return null;
        }
    }

    private static void makeFolder(Path file, ReadOnlyStringWrapper error) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            error.set(I18n.format("server.tls.generate.error.folder", parent, IoErrors.describe(e)));
            throw e;
        }
    }

    StringProperty namesProperty() {
        return names;
    }

    ObjectProperty<Format> formatProperty() {
        return format;
    }

    StringProperty passwordProperty() {
        return password;
    }

    StringProperty passwordAgainProperty() {
        return passwordAgain;
    }

    StringProperty certificateFileProperty() {
        return certificateFile;
    }

    StringProperty keyFileProperty() {
        return keyFile;
    }

    ReadOnlyStringProperty namesErrorProperty() {
        return namesError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty certificateFileErrorProperty() {
        return certificateFileError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty keyFileErrorProperty() {
        return keyFileError.getReadOnlyProperty();
    }
}
