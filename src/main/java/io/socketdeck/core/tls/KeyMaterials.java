package io.socketdeck.core.tls;

import io.socketdeck.core.tls.TlsInputException.Field;
import io.socketdeck.core.tls.TlsInputException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.EncryptionException;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads certificates and keys from the files a user names: PKCS#12, or PEM (certificates, and
 * PKCS#8, PKCS#1 or SEC1 keys, encrypted or not), each problem as a {@link TlsInputException}
 * worded for the field it belongs to.
 */
public final class KeyMaterials {

    /** Bouncy Castle's provider, used by reference only: it is never installed JVM-wide. */
    private static final class Bc {
        static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    }

    private KeyMaterials() {
    }

    /** Loads and checks the key and chain of {@code source}. */
    public static KeyMaterial load(KeySource source) throws TlsInputException {
        byte[] bytes = read(source.certificate(), Field.CERTIFICATE);
        if (!isPem(bytes)) {
            return pkcs12(source.certificate(), bytes, source.password());
        }
        PemContents contents = pem(source.certificate(), bytes, source.password(), Field.CERTIFICATE);
        if (contents.certificates.isEmpty()) {
            throw new TlsInputException(Field.CERTIFICATE, Problem.NO_CERTIFICATE, source.certificate(), null);
        }
        PrivateKey key = contents.key;
        if (source.key() != null) {
            PemContents keyFile = pem(source.key(), read(source.key(), Field.KEY), source.password(), Field.KEY);
            key = keyFile.key;
            if (key == null) {
                throw new TlsInputException(Field.KEY, Problem.NO_KEY, source.key(), null);
            }
        }
        if (key == null) {
            throw new TlsInputException(Field.KEY, Problem.NO_KEY, source.certificate(), null);
        }
        if (!matches(key, contents.certificates.get(0))) {
            throw new TlsInputException(Field.KEY, Problem.KEY_DOES_NOT_MATCH,
                    source.key() != null ? source.key() : source.certificate(), null);
        }
        return new KeyMaterial(key, contents.certificates);
    }

    /** The certificates of a PEM (or DER) file of trusted authorities; at least one. */
    public static List<X509Certificate> certificates(Path file) throws TlsInputException {
        byte[] bytes = read(file, Field.CA_FILE);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Certificate certificate : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            throw new TlsInputException(Field.CA_FILE, Problem.NOT_A_CERTIFICATE_FILE, file, null);
        }
        if (certificates.isEmpty()) {
            throw new TlsInputException(Field.CA_FILE, Problem.NO_CERTIFICATE, file, null);
        }
        return certificates;
    }

    static byte[] read(Path file, Field field) throws TlsInputException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TlsInputException(field, Problem.FILE_MISSING, file, null);
        } catch (AccessDeniedException e) {
            throw new TlsInputException(field, Problem.FILE_UNREADABLE, file, null);
        } catch (IOException e) {
            throw new TlsInputException(field, Problem.FILE_UNREADABLE, file, e);
        }
    }

    private static boolean isPem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }

    private static KeyMaterial pkcs12(Path file, byte[] bytes, char[] password) throws TlsInputException {
        // openssl writes "no password" as the empty one: try it before asking.
        char[] tried = password == null ? new char[0] : password;
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), tried);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw passwordProblem(file, password);
            }
            throw new TlsInputException(Field.CERTIFICATE, Problem.NOT_A_CERTIFICATE_FILE, file, null);
        } catch (GeneralSecurityException e) {
            throw new TlsInputException(Field.CERTIFICATE, Problem.NOT_A_CERTIFICATE_FILE, file, null);
        }
        try {
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                PrivateKey key = (PrivateKey) store.getKey(alias, tried);
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain == null || chain.length == 0) {
                    throw new TlsInputException(Field.CERTIFICATE, Problem.NO_CERTIFICATE, file, null);
                }
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate certificate : chain) {
                    certificates.add((X509Certificate) certificate);
                }
                if (!matches(key, certificates.get(0))) {
                    throw new TlsInputException(Field.CERTIFICATE, Problem.KEY_DOES_NOT_MATCH, file, null);
                }
                return new KeyMaterial(key, certificates);
            }
        } catch (UnrecoverableKeyException e) {
            throw passwordProblem(file, password);
        } catch (GeneralSecurityException e) {
            throw new TlsInputException(Field.CERTIFICATE, Problem.NOT_A_CERTIFICATE_FILE, file, null);
        }
        throw new TlsInputException(Field.CERTIFICATE, Problem.NO_KEY, file, null);
    }

    private static TlsInputException passwordProblem(Path file, char[] password) {
        return new TlsInputException(Field.PASSWORD, password == null ? Problem.PASSWORD_NEEDED : Problem.WRONG_PASSWORD,
                file, null);
    }

    /** What one PEM file holds: certificates in order, and the key if there is one. */
    private record PemContents(List<X509Certificate> certificates, PrivateKey key) {
    }

    private static PemContents pem(Path file, byte[] bytes, char[] password, Field field) throws TlsInputException {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        // The JDK's own key types: Bouncy Castle's EC key calls itself "ECDSA", which the JDK's
        // signatures (and so the key check and the TLS engine) refuse as "not an EC key".
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(certs.getCertificate(holder));
                } else if (item instanceof PEMKeyPair pair) {
                    // Only the private half: a SEC1 key may leave its public key out (it is optional).
                    key = keys.getPrivateKey(pair.getPrivateKeyInfo());
                } else if (item instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    if (password == null) {
                        throw new TlsInputException(Field.PASSWORD, Problem.PASSWORD_NEEDED, file, null);
                    }
                    key = keys.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password)));
                } else if (item instanceof PEMEncryptedKeyPair encrypted) {
                    if (password == null) {
                        throw new TlsInputException(Field.PASSWORD, Problem.PASSWORD_NEEDED, file, null);
                    }
                    key = keys.getPrivateKey(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password))
                            .getPrivateKeyInfo());
                }
            }
        } catch (PKCSException | EncryptionException e) {
            throw new TlsInputException(Field.PASSWORD, Problem.WRONG_PASSWORD, file, null);
        } catch (PEMException e) {
            // Bouncy Castle wraps a failed decryption of a PKCS#1 key in a PEMException.
            if (password != null && e.getCause() != null) {
                throw new TlsInputException(Field.PASSWORD, Problem.WRONG_PASSWORD, file, null);
            }
            throw new TlsInputException(field, Problem.NOT_A_CERTIFICATE_FILE, file, null);
        } catch (IOException | CertificateException | OperatorCreationException | RuntimeException e) {
            throw new TlsInputException(field, Problem.NOT_A_CERTIFICATE_FILE, file, null);
        }
        return new PemContents(certificates, key == null ? null : jdkKey(key));
    }

    /**
     * The JDK's own form of a key Bouncy Castle decoded. Bouncy Castle names an EC key "ECDSA",
     * which the JDK's key managers (they pick a key by its algorithm's name) and its signatures
     * refuse: a PEM EC key, openssl's default, would match no certificate and serve no handshake.
     * A key the JDK cannot represent stays as it is.
     */
    static PrivateKey jdkKey(PrivateKey key) {
        String algorithm = "ECDSA".equals(key.getAlgorithm()) ? "EC" : key.getAlgorithm();
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    private static Signature signature(String algorithm) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm);
        if ("RSASSA-PSS".equals(algorithm)) {
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        return signature;
    }

    /** True when {@code key} signs what {@code certificate}'s public key verifies. */
    static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> null;
        };
        if (algorithm == null) {
            return true; // no way to test this kind of key here: the handshake will tell
        }
        try {
            byte[] probe = "socketdeck key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = signature(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = signature(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key of another kind than the certificate's
        }
    }
}
