package io.socketdeck.core.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a TCP server speaks TLS.
 *
 * @param key                the certificate and key it presents
 * @param protocols          the versions accepted
 * @param alpn               the application protocols it agrees to, in preference order; may be empty
 * @param requireClientCert  refuse a client that presents no trusted certificate (mutual TLS)
 * @param clientAuthorities  trusted for client certificates; empty: the system's authorities
 */
public record TlsServerConfig(KeyMaterial key, List<String> protocols, List<String> alpn, boolean requireClientCert,
                              List<X509Certificate> clientAuthorities, Duration handshakeTimeout) {

    public TlsServerConfig {
        Objects.requireNonNull(key, "key");
        protocols = List.copyOf(protocols);
        alpn = List.copyOf(alpn);
        clientAuthorities = List.copyOf(clientAuthorities);
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    }

    /** Presents {@code key}; TLS 1.3 and 1.2; no ALPN; no client certificate asked for. */
    public static TlsServerConfig of(KeyMaterial key) {
        return new TlsServerConfig(key, TlsClientConfig.DEFAULT_PROTOCOLS, List.of(), false, List.of(),
                TlsClientConfig.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public TlsServerConfig withProtocols(List<String> versions) {
        return new TlsServerConfig(key, versions, alpn, requireClientCert, clientAuthorities, handshakeTimeout);
    }

    public TlsServerConfig withAlpn(List<String> protocolNames) {
        return new TlsServerConfig(key, protocols, protocolNames, requireClientCert, clientAuthorities,
                handshakeTimeout);
    }

    public TlsServerConfig withClientCertRequired(boolean required, List<X509Certificate> authorities) {
        return new TlsServerConfig(key, protocols, alpn, required, authorities, handshakeTimeout);
    }

    public TlsServerConfig withHandshakeTimeout(Duration timeout) {
        return new TlsServerConfig(key, protocols, alpn, requireClientCert, clientAuthorities, timeout);
    }
}
