package io.socketdeck.cli;

import io.socketdeck.core.tcp.Transport;
import io.socketdeck.core.tls.KeyMaterials;
import io.socketdeck.core.tls.TlsClientConfig;
import io.socketdeck.core.tls.TlsInputException;
import io.socketdeck.core.tls.TlsInputs;
import io.socketdeck.core.tls.TlsTransports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The TCP client's TLS options, as the client tab has them: verified by default against the
 * system's authorities and the host's name, like {@code openssl s_client -verify_return_error}.
 */
final class TlsClientMixin {

    @Option(names = "--tls", description = "Speak TLS (TCP only): verified against the system's authorities and"
            + " the host's name unless told otherwise.")
    boolean tls;

    @Option(names = "--sni", paramLabel = "NAME",
            description = "TLS: the server name sent (SNI) and verified (default: HOST).")
    String serverName;

    @Option(names = "--tls-versions", paramLabel = "LIST", defaultValue = "TLSv1.3,TLSv1.2",
            description = "TLS: the versions offered (default: ${DEFAULT-VALUE}).")
    String versions;

    @Option(names = "--alpn", paramLabel = "LIST", description = "TLS: application protocols offered, e.g. h2,http/1.1.")
    String alpn;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "TLS: also trust the authorities in this file (a private CA, a self-signed server).")
    Path caFile;

    @Option(names = "--pin", paramLabel = "SHA256",
            description = "TLS: trust the certificate with this SHA-256 fingerprint as it is (repeatable).")
    List<String> pins = new ArrayList<>();

    @Option(names = "--no-verify-hostname", description = "TLS: do not check that the certificate names the host.")
    boolean noVerifyHostname;

    @Option(names = "--insecure", description = "TLS: trust any certificate (nothing is verified; says so).")
    boolean insecure;

    @Mixin
    TlsKeyOptions key = new TlsKeyOptions();

    @Option(names = "--handshake-timeout", paramLabel = "MS", defaultValue = "10000",
            description = "TLS: how long the handshake may take (default: ${DEFAULT-VALUE}).")
    int handshakeTimeoutMillis;

    /** The transports of a TLS client of {@code host}:{@code port}; null without {@code --tls}. */
    Transport.Factory transports(CommandSpec spec, Protocol protocol, String host, int port) {
        if (!tls) {
            if (caFile != null || !pins.isEmpty() || insecure || key.given() || serverName != null) {
                throw new ParameterException(spec.commandLine(), "TLS options need --tls.");
            }
            return null;
        }
        if (protocol != Protocol.TCP) {
            throw new ParameterException(spec.commandLine(), "--tls: TCP only.");
        }
        if (handshakeTimeoutMillis < 1) {
            throw new ParameterException(spec.commandLine(), "--handshake-timeout: 1 or more milliseconds.");
        }
        TlsClientConfig config;
        try {
            config = TlsClientConfig.verified()
                    .withServerName(TlsInputs.serverName(serverName))
                    .withProtocols(TlsInputs.protocols(versions))
                    .withAlpn(TlsInputs.alpn(alpn))
                    .withPins(TlsInputs.pins(String.join(",", pins)))
                    .withVerifyHostname(!noVerifyHostname)
                    .withInsecure(insecure)
                    .withHandshakeTimeout(Duration.ofMillis(handshakeTimeoutMillis));
            if (caFile != null) {
                config = config.withAuthorities(KeyMaterials.certificates(caFile));
            }
        } catch (TlsInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (key.given()) {
            config = config.withClientKey(key.load(spec));
        }
        return TlsTransports.client(config, host, port);
    }

    long handshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }
}
