package io.socketdeck.cli;

import io.socketdeck.core.tcp.Transport;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.KeyMaterials;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsInputException;
import io.socketdeck.core.tls.TlsInputs;
import io.socketdeck.core.tls.TlsServerConfig;
import io.socketdeck.core.tls.TlsTransports;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The TCP server's TLS options, as the server tab has them. */
final class TlsServerMixin {

    @Option(names = "--tls", description = "Speak TLS (TCP only), presenting --cert or a --self-signed certificate.")
    boolean tls;

    @Mixin
    TlsKeyOptions key = new TlsKeyOptions();

    @Option(names = "--self-signed", paramLabel = "NAMES", arity = "0..1", fallbackValue = "localhost,127.0.0.1,::1",
            description = "TLS: present a new self-signed certificate for these names and addresses"
                    + " (default: ${FALLBACK-VALUE}); its SHA-256 fingerprint is printed.")
    String selfSigned;

    @Option(names = "--require-client-cert", description = "TLS: refuse clients without a trusted certificate.")
    boolean requireClientCert;

    @Option(names = "--client-ca", paramLabel = "PEM",
            description = "TLS: the authorities client certificates must chain to (default: the system's).")
    Path clientCa;

    @Option(names = "--tls-versions", paramLabel = "LIST", defaultValue = "TLSv1.3,TLSv1.2",
            description = "TLS: the versions accepted (default: ${DEFAULT-VALUE}).")
    String versions;

    @Option(names = "--alpn", paramLabel = "LIST", description = "TLS: application protocols agreed to, e.g. h2.")
    String alpn;

    /** What the server presents, once loaded or made; null until {@link #transports}. */
    private KeyMaterial presented;

    /** The transports of every client; null without {@code --tls}. */
    Transport.Factory transports(CommandSpec spec, Protocol protocol) {
        if (!tls) {
            if (key.given() || selfSigned != null || requireClientCert) {
                throw new ParameterException(spec.commandLine(), "TLS options need --tls.");
            }
            return null;
        }
        if (protocol != Protocol.TCP) {
            throw new ParameterException(spec.commandLine(), "--tls: TCP only.");
        }
        if (key.given() == (selfSigned != null)) {
            throw new ParameterException(spec.commandLine(), "--tls: give --cert FILE or --self-signed.");
        }
        try {
            presented = key.given() ? key.load(spec)
                    : SelfSigned.generate(SelfSigned.parseNames(selfSigned), SelfSigned.ONE_YEAR);
            TlsServerConfig config = TlsServerConfig.of(presented)
                    .withProtocols(TlsInputs.protocols(versions))
                    .withAlpn(TlsInputs.alpn(alpn))
                    .withClientCertRequired(requireClientCert,
                            clientCa == null ? List.of() : KeyMaterials.certificates(clientCa));
            return TlsTransports.server(config);
        } catch (TlsInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The certificate presented, once {@link #transports} made it; null without TLS. */
    KeyMaterial presented() {
        return presented;
    }
}
