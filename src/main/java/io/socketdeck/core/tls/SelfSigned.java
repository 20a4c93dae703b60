package io.socketdeck.core.tls;

import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.tls.TlsInputException.Field;
import io.socketdeck.core.tls.TlsInputException.Problem;
import io.socketdeck.core.util.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed certificate for a test server: an EC P-256 key, valid from now for the
 * given time, naming the given host names and addresses (the first is also its common name), for
 * both server and client use. Written as PKCS#12 (one file, with a password) or PEM (certificate
 * and key side by side).
 */
public final class SelfSigned {

    public static final Duration ONE_YEAR = Duration.ofDays(365);
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    private SelfSigned() {
    }

    /**
     * The names typed ("localhost, 127.0.0.1, ::1, device.lan"), checked: each a DNS name (a
     * wildcard allowed in front) or an IP address.
     */
    public static List<String> parseNames(String typed) throws TlsInputException {
        List<String> names = new ArrayList<>();
        for (String part : typed == null ? new String[0] : typed.split("[,\\s]+")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!IpLiterals.isLiteral(name) && (name.length() > 253 || !DNS_NAME.matcher(name).matches())) {
                throw new TlsInputException(Field.NAMES, Problem.BAD_NAME, name, null);
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new TlsInputException(Field.NAMES, Problem.NO_NAMES, "", null);
        }
        return names;
    }

    /** A new key and a certificate for {@code names}, valid from a minute ago for {@code validity}. */
    public static KeyMaterial generate(List<String> names, Duration validity) {
        return generate(names, Instant.now().minusSeconds(60), Instant.now().plus(validity));
    }

    /** A new key and a certificate for {@code names}, valid from {@code notBefore} to {@code notAfter}. */
    public static KeyMaterial generate(List<String> names, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.get(0))
                    .addRDN(BCStyle.O, "SocketDeck self-signed").build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()), Date.from(notBefore), Date.from(notAfter), subject,
                    pair.getPublic());
            List<GeneralName> alternatives = new ArrayList<>();
            for (String name : names) {
                alternatives.add(new GeneralName(IpLiterals.isLiteral(name) ? GeneralName.iPAddress : GeneralName.dNSName,
                        name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new KeyMaterial(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("the JDK cannot make an EC P-256 certificate", e);
        }
    }

    /** Writes {@code material} as a PKCS#12 file protected by {@code password}. */
    public static void writePkcs12(KeyMaterial material, Path file, char[] password) throws TlsInputException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("socketdeck", material.key(), password,
                    material.chain().toArray(X509Certificate[]::new));
            try (OutputStream out = Channels.newOutputStream(PrivateFiles.openTruncated(file))) {
                store.store(out, password);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsInputException(Field.CERTIFICATE, Problem.CANNOT_WRITE, file, e);
        }
    }

    /** Writes the certificate to {@code certificateFile} and the key (unencrypted) to {@code keyFile}, PEM. */
    public static void writePem(KeyMaterial material, Path certificateFile, Path keyFile) throws TlsInputException {
        try {
            try (OutputStream out = Channels.newOutputStream(PrivateFiles.openTruncated(keyFile))) {
                // PKCS#8 ("PRIVATE KEY", as openssl 3 writes it): Bouncy Castle's default for a JDK EC
                // key is an "EC PRIVATE KEY" without its curve, which neither openssl nor we can read.
                out.write(pem(new JcaPKCS8Generator(material.key(), null)));
            }
        } catch (IOException e) {
            throw new TlsInputException(Field.KEY, Problem.CANNOT_WRITE, keyFile, e);
        }
        try {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                for (X509Certificate certificate : material.chain()) {
                    writer.writeObject(certificate);
                }
            }
            Files.write(certificateFile, out.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new TlsInputException(Field.CERTIFICATE, Problem.CANNOT_WRITE, certificateFile, e);
        }
    }

    private static byte[] pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
