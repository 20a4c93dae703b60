package io.socketdeck.core.session;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.IpLiterals;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One certificate a TLS peer presented, as a user reads it: who it names, who signed it, when it
 * is valid, its SHA-256 fingerprint (what {@code openssl x509 -fingerprint -sha256} prints) and
 * the names and addresses it covers. A plain value: events carry it across threads.
 *
 * @param sha256 the fingerprint of the DER encoding, upper-case hex bytes joined by colons
 * @param names  the subject alternative names, DNS names and IP addresses as written
 */
public record PeerCertificate(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256,
                              List<String> names) {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    public PeerCertificate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256, "sha256");
        names = List.copyOf(names);
    }

    /** Reads what a user needs from {@code certificate}. */
    public static PeerCertificate of(X509Certificate certificate) {
        return new PeerCertificate(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), fingerprint(certificate), names(certificate));
    }

    /** Each certificate of a chain, the peer's own first. */
    public static List<PeerCertificate> chain(X509Certificate[] chain) {
        List<PeerCertificate> out = new ArrayList<>(chain == null ? 0 : chain.length);
        if (chain != null) {
            for (X509Certificate certificate : chain) {
                out.add(of(certificate));
            }
        }
        return out;
    }

    /** The SHA-256 fingerprint of {@code certificate}: "AB:CD:…", 32 bytes. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e); // every JDK has SHA-256
        }
    }

    /**
     * A fingerprint as typed or pasted (any case, with or without colons or spaces) written the
     * way {@link #fingerprint} writes it; null when it is not 32 bytes of hex.
     */
    public static String normalizeFingerprint(String typed) {
        if (typed == null) {
            return null;
        }
        String hex = typed.replaceAll("[\\s:]", "");
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    int type = (Integer) name.get(0);
                    if (type == SAN_DNS) {
                        names.add(String.valueOf(name.get(1)));
                    } else if (type == SAN_IP) {
                        String address = String.valueOf(name.get(1)); // the JDK writes 0:0:0:0:0:0:0:1
                        names.add(IpLiterals.parse(address).map(Addresses::formatHost).orElse(address));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A malformed extension: the certificate is shown without names rather than not at all.
        }
        return names;
    }

    /** The common name in the subject, or the whole subject when it has none. */
    public String commonName() {
        for (String part : subject.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String trimmed = part.trim();
            if (trimmed.regionMatches(true, 0, "CN=", 0, 3)) {
                return trimmed.substring(3);
            }
        }
        return subject;
    }
}
