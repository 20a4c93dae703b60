package io.socketdeck.cli;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.EventTexts;

/** A session's failure as a command's end: the log's words and the exit status scripts test. */
public final class Failures {

    private Failures() {
    }

    public static ExitCode exitCode(FailureKind kind) {
        return switch (kind) {
            case CONNECTION_REFUSED, PORT_UNREACHABLE -> ExitCode.REFUSED;
            case CONNECT_TIMEOUT -> ExitCode.CONNECT_TIMEOUT;
            case UNKNOWN_HOST -> ExitCode.UNKNOWN_HOST;
            case TLS_CERT_EXPIRED, TLS_CERT_NOT_YET_VALID, TLS_HOSTNAME_MISMATCH, TLS_UNKNOWN_ISSUER,
                 TLS_CERT_REFUSED, TLS_ALERT_RECEIVED, TLS_ALERT_SENT, TLS_PROTOCOL_MISMATCH, TLS_PLAINTEXT_PEER,
                 TLS_HANDSHAKE_TIMEOUT, TLS_PEER_LEFT_HANDSHAKE, TLS_RENEGOTIATION_REFUSED, TLS -> ExitCode.TLS_FAILED;
            default -> ExitCode.FAILED;
        };
    }

    /**
     * The failure's words; for a refused TLS certificate also the certificate presented, with its
     * fingerprint: what {@code --pin} takes to trust it after all.
     */
    public static CliFailure of(SessionEvent.Failure failure) {
        StringBuilder message = new StringBuilder(EventTexts.failure(failure));
        if (!failure.peerChain().isEmpty()) {
            message.append(System.lineSeparator()).append("  ")
                    .append(EventTexts.certificate(failure.peerChain().get(0)))
                    .append(System.lineSeparator()).append("  --pin ").append(failure.peerChain().get(0).sha256());
        }
        return new CliFailure(exitCode(failure.kind()), message.toString());
    }
}
