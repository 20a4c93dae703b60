package io.socketdeck.ui.tls;

import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.ui.common.I18n;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A peer's certificate chain as a few lines per certificate (subject, issuer, validity, SHA-256
 * fingerprint, names), for a read-only text view the user can select and copy from.
 */
public final class CertificateChainText {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private CertificateChainText() {
    }

    /** The chain, the peer's own certificate first; {@code heading} (may be null) goes on top. */
    public static String of(String heading, List<PeerCertificate> chain) {
        StringBuilder text = new StringBuilder();
        if (heading != null) {
            text.append(heading).append('\n');
        }
        for (int i = 0; i < chain.size(); i++) {
            PeerCertificate certificate = chain.get(i);
            text.append(i == 0 ? "" : "\n").append(I18n.format("tls.chain.certificate", i + 1, certificate.subject()))
                    .append("\n    ").append(I18n.format("tls.chain.issuer", certificate.issuer()))
                    .append("\n    ").append(I18n.format("tls.chain.validity", WHEN.format(certificate.notBefore()),
                            WHEN.format(certificate.notAfter())))
                    .append("\n    ").append(I18n.format("tls.chain.sha256", certificate.sha256()));
            if (!certificate.names().isEmpty()) {
                text.append("\n    ").append(I18n.format("tls.chain.names", String.join(", ", certificate.names())));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
