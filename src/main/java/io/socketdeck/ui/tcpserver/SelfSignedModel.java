package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsInputException;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FileJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Generate self-signed" dialog's fields and what OK does: checks the names, the password
 * (typed twice, for PKCS#12) and where to save, makes a key and a certificate valid for one year,
 * and writes them. A file that exists is replaced only when the user confirmed it (the save
 * chooser asks); a typed name of an existing file is refused at its field. The password stays in
 * memory: it is handed to the server tab's TLS fields, never saved.
 *
 * <p>The making and the writing run on the tab's file worker ({@link FileJobs}), never the FX
 * thread: making a key takes a while on a slow machine, and a hung network mount or a named pipe
 * at the chosen path holds a write for as long as it hangs. Given up (the dialog closed), what
 * it makes is never used; it writes nothing unless it has begun to, and then writes its files whole.
 */
final class SelfSignedModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(SelfSignedModel.class);

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
    private final ReadOnlyBooleanWrapper generating = new ReadOnlyBooleanWrapper(this, "generating");
    /** The worker of the generation under way. */
    private FileJobs.Slot generatingOn;
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

    /**
     * Checks the fields and, when they are right, hands the making and writing of the key and
     * certificate to {@code worker}; what was made goes to {@code made} on the FX thread. What
     * needs the disk (whether a file exists, making its folder, writing it) is checked there too:
     * what is wrong is shown at its field when the worker is done. FX thread.
     *
     * @return false when nothing was started: a field is wrong (its message says why), or a
     *         generation runs
     */
    boolean generate(FileJobs.Slot worker, Consumer<Generated> made) {
        if (generating.get()) {
            return false;
        }
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
        Target certificate = target(certificateFile, certificateFileError);
        Target key = pkcs12 ? null : target(keyFile, keyFileError);
        if (key != null && certificate != null && key.path().equals(certificate.path())) {
            keyFileError.set(I18n.text("server.tls.generate.error.sameFile"));
        }
        if (parsed == null || namesError.get() != null || passwordError.get() != null || certificate == null
                || !pkcs12 && (key == null || keyFileError.get() != null)) {
            return false;
        }
        Making making = new Making(parsed, certificate, key, pkcs12 ? password.get().toCharArray() : null);
        boolean started = worker.start(certificate.path(), making,
                generated -> {
                    generating.set(false);
                    made.accept(generated);
                },
                e -> {
                    generating.set(false);
                    showFailure(e, certificate, key);
                },
                () -> {
                    making.giveUp();
                    generating.set(false);
                });
        if (started) {
            generatingOn = worker;
            generating.set(true);
        }
        return started;
    }

    /**
     * The generation under way is not wanted (the dialog closed): what it makes is never handed
     * on, and it writes nothing unless it has begun to; files it has begun are written whole (a
     * file the user asked for, kept: never half a key pair). FX thread.
     */
    void giveUp() {
        if (generating.get()) {
            generatingOn.giveUp();
        }
    }

    /** True from a {@link #generate} started until its outcome is applied or it is given up. */
    ReadOnlyBooleanProperty generatingProperty() {
        return generating.getReadOnlyProperty();
    }

    /** What went wrong on the worker, said at its field in the window's language. FX thread. */
    private void showFailure(Exception e, Target certificate, Target key) {
        if (e instanceof FilesTaken taken) {
            if (taken.certificate) {
                certificateFileError.set(I18n.format("server.tls.generate.error.exists", certificate.typed()));
            }
            if (taken.key) {
                keyFileError.set(I18n.format("server.tls.generate.error.exists", key.typed()));
            }
        } else if (e instanceof FolderNotMade folder) {
            errorAt(folder.field).set(I18n.format("server.tls.generate.error.folder", folder.folder,
                    IoErrors.describe(folder.getCause())));
        } else if (e instanceof TlsInputException input) {
            errorAt(input.field()).set(input.getMessage());
        } else {
            LOGGER.warn("Generating a self-signed certificate failed", e);
            certificateFileError.set(I18n.format("server.tls.generate.error.failed", IoErrors.describe(e)));
        }
    }

    private ReadOnlyStringWrapper errorAt(TlsInputException.Field field) {
        return field == TlsInputException.Field.KEY ? keyFileError : certificateFileError;
    }

    /** The file typed in {@code field}, or null after saying why not. No disk: the worker looks there. */
    private Target target(StringProperty field, ReadOnlyStringWrapper error) {
        String typed = field.get() == null ? "" : field.get().strip();
        if (typed.isEmpty()) {
            error.set(I18n.text("server.tls.generate.error.noFile"));
            return null;
        }
        try {
            return new Target(Path.of(typed), typed, replaceable.contains(typed));
        } catch (InvalidPathException e) {
            error.set(I18n.format("server.tls.generate.error.badFile", typed));
            return null;
        }
    }

    /**
     * The worker's part of a generation: refuses a file that exists unless the user chose to
     * replace it, makes the key and certificate, then their folders, and writes them. Given up
     * before the writing begins, it writes nothing; once begun, the files are written whole.
     */
    static final class Making implements Callable<Generated> {

        private final List<String> names;
        private final Target certificate;
        private final Target key;
        private final char[] secret;
        private final AtomicBoolean givenUp = new AtomicBoolean();

        /** @param key null for PKCS#12, which holds the key with the certificate under {@code secret} */
        Making(List<String> names, Target certificate, Target key, char[] secret) {
            this.names = List.copyOf(names);
            this.certificate = certificate;
            this.key = key;
            this.secret = secret;
        }

        /** Not wanted any more: writes nothing unless it has begun to. Any thread. */
        void giveUp() {
            givenUp.set(true);
        }

        /** Worker. */
        @Override
        public Generated call() throws Exception {
            boolean certificateTaken = certificate.taken();
            boolean keyTaken = key != null && key.taken();
            if (certificateTaken || keyTaken) {
                throw new FilesTaken(certificateTaken, keyTaken);
            }
            KeyMaterial material = SelfSigned.generate(names, SelfSigned.ONE_YEAR);
            if (givenUp.get()) {
                throw new CancellationException("given up before writing");
            }
            makeFolder(certificate.path(), TlsInputException.Field.CERTIFICATE);
            if (key == null) {
                SelfSigned.writePkcs12(material, certificate.path(), secret);
            } else {
                makeFolder(key.path(), TlsInputException.Field.KEY);
                SelfSigned.writePem(material, certificate.path(), key.path());
            }
            return new Generated(certificate.path(), key == null ? null : key.path(), secret, material.describe());
        }

        private static void makeFolder(Path file, TlsInputException.Field field) throws FolderNotMade {
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null) {
                return;
            }
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new FolderNotMade(field, parent, e);
            }
        }
    }

    /** A file to write, as typed; {@code replace} when the user agreed to replace it in the chooser. */
    record Target(Path path, String typed, boolean replace) {

        /** Worker: it exists, and the user did not agree to replace it. */
        boolean taken() {
            return !replace && Files.exists(path);
        }
    }

    /** Files that exist and were not chosen to be replaced: nothing was written. */
    private static final class FilesTaken extends Exception {

        private static final long serialVersionUID = 1L;
        private final boolean certificate;
        private final boolean key;

        FilesTaken(boolean certificate, boolean key) {
            super(null, null, false, false);
            this.certificate = certificate;
            this.key = key;
        }
    }

    /** The folder of a file to write could not be made. */
    private static final class FolderNotMade extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient TlsInputException.Field field;
        private final transient Path folder;

        FolderNotMade(TlsInputException.Field field, Path folder, IOException cause) {
            super(cause);
            this.field = field;
            this.folder = folder;
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
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
