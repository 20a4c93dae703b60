package io.socketdeck.core.tls;

import io.socketdeck.core.session.PeerCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A private key and the certificate chain that goes with it, loaded and checked (the key matches
 * the first certificate): what a server presents, or a client for mutual TLS.
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    public KeyMaterial {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
    }

    /** The certificate presented: the first of the chain. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The presented certificate as a user reads it. */
    public PeerCertificate describe() {
        return PeerCertificate.of(certificate());
    }

    /** Key managers that present this key and chain, for an {@code SSLContext}. */
    KeyManager[] keyManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("an in-memory key store refused a loaded key", e);
        }
    }
}
