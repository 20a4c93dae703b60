package io.socketdeck.core.tls;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.PeerCertificate;
import java.security.cert.CertificateException;
import java.util.List;

/**
 * {@link PeerTrust}'s refusal of a peer's certificate, named for the user (expired, a wrong name,
 * an unknown issuer) rather than as the library's path-building message. It travels inside the
 * engine's handshake exception and comes out as the connection's failure event.
 */
final class CertificateRefused extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String detail;
    private final transient List<PeerCertificate> chain;

    CertificateRefused(FailureKind kind, String detail, List<PeerCertificate> chain, Throwable cause) {
        super(kind + ": " + detail, cause);
        this.kind = kind;
        this.detail = detail;
        this.chain = List.copyOf(chain);
    }

    FailureKind kind() {
        return kind;
    }

    String detail() {
        return detail;
    }

    List<PeerCertificate> chain() {
        return chain;
    }
}
