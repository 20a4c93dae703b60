package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.KeyMaterials;
import io.socketdeck.core.tls.KeySource;
import io.socketdeck.core.tls.TlsClientConfig;
import io.socketdeck.core.tls.TlsInputException;
import io.socketdeck.core.tls.TlsInputs;
import io.socketdeck.core.tls.TlsServerConfig;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The server tab's TLS fields: the certificate it presents (PKCS#12, or PEM with its key beside
 * or inside it), whether clients must present one and which authorities vouch for them, ALPN and
 * versions. Turns them into a {@link TlsServerConfig}, or says at each field what is wrong. A
 * password is asked through {@link PasswordAsker} when a file needs one, and kept in memory for
 * the session only: it is never among the {@link #persisted() persisted} fields.
 */
final class ServerTls {

    /** Asks the user for the password of {@code file}; empty when they cancelled. The view installs it. */
    @FunctionalInterface
    interface PasswordAsker {
        Optional<char[]> ask(String file, boolean wrongBefore);
    }

    static final String DEFAULT_VERSIONS = String.join(", ", TlsClientConfig.DEFAULT_PROTOCOLS);

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final StringProperty certificate = new SimpleStringProperty(this, "certificate", "");
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final BooleanProperty requireClientCert = new SimpleBooleanProperty(this, "requireClientCert", false);
    private final StringProperty clientCa = new SimpleStringProperty(this, "clientCa", "");
    private final StringProperty alpn = new SimpleStringProperty(this, "alpn", "");
    private final StringProperty versions = new SimpleStringProperty(this, "versions", DEFAULT_VERSIONS);
    private final WordedText certificateError = new WordedText(this, "certificateError");
    private final WordedText keyError = new WordedText(this, "keyError");
    private final WordedText clientCaError = new WordedText(this, "clientCaError");
    private final WordedText alpnError = new WordedText(this, "alpnError");
    private final WordedText versionsError = new WordedText(this, "versionsError");
    private PasswordAsker passwordAsker = (file, wrongBefore) -> Optional.empty();
    /** The password that opened the current files; memory only, forgotten when a path changes. */
    private char[] password;

    ServerTls() {
        certificate.addListener((obs, old, now) -> {
            certificateError.set(null);
            forgetPassword();
        });
        key.addListener((obs, old, now) -> {
            keyError.set(null);
            forgetPassword();
        });
        clientCa.addListener((obs, old, now) -> clientCaError.set(null));
        requireClientCert.addListener((obs, old, now) -> clientCaError.set(null));
        alpn.addListener((obs, old, now) -> alpnError.set(null));
        versions.addListener((obs, old, now) -> versionsError.set(null));
        enabled.addListener((obs, old, now) -> {
            if (!now) {
                clearErrors();
            }
        });
    }

    /**
     * The configuration the fields describe, or null after showing at the fields what is wrong.
     * Each field is checked, so the user sees every problem at once, not one per try.
     */
    TlsServerConfig config() {
        clearErrors();
        KeyMaterial material = keyMaterial();
        List<X509Certificate> authorities = List.of();
        boolean fine = material != null;
        if (requireClientCert.get() && !clientCa.get().isBlank()) {
            try {
                authorities = KeyMaterials.certificates(path(clientCa.get(), TlsInputException.Field.CA_FILE));
            } catch (TlsInputException e) {
                show(e);
                fine = false;
            }
        }
        List<String> protocolNames = List.of();
        List<String> alpnNames = List.of();
        try {
            protocolNames = versions.get().isBlank() ? TlsClientConfig.DEFAULT_PROTOCOLS : TlsInputs.protocols(versions.get());
        } catch (TlsInputException e) {
            show(e);
            fine = false;
        }
        try {
            alpnNames = TlsInputs.alpn(alpn.get());
        } catch (TlsInputException e) {
            show(e);
            fine = false;
        }
        if (!fine) {
            return null;
        }
        return TlsServerConfig.of(material).withProtocols(protocolNames).withAlpn(alpnNames)
                .withClientCertRequired(requireClientCert.get(), authorities)
                .withHandshakeTimeout(TlsClientConfig.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * The key and certificate of the fields; asks for a password while one is needed or was wrong
     * (until the user cancels). Null after showing the problem at its field.
     */
    private KeyMaterial keyMaterial() {
        if (certificate.get().isBlank()) {
            certificateError.word(() -> I18n.text("server.tls.error.noCertificate"));
            return null;
        }
        try {
            Path keyFile = key.get().isBlank() ? null : path(key.get(), TlsInputException.Field.KEY);
            KeySource source = new KeySource(path(certificate.get(), TlsInputException.Field.CERTIFICATE), keyFile,
                    password);
            while (true) {
                try {
                    KeyMaterial loaded = KeyMaterials.load(source);
                    password = source.password();
                    return loaded;
                } catch (TlsInputException e) {
                    if (!e.wantsPassword()) {
                        throw e;
                    }
                    forgetPassword(); // the one held (if any) did not open it
                    boolean wrong = e.problem() == TlsInputException.Problem.WRONG_PASSWORD;
                    Optional<char[]> typed = passwordAsker.ask(e.subject(), wrong);
                    if (typed.isEmpty()) {
                        throw e;
                    }
                    source = source.withPassword(typed.get());
                }
            }
        } catch (TlsInputException e) {
            show(e);
            return null;
        }
    }

    private static Path path(String typed, TlsInputException.Field field) throws TlsInputException {
        try {
            return Path.of(typed.strip());
        } catch (InvalidPathException e) {
            throw new TlsInputException(field, TlsInputException.Problem.FILE_MISSING, typed.strip(), null);
        }
    }

    /** Puts {@code problem}'s sentence at the field it is about. */
    private void show(TlsInputException problem) {
        WordedText at = switch (problem.field()) {
            case KEY -> keyError;
            // The password of the key file when that is the file it opens, else the certificate's.
            case PASSWORD -> !key.get().isBlank() && problem.subject().equals(key.get().strip()) ? keyError
                    : certificateError;
            case CA_FILE -> clientCaError;
            case ALPN -> alpnError;
            case PROTOCOLS -> versionsError;
            default -> certificateError;
        };
        at.word(problem::sentence);
    }

    private void clearErrors() {
        certificateError.set(null);
        keyError.set(null);
        clientCaError.set(null);
        alpnError.set(null);
        versionsError.set(null);
    }

    private void forgetPassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    /**
     * Takes up a certificate just generated: its files, and for PKCS#12 the password it was given
     * (so it is not asked again; memory only).
     */
    void useGenerated(Path certificateFile, Path keyFile, char[] secret) {
        certificate.set(certificateFile.toString());
        key.set(keyFile == null ? "" : keyFile.toString());
        password = secret == null ? null : secret.clone(); // after the paths: their change forgets a password
    }

    /** True while a password is held (for tests: it is never saved). */
    boolean holdsPassword() {
        return password != null;
    }

    void setPasswordAsker(PasswordAsker asker) {
        this.passwordAsker = asker == null ? (file, wrongBefore) -> Optional.empty() : asker;
    }

    /** Paths and switches only: never the password. */
    PersistedFields persisted() {
        return new PersistedFields()
                .flag("enabled", enabled)
                .text("certificate", certificate)
                .text("key", key)
                .flag("requireClientCert", requireClientCert)
                .text("clientCa", clientCa)
                .text("alpn", alpn)
                .text("versions", versions);
    }

    BooleanProperty enabledProperty() {
        return enabled;
    }

    StringProperty certificateProperty() {
        return certificate;
    }

    StringProperty keyProperty() {
        return key;
    }

    BooleanProperty requireClientCertProperty() {
        return requireClientCert;
    }

    StringProperty clientCaProperty() {
        return clientCa;
    }

    StringProperty alpnProperty() {
        return alpn;
    }

    StringProperty versionsProperty() {
        return versions;
    }

    ReadOnlyStringProperty certificateErrorProperty() {
        return certificateError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty clientCaErrorProperty() {
        return clientCaError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty alpnErrorProperty() {
        return alpnError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty versionsErrorProperty() {
        return versionsError.getReadOnlyProperty();
    }
}
