package io.socketdeck.core.tls;

import io.socketdeck.core.session.PeerCertificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a TCP client speaks TLS: verified by default (the system's authorities, the host's name),
 * with what the user added (a CA file, pinned fingerprints, a client certificate) or switched off
 * (hostname verification, or all verification: insecure).
 *
 * @param serverName     sent as SNI and checked against the certificate; null or blank: the host
 * @param protocols      the versions offered, e.g. TLSv1.3 and TLSv1.2
 * @param alpn           the application protocols offered (ALPN), in preference order; may be empty
 * @param authorities    trusted in addition to the system's (a CA file's certificates)
 * @param pins           SHA-256 fingerprints trusted as they are, in any case, with or without colons
 * @param verifyHostname check that the certificate names {@code serverName}
 * @param insecure       trust any certificate: nothing is checked
 * @param clientKey      presented when the server asks for a certificate; null for none
 */
public record TlsClientConfig(String serverName, List<String> protocols, List<String> alpn,
                              List<X509Certificate> authorities, Set<String> pins, boolean verifyHostname,
                              boolean insecure, KeyMaterial clientKey, Duration handshakeTimeout) {

    /** How long a handshake may take, as {@code openssl s_client} users expect from a dead peer. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsClientConfig {
        protocols = List.copyOf(protocols);
        alpn = List.copyOf(alpn);
        authorities = List.copyOf(authorities);
        pins = normalized(pins);
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    }

    /** Verified against the system's authorities and the host's name; TLS 1.3 and 1.2; no ALPN. */
    public static TlsClientConfig verified() {
        return new TlsClientConfig(null, DEFAULT_PROTOCOLS, List.of(), List.of(), Set.of(), true, false, null,
                DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public TlsClientConfig withServerName(String name) {
        return new TlsClientConfig(name, protocols, alpn, authorities, pins, verifyHostname, insecure, clientKey,
                handshakeTimeout);
    }

    public TlsClientConfig withProtocols(List<String> versions) {
        return new TlsClientConfig(serverName, versions, alpn, authorities, pins, verifyHostname, insecure, clientKey,
                handshakeTimeout);
    }

    public TlsClientConfig withAlpn(List<String> protocolNames) {
        return new TlsClientConfig(serverName, protocols, protocolNames, authorities, pins, verifyHostname, insecure,
                clientKey, handshakeTimeout);
    }

    public TlsClientConfig withAuthorities(List<X509Certificate> certificates) {
        return new TlsClientConfig(serverName, protocols, alpn, certificates, pins, verifyHostname, insecure,
                clientKey, handshakeTimeout);
    }

    public TlsClientConfig withPins(Set<String> fingerprints) {
        return new TlsClientConfig(serverName, protocols, alpn, authorities, fingerprints, verifyHostname, insecure,
                clientKey, handshakeTimeout);
    }

    public TlsClientConfig withVerifyHostname(boolean verify) {
        return new TlsClientConfig(serverName, protocols, alpn, authorities, pins, verify, insecure, clientKey,
                handshakeTimeout);
    }

    public TlsClientConfig withInsecure(boolean trustAny) {
        return new TlsClientConfig(serverName, protocols, alpn, authorities, pins, verifyHostname, trustAny,
                clientKey, handshakeTimeout);
    }

    public TlsClientConfig withClientKey(KeyMaterial key) {
        return new TlsClientConfig(serverName, protocols, alpn, authorities, pins, verifyHostname, insecure, key,
                handshakeTimeout);
    }

    public TlsClientConfig withHandshakeTimeout(Duration timeout) {
        return new TlsClientConfig(serverName, protocols, alpn, authorities, pins, verifyHostname, insecure,
                clientKey, timeout);
    }

    /** Fingerprints written as {@link PeerCertificate#fingerprint} writes them; what is not one is dropped. */
    private static Set<String> normalized(Set<String> typed) {
        return typed.stream().map(PeerCertificate::normalizeFingerprint).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The name sent as SNI and verified: the one set, else {@code host}. */
    public String nameFor(String host) {
        return serverName == null || serverName.isBlank() ? host : serverName.trim();
    }
}
