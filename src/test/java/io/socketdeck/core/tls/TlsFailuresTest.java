package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.tcp.TransportFailure;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JDK's words (as JDK 11 to 25 throw them, both sides of a handshake) each named as their
 * cause; the real peers of the other tests show the words of the JDK that runs them.
 */
class TlsFailuresTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Received fatal alert: certificate_required | TLS_ALERT_RECEIVED | certificate_required",
        "Received fatal alert: handshake_failure | TLS_ALERT_RECEIVED | handshake_failure",
        "Received fatal alert: unrecognized_name | TLS_ALERT_RECEIVED | unrecognized_name",
        "Received fatal alert: protocol_version | TLS_PROTOCOL_MISMATCH | protocol_version",
        "Unsupported or unrecognized SSL message | TLS_PLAINTEXT_PEER | ''",
        "Unrecognized SSL message, plaintext connection? | TLS_PLAINTEXT_PEER | ''",
        "No appropriate protocol (protocol is disabled or cipher suites are inappropriate) | TLS_PROTOCOL_MISMATCH |",
        "Client requested protocol TLSv1.2 is not enabled or supported in server context | TLS_PROTOCOL_MISMATCH |",
        "The server selected protocol version TLS10 is not accepted by client preferences [TLS13] | TLS_PROTOCOL_MISMATCH |",
        "no cipher suites in common | TLS_PROTOCOL_MISMATCH |",
        "Empty client certificate chain | TLS_CERT_REFUSED | the client sent no certificate, and this server requires one (Require client certificate)",
        "Something the JDK has never said | TLS | Something the JDK has never said",
    })
    void theJdksWordsAreNamed(String message, FailureKind kind, String detail) {
        TransportFailure failure = TlsFailures.classify(new SSLHandshakeException(message));
        assertEquals(kind, failure.kind(), message);
        if (detail != null && kind != FailureKind.TLS_PROTOCOL_MISMATCH) {
            assertEquals(detail, failure.detail());
        }
    }

    @Test
    void ourOwnRefusalWinsOverTheWordsAroundIt() {
        CertificateRefused refused = new CertificateRefused(FailureKind.TLS_CERT_EXPIRED, "device\n2020-01-01",
                List.<PeerCertificate>of(), null);
        SSLHandshakeException thrown = new SSLHandshakeException("Received fatal alert: certificate_unknown");
        thrown.initCause(new SSLException("wrapped", refused));
        TransportFailure failure = TlsFailures.classify(thrown);
        assertEquals(FailureKind.TLS_CERT_EXPIRED, failure.kind());
        assertEquals("device\n2020-01-01", failure.detail());
    }

    @Test
    void anExceptionWithoutWordsIsNamedByItsClass() {
        assertEquals("SSLException", TlsFailures.classify(new SSLException((String) null)).detail());
    }
}
