package io.socketdeck.bench;

import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS benches' keys and plain-JDK contexts: a self-signed certificate for 127.0.0.1 made with
 * the app's own {@link SelfSigned}, handed between processes as Base64 DER on a command line or a
 * line of output, and {@link SSLContext}s that present it or trust exactly it.
 */
final class TlsKeys {

    /** TLS 1.3 only: the benches measure the version a new peer negotiates today. */
    static final String[] TLS13 = {"TLSv1.3"};

    private TlsKeys() {
    }

    /** A fresh EC P-256 key and a certificate naming 127.0.0.1 (the address every bench connects to). */
    static KeyMaterial selfSigned() {
        return SelfSigned.generate(List.of("127.0.0.1", "localhost"), Duration.ofDays(1));
    }

    static String encode(X509Certificate certificate) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }

    static X509Certificate decode(String base64) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64.trim())));
    }

    /** A server context presenting {@code key}. */
    static SSLContext presenting(KeyMaterial key) throws Exception {
        char[] password = "bench".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", key.key(), password, key.chain().toArray(X509Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * A client context that trusts {@code certificate} and nothing else, verified by the JDK as any
     * Java client would (chain and validity; the name is checked by the caller's endpoint setting).
     */
    static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("peer", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
