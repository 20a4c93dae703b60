package io.socketdeck.core.tls;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.tcp.TransportFailure;
import io.socketdeck.core.text.TextBundle;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Names the cause of a failed TLS handshake for the user, from what the JDK's engine threw: our
 * own certificate refusal, an alert the peer sent, no common protocol, a peer that does not speak
 * TLS at all. The engine's messages are stable across JDK 11 to 25; what is not recognised keeps
 * its own words under {@link FailureKind#TLS}.
 */
final class TlsFailures {

    private static final TextBundle TEXT = TextBundle.of(TlsFailures.class);
    /**
     * The JDK's words (11 to 25, both sides) for "nothing both sides accept": a server refusing
     * the client's version ("Client requested protocol TLSv1.2 is not enabled or supported in
     * server context"), a client refusing the server's choice, no cipher suite in common.
     */
    private static final List<String> PROTOCOL_MISMATCH = List.of("no appropriate protocol", "protocol versions",
            "is not enabled or supported", "not accepted by client preferences", "no negotiable cipher suite",
            "no common cipher", "no cipher suites in common", "unsupported protocol version");
    private static final Pattern ALERT_RECEIVED = Pattern.compile("Received fatal alert: (\\w+)");

    private TlsFailures() {
    }

    static TransportFailure classify(SSLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateRefused refused) {
                return new TransportFailure(refused.kind(), refused.detail(), refused.chain(), error);
            }
        }
        // A message-less exception is named by its class rather than shown as "null".
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        Matcher alert = ALERT_RECEIVED.matcher(message);
        if (alert.find()) {
            String name = alert.group(1);
            FailureKind kind = "protocol_version".equals(name) ? FailureKind.TLS_PROTOCOL_MISMATCH
                    : FailureKind.TLS_ALERT_RECEIVED;
            return failure(kind, name, error);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return failure(FailureKind.TLS_PLAINTEXT_PEER, "", error);
        }
        if (PROTOCOL_MISMATCH.stream().anyMatch(lower::contains)) {
            return failure(FailureKind.TLS_PROTOCOL_MISMATCH, message, error);
        }
        if (lower.contains("renegotiation")) {
            return failure(FailureKind.TLS_RENEGOTIATION_REFUSED, "", error);
        }
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return failure(FailureKind.TLS_CERT_REFUSED, String.valueOf(cause.getMessage()), error);
            }
        }
        if (lower.contains("empty client certificate chain")) {
            // The JDK's words are about a chain; the user's are about a client that sent none.
            return failure(FailureKind.TLS_CERT_REFUSED, TEXT.text("tls.failure.noClientCertificate"), error);
        }
        if (lower.contains("empty server certificate chain")) {
            return failure(FailureKind.TLS_CERT_REFUSED, TEXT.text("tls.failure.noServerCertificate"), error);
        }
        return failure(FailureKind.TLS, message, error);
    }

    static TransportFailure failure(FailureKind kind, String detail, Throwable cause) {
        return new TransportFailure(kind, detail, List.<PeerCertificate>of(), cause);
    }
}
