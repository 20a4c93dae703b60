package io.socketdeck.core.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a side's certificate and private key come from, as the user named them: a PKCS#12 file,
 * or a PEM certificate (chain) with its key in the same file or in {@code key}. The format is read
 * from the file itself, not from its name.
 *
 * @param certificate the PKCS#12 file, or the PEM file that holds the certificate chain
 * @param key         the PEM file with the private key when it is not in {@code certificate}; or null
 * @param password    of the PKCS#12 file or the encrypted PEM key; null when none was given. Kept
 *                    in memory only, never written to the settings
 */
public record KeySource(Path certificate, Path key, char[] password) {

    public KeySource {
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The same files with {@code newPassword}. */
    public KeySource withPassword(char[] newPassword) {
        return new KeySource(certificate, key, newPassword);
    }

    @Override
    public String toString() {
        return "KeySource[" + certificate + (key == null ? "" : ", " + key) + "]"; // never the password
    }
}
