package io.socketdeck.ui.tcpclient;

import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.KeyMaterials;
import io.socketdeck.core.tls.KeySource;
import io.socketdeck.core.tls.TlsClientConfig;
import io.socketdeck.core.tls.TlsInputException;
import io.socketdeck.core.tls.TlsInputException.Field;
import io.socketdeck.core.tls.TlsInputException.Problem;
import io.socketdeck.core.tls.TlsInputs;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The TLS settings of the TCP client tab as typed: checked into a {@link TlsClientConfig}, each
 * problem shown at its field. Paths are remembered, passwords only in memory for the session.
 */
public final class TlsClientFields {

    /** Asks the user for the password of {@code file}; empty when cancelled. Set by the view. */
    @FunctionalInterface
    public interface PasswordAsker {
        Optional<char[]> ask(String file, boolean wrongBefore);
    }

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final StringProperty serverName = new SimpleStringProperty(this, "serverName", "");
    private final StringProperty versions = new SimpleStringProperty(this, "versions",
            String.join(", ", TlsClientConfig.DEFAULT_PROTOCOLS));
    private final StringProperty alpn = new SimpleStringProperty(this, "alpn", "");
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final StringProperty pins = new SimpleStringProperty(this, "pins", "");
    private final BooleanProperty verifyHostname = new SimpleBooleanProperty(this, "verifyHostname", true);
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final StringProperty clientCert = new SimpleStringProperty(this, "clientCert", "");
    private final StringProperty clientKey = new SimpleStringProperty(this, "clientKey", "");
    private final Map<Field, WordedText> errors = new EnumMap<>(Field.class);
    private PasswordAsker passwordAsker;
    /** The client certificate's password as last given; never persisted, forgotten when the files change. */
    private char[] password;

    TlsClientFields() {
        for (Field field : Field.values()) {
            errors.put(field, new WordedText(this, field.name()));
        }
        clearOnEdit(serverName, Field.SERVER_NAME);
        clearOnEdit(versions, Field.PROTOCOLS);
        clearOnEdit(alpn, Field.ALPN);
        clearOnEdit(caFile, Field.CA_FILE);
        clearOnEdit(pins, Field.PIN);
        clearOnEdit(clientCert, Field.CERTIFICATE);
        clearOnEdit(clientKey, Field.KEY);
        clientCert.addListener((obs, old, now) -> forgetPassword());
        clientKey.addListener((obs, old, now) -> forgetPassword());
        enabled.addListener((obs, old, now) -> errors.values().forEach(error -> error.set(null)));
    }

    private void clearOnEdit(StringProperty text, Field field) {
        text.addListener((obs, old, now) -> {
            errors.get(field).set(null);
            if (field == Field.CERTIFICATE) {
                errors.get(Field.PASSWORD).set(null);
            }
        });
    }

    /**
     * The configuration for a connection to {@code host}, or null after showing at each wrong
     * field what is wrong. May ask for a password (see {@link #setPasswordAsker}) when
     * {@code mayAsk}; otherwise a password still needed is a message at the certificate. FX thread.
     */
    TlsClientConfig build(boolean mayAsk) {
        errors.values().forEach(error -> error.set(null));
        TlsClientConfig config = TlsClientConfig.verified().withVerifyHostname(verifyHostname.get())
                .withInsecure(insecure.get());
        boolean valid = true;
        try {
            config = config.withServerName(TlsInputs.serverName(serverName.get()));
        } catch (TlsInputException e) {
            valid = show(e);
        }
        try {
            config = config.withProtocols(TlsInputs.protocols(versions.get()));
        } catch (TlsInputException e) {
            valid = show(e);
        }
        try {
            config = config.withAlpn(TlsInputs.alpn(alpn.get()));
        } catch (TlsInputException e) {
            valid = show(e);
        }
        try {
            config = config.withPins(TlsInputs.pins(pins.get()));
        } catch (TlsInputException e) {
            valid = show(e);
        }
        try {
            Path authorities = path(caFile.get(), Field.CA_FILE);
            if (authorities != null) {
                config = config.withAuthorities(KeyMaterials.certificates(authorities));
            }
        } catch (TlsInputException e) {
            valid = show(e);
        }
        try {
            config = config.withClientKey(loadClientKey(mayAsk ? passwordAsker : null));
        } catch (TlsInputException e) {
            valid = !mayAsk && e.wantsPassword() && passwordAsker != null ? showNotAsked(e) : show(e);
        }
        return valid ? config : null;
    }

    /** The client certificate and key, asking for the password as long as it is needed and given. */
    private KeyMaterial loadClientKey(PasswordAsker asker) throws TlsInputException {
        Path certificate = path(clientCert.get(), Field.CERTIFICATE);
        Path key = path(clientKey.get(), Field.KEY);
        if (certificate == null) {
            if (key != null) {
                throw new TlsInputException(Field.CERTIFICATE, Problem.NO_CERTIFICATE, key, null);
            }
            return null;
        }
        while (true) {
            try {
                return KeyMaterials.load(new KeySource(certificate, key, password));
            } catch (TlsInputException e) {
                Optional<char[]> answer = e.wantsPassword() && asker != null
                        ? asker.ask(e.subject().isEmpty() ? certificate.toString() : e.subject(),
                                e.problem() == Problem.WRONG_PASSWORD)
                        : Optional.empty();
                if (answer.isEmpty()) {
                    throw e;
                }
                forgetPassword();
                password = answer.get();
            }
        }
    }

    /** A typed path, or null when none is typed. */
    private static Path path(String typed, Field field) throws TlsInputException {
        String trimmed = typed == null ? "" : typed.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw new TlsInputException(field, Problem.FILE_MISSING, trimmed, null);
        }
    }

    /** Shows {@code problem} at its field; always false (the settings are not usable). */
    private boolean show(TlsInputException problem) {
        Field at = problem.field() == Field.PASSWORD ? Field.CERTIFICATE : problem.field();
        errors.get(at).word(problem::sentence);
        return false;
    }

    /** A password that could have been asked: where to give it, at the certificate; always false. */
    private boolean showNotAsked(TlsInputException problem) {
        String file = problem.subject().isEmpty() ? clientCert.get().trim() : problem.subject();
        errors.get(Field.CERTIFICATE).word(() -> I18n.format("client.tls.password.notAsked", file));
        return false;
    }

    private void forgetPassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    /**
     * Adds {@code fingerprint} to the pinned ones, unless it is there already; true when added.
     */
    boolean pin(String fingerprint) {
        try {
            if (TlsInputs.pins(pins.get()).contains(fingerprint)) {
                return false;
            }
        } catch (TlsInputException e) {
            // A typo among the pins stays for the user to fix; the new pin goes on its own line.
        }
        String before = pins.get() == null ? "" : pins.get().strip();
        pins.set(before.isEmpty() ? fingerprint : before + ", " + fingerprint);
        return true;
    }

    /** What is remembered across restarts: every setting but the password. */
    PersistedFields persisted() {
        return new PersistedFields()
                .flag("on", enabled)
                .text("serverName", serverName)
                .text("versions", versions)
                .text("alpn", alpn)
                .text("caFile", caFile)
                .text("pins", pins)
                .flag("verifyHostname", verifyHostname)
                .flag("insecure", insecure)
                .text("clientCert", clientCert)
                .text("clientKey", clientKey);
    }

    /** How the view asks for a password; the view model opens no dialog itself. */
    public void setPasswordAsker(PasswordAsker asker) {
        passwordAsker = asker;
    }

    /** True when the tab connects over TLS. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The name sent as SNI and verified; empty for the host. */
    public StringProperty serverNameProperty() {
        return serverName;
    }

    /** The TLS versions offered, e.g. "TLSv1.3, TLSv1.2". */
    public StringProperty versionsProperty() {
        return versions;
    }

    public StringProperty alpnProperty() {
        return alpn;
    }

    /** A PEM file of authorities trusted besides the system's; empty for none. */
    public StringProperty caFileProperty() {
        return caFile;
    }

    /** SHA-256 fingerprints trusted as they are, separated by commas or lines. */
    public StringProperty pinsProperty() {
        return pins;
    }

    public BooleanProperty verifyHostnameProperty() {
        return verifyHostname;
    }

    /** Trust any certificate: nothing is verified. The status says so in red. */
    public BooleanProperty insecureProperty() {
        return insecure;
    }

    /** A PKCS#12 file or a PEM certificate (with its key, or the key in {@link #clientKeyProperty}). */
    public StringProperty clientCertProperty() {
        return clientCert;
    }

    public StringProperty clientKeyProperty() {
        return clientKey;
    }

    /** The message at {@code field}, or null; a password problem is shown at the certificate. */
    public ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** The fields with a message now, for tests and the view. */
    List<Field> fieldsInError() {
        return errors.entrySet().stream().filter(entry -> entry.getValue().get() != null).map(Map.Entry::getKey).toList();
    }
}
