package io.socketdeck.testsupport;

import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made in the test, with Bouncy Castle: a private CA and leaves it signs (for a
 * name, valid or expired or not yet valid), self-signed ones, written as PEM or PKCS#12 for a
 * peer process or for {@code KeyMaterials}. EC P-256 keys: fast to make, spoken by every peer.
 */
public final class TestCertificates {

    /** Used by reference, never installed JVM-wide (as in the application). */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TestCertificates() {
    }

    /** A private certificate authority: its key and self-signed certificate. */
    public record Authority(PrivateKey key, X509Certificate certificate) {

        /** A leaf for {@code names}, valid from an hour ago for a day; chain: leaf, this CA. */
        public KeyMaterial issue(String... names) {
            return issue(List.of(names), Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
        }

        /** A leaf for {@code names} valid from {@code notBefore} to {@code notAfter}; chain: leaf, this CA. */
        public KeyMaterial issue(List<String> names, Instant notBefore, Instant notAfter) {
            KeyPair pair = newKeyPair();
            List<GeneralName> alternatives = new ArrayList<>();
            for (String name : names) {
                alternatives.add(new GeneralName(IpLiterals.isLiteral(name) ? GeneralName.iPAddress
                        : GeneralName.dNSName, name));
            }
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate,
                        serial(), Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + names.get(0)),
                        pair.getPublic());
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                return new KeyMaterial(pair.getPrivate(), List.of(sign(builder, key), certificate));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes this CA's certificate as PEM to {@code file}; returns it. */
        public Path writePem(Path file) throws IOException {
            Files.writeString(file, pem(certificate), StandardCharsets.US_ASCII);
            return file;
        }
    }

    /** A new CA named {@code commonName}, valid from an hour ago for ten days. */
    public static Authority authority(String commonName) {
        KeyPair pair = newKeyPair();
        X500Name name = new X500Name("CN=" + commonName + ",O=SocketDeck tests");
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(Duration.ofDays(10))),
                    name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Authority(pair.getPrivate(), sign(builder, pair.getPrivate()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate for {@code names}, valid from a minute ago for a year. */
    public static KeyMaterial selfSigned(String... names) {
        return SelfSigned.generate(List.of(names), SelfSigned.ONE_YEAR);
    }

    /** The PEM files of a key: {@code cert} holds the chain, {@code key} the unencrypted PKCS#8 key. */
    public record PemFiles(Path cert, Path key) {
    }

    /** Writes {@code material} as {@code dir/name.crt} (chain) and {@code dir/name.key}. */
    public static PemFiles writePem(KeyMaterial material, Path dir, String name) throws IOException {
        PemFiles files = new PemFiles(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        try {
            SelfSigned.writePem(material, files.cert(), files.key());
        } catch (TlsInputException e) {
            throw new IOException(e);
        }
        return files;
    }

    /** Writes {@code material} as a PKCS#12 file {@code dir/name.p12} protected by {@code password}. */
    public static Path writePkcs12(KeyMaterial material, Path dir, String name, String password) throws IOException {
        Path file = dir.resolve(name + ".p12");
        try {
            SelfSigned.writePkcs12(material, file, password.toCharArray());
        } catch (TlsInputException e) {
            throw new IOException(e);
        }
        return file;
    }

    /** Writes {@code key} encrypted with {@code password}: PKCS#8 ("ENCRYPTED PRIVATE KEY") or OpenSSL's traditional form. */
    public static Path writeEncryptedKey(PrivateKey key, Path file, String password, boolean pkcs8) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (pkcs8) {
                writer.writeObject(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(
                        JcaPKCS8Generator.AES_256_CBC).setProvider(BC).setPassword(password.toCharArray()).build()));
            } else {
                // Through Bouncy Castle's own key: the JDK's EC encoding leaves the curve out of
                // the SEC1 structure that "BEGIN EC PRIVATE KEY" holds.
                PrivateKey bcKey = KeyFactory.getInstance(key.getAlgorithm(), BC)
                        .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
                writer.writeObject(new JcaMiscPEMGenerator(bcKey, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC)
                        .build(password.toCharArray())));
            }
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IOException(e);
        }
        Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /** {@code object} (a certificate, a key) as PEM text. */
    public static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }
}
