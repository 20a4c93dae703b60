package io.socketdeck.core.tcp;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.PeerCertificate;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A transport's own failure, already named for the user: a TLS certificate refused, an alert, a
 * plaintext peer. The connection reports it as one {@code Failure} event of {@link #kind()} and
 * closes.
 */
public final class TransportFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String detail;
    private final transient List<PeerCertificate> peerChain;

    /**
     * @param detail    the specifics for the user's message (the names a certificate has, an
     *                  alert's name); never the library's stack
     * @param peerChain what the peer presented, when its certificate was refused; else empty
     */
    public TransportFailure(FailureKind kind, String detail, List<PeerCertificate> peerChain, Throwable cause) {
        super(kind + ": " + detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = detail == null ? "" : detail;
        this.peerChain = List.copyOf(peerChain);
    }

    public FailureKind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public List<PeerCertificate> peerChain() {
        return peerChain;
    }
}
