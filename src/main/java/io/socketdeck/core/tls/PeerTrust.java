package io.socketdeck.core.tls;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.session.TlsHandshake.Trust;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Decides whether a peer's certificate is trusted, as {@code openssl s_client -verify_return_error
 * -verify_hostname} would, and says why not in words: a pinned fingerprint is trusted as it is;
 * with verification off anything is; otherwise the certificate must be valid today, chain to one
 * of the authorities, and (for a server) name the host. The verdict is kept in the handshake's
 * session, so the connection can report how the peer was trusted.
 */
final class PeerTrust extends X509ExtendedTrustManager {

    /** The session value that holds the {@link Trust} verdict. */
    static final String VERDICT = "io.socketdeck.tls.trust";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final List<X509TrustManager> authorities;
    private final Set<String> pins;
    private final boolean insecure;
    private final String expectedName;

    /**
     * @param authorities  the trust managers of the authorities (the system's, a CA file's); one
     *                     that accepts the chain is enough
     * @param pins         fingerprints ({@link PeerCertificate#fingerprint}) trusted whatever else
     * @param expectedName the name a server's certificate must carry; null for none (a client's,
     *                     or hostname verification off)
     */
    PeerTrust(List<X509TrustManager> authorities, Set<String> pins, boolean insecure, String expectedName) {
        this.authorities = List.copyOf(authorities);
        this.pins = Set.copyOf(pins);
        this.insecure = insecure;
        this.expectedName = expectedName;
    }

    /** The system's trusted authorities (the JDK's {@code cacerts}), plus {@code extra} when any. */
    static List<X509TrustManager> authorities(boolean system, List<X509Certificate> extra) {
        List<X509TrustManager> managers = new ArrayList<>();
        try {
            if (system) {
                managers.add(managerOf(null));
            }
            if (!extra.isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < extra.size(); i++) {
                    store.setCertificateEntry("ca-" + i, extra.get(i));
                }
                managers.add(managerOf(store));
            }
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the JDK's trust managers cannot be set up", e);
        }
        return managers;
    }

    private static X509TrustManager managerOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        record(engine, check(chain, authType, false));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        record(engine, check(chain, authType, true));
    }

    private static void record(SSLEngine engine, Trust verdict) {
        SSLSession session = engine == null ? null : engine.getHandshakeSession();
        if (session != null) {
            session.putValue(VERDICT, verdict);
        }
    }

    private Trust check(X509Certificate[] chain, String authType, boolean client) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateRefused(FailureKind.TLS_CERT_REFUSED, "", List.of(), null);
        }
        if (insecure) {
            return Trust.INSECURE;
        }
        List<PeerCertificate> shown = PeerCertificate.chain(chain);
        PeerCertificate leaf = shown.get(0);
        if (pins.contains(leaf.sha256())) {
            return Trust.PINNED;
        }
        try {
            chain[0].checkValidity();
        } catch (CertificateExpiredException e) {
            throw new CertificateRefused(FailureKind.TLS_CERT_EXPIRED,
                    leaf.commonName() + "\n" + DAY.format(leaf.notAfter()), shown, e);
        } catch (CertificateNotYetValidException e) {
            throw new CertificateRefused(FailureKind.TLS_CERT_NOT_YET_VALID,
                    leaf.commonName() + "\n" + DAY.format(leaf.notBefore()), shown, e);
        }
        CertificateException last = null;
        boolean trusted = false;
        for (X509TrustManager authority : authorities) {
            try {
                if (client) {
                    authority.checkClientTrusted(chain, authType);
                } else {
                    authority.checkServerTrusted(chain, authType);
                }
                trusted = true;
                break;
            } catch (CertificateException e) {
                last = e;
            }
        }
        if (!trusted) {
            PeerCertificate top = shown.get(shown.size() - 1);
            throw new CertificateRefused(FailureKind.TLS_UNKNOWN_ISSUER,
                    leaf.commonName() + "\n" + top.issuer(), shown, last);
        }
        if (expectedName != null && !HostnameMatch.matches(expectedName, leaf)) {
            String names = leaf.names().isEmpty() ? "CN=" + leaf.commonName() : String.join(", ", leaf.names());
            throw new CertificateRefused(FailureKind.TLS_HOSTNAME_MISMATCH, expectedName + "\n" + names, shown, null);
        }
        return Trust.VERIFIED;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, false);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType, true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType, false);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> issuers = new ArrayList<>();
        for (X509TrustManager authority : authorities) {
            issuers.addAll(List.of(authority.getAcceptedIssuers()));
        }
        return issuers.toArray(X509Certificate[]::new);
    }
}
