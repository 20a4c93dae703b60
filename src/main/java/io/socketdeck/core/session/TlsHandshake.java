package io.socketdeck.core.session;

import java.util.List;
import java.util.Objects;

/**
 * A TLS handshake that completed: what was agreed and who the peer is, as {@code openssl s_client}
 * shows it.
 *
 * @param protocol        "TLSv1.3", "TLSv1.2"
 * @param cipherSuite     the suite agreed, e.g. "TLS_AES_256_GCM_SHA384"
 * @param alpn            the application protocol agreed by ALPN; empty when none was
 * @param resumed         true when an earlier session was resumed instead of a full handshake
 * @param handshakeNanos  from the first handshake byte sent or received to the handshake's end
 * @param peerChain       the certificates the peer presented, its own first; empty when it sent
 *                        none (a client without a certificate)
 * @param trustedBy       how the peer's certificate was accepted, see {@link Trust}
 */
public record TlsHandshake(String protocol, String cipherSuite, String alpn, boolean resumed, long handshakeNanos,
                           List<PeerCertificate> peerChain, Trust trustedBy) {

    /** Why the peer's certificate was accepted. */
    public enum Trust {
        /** It chains to a trusted authority and names the host (or it is a client's, checked). */
        VERIFIED,
        /** Its fingerprint is one the user pinned: trusted as it is, whatever else it says. */
        PINNED,
        /** Nothing was checked: the user switched verification off. */
        INSECURE,
        /** The peer presented no certificate (a client, when none was asked for). */
        NONE
    }

    public TlsHandshake {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        alpn = alpn == null ? "" : alpn;
        peerChain = List.copyOf(peerChain);
        Objects.requireNonNull(trustedBy, "trustedBy");
    }

    /** The handshake's time in whole milliseconds, rounded up so a fast one never reads 0. */
    public long handshakeMillis() {
        return (handshakeNanos + 999_999) / 1_000_000;
    }
}
