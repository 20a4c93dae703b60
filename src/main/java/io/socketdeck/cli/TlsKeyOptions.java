package io.socketdeck.cli;

import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.KeySource;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The certificate a side presents, as both TLS mixins take it: a PKCS#12 or PEM file, its PEM key
 * when apart, and where its password comes from.
 */
final class TlsKeyOptions {

    @Option(names = "--cert", paramLabel = "FILE",
            description = "TLS: the certificate presented (for a client: mutual TLS), PKCS#12 or PEM (with its key,"
                    + " or see --key).")
    Path certificate;

    @Option(names = "--key", paramLabel = "PEM", description = "TLS: the PEM private key of --cert.")
    Path key;

    @Option(names = "--cert-password-env", paramLabel = "VAR",
            description = "TLS: read the password of --cert or --key from this environment variable"
                    + " (else it is asked on the terminal).")
    String passwordVariable;

    boolean given() {
        return certificate != null;
    }

    /** The key and chain of {@code --cert}; the password asked when needed. */
    KeyMaterial load(CommandSpec spec) {
        return TlsPasswords.load(spec, "--cert", new KeySource(certificate, key, null), passwordVariable);
    }
}
