package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.tcp.Transport;
import io.socketdeck.testsupport.Await;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider that hands the handshake's curve work to Bouncy Castle: it is first, it answers the
 * requests the JDK's TLS makes in the forms it makes them, and what it produces is what the JDK's
 * own SunEC accepts (and the reverse).
 */
class FastCurvesTest {

    private static final byte[] MESSAGE = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void install() {
        FastCurves.install();
    }

    @Test
    void installingAgainKeepsOneProviderInFirstPlace() {
        FastCurves.install();
        assertEquals(FastCurves.NAME, Security.getProviders()[0].getName());
        assertEquals(1, Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals(FastCurves.NAME)).count());
    }

    /**
     * A client makes one handshake and gains nothing; a server's handshakes switch to the provider
     * once clients keep coming and a background thread has warmed it.
     */
    @Test
    void aTlsServerWithClientsComingInstallsItWarmAndAClientDoesNot() throws IOException {
        FastCurves.uninstall();
        try {
            Transport.Factory client = TlsTransports.client(TlsClientConfig.verified(), "localhost", 443);
            Transport.Factory server = TlsTransports.server(
                    TlsServerConfig.of(SelfSigned.generate(List.of("localhost"), SelfSigned.ONE_YEAR)));
            for (int i = 1; i < FastCurves.CLIENTS_BEFORE_WARMING; i++) {
                try (SocketChannel channel = SocketChannel.open()) {
                    server.over(channel);
                    client.over(channel);
                }
            }
            assertNull(Security.getProvider(FastCurves.NAME), "a few clients: SunEC");
            try (SocketChannel channel = SocketChannel.open()) {
                server.over(channel);
            }
            Await.until(FastCurves::isInstalled, Duration.ofSeconds(60), "the provider installed, warm");
            assertEquals(FastCurves.NAME, Security.getProviders()[0].getName());
        } finally {
            FastCurves.install();
        }
    }

    @ParameterizedTest
    @CsvSource({"SHA256withECDSA, secp256r1", "SHA384withECDSA, secp384r1", "SHA512withECDSA, secp521r1"})
    void ecdsaSignaturesAreOursAndTheJdkAgreesWithThemBothWays(String algorithm, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair jdkKeys = generator.generateKeyPair();

        Signature ours = Signature.getInstance(algorithm);
        ours.initSign(jdkKeys.getPrivate());
        ours.update(MESSAGE);
        byte[] signedByUs = ours.sign();
        assertEquals(FastCurves.NAME, ours.getProvider().getName());

        Signature jdk = Signature.getInstance(algorithm, "SunEC");
        jdk.initVerify(jdkKeys.getPublic());
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signedByUs), "SunEC verifies our signature");

        jdk.initSign(jdkKeys.getPrivate());
        jdk.update(MESSAGE);
        byte[] signedByJdk = jdk.sign();
        ours = Signature.getInstance(algorithm);
        ours.initVerify(jdkKeys.getPublic());
        ours.update(MESSAGE);
        assertTrue(ours.verify(signedByJdk), "we verify SunEC's signature");
        assertEquals(FastCurves.NAME, ours.getProvider().getName());
    }

    /** The table of the generator's multiples hangs on the generator point: one per curve, kept. */
    @Test
    void aCurveIsConvertedOnceSoItsTableIsKept() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPrivateKey first = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        ECPrivateKey second = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        assertSame(EcdsaSigning.domainOf(first.getParams()), EcdsaSigning.domainOf(second.getParams()));
    }

    /** A key that does not show its value (a hardware token's) is left to the next provider. */
    @Test
    void aKeyWithoutItsValueIsRefusedSoTheNextProviderIsTried() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPrivateKey real = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        ECPrivateKey opaque = new ECPrivateKey() {
            @Override
            public BigInteger getS() {
                return null;
            }

            @Override
            public ECParameterSpec getParams() {
                return real.getParams();
            }

            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
        assertThrows(InvalidKeyException.class, () -> new EcdsaSigning.Sha256().engineInitSign(opaque));
    }

    /** The calls the JDK's TLS makes for an X25519 or X448 key share, in the forms it makes them. */
    @ParameterizedTest
    @ValueSource(strings = {"X25519", "X448"})
    void xdhKeySharesAreOursAndAgreeWithTheJdk(String curve) throws Exception {
        NamedParameterSpec group = new NamedParameterSpec(curve);
        KeyPairGenerator ourGenerator = KeyPairGenerator.getInstance("XDH");
        ourGenerator.initialize(group);
        KeyPair ourKeys = ourGenerator.generateKeyPair();
        assertEquals(FastCurves.NAME, ourGenerator.getProvider().getName());
        XECPublicKey ourPublic = assertInstanceOf(XECPublicKey.class, ourKeys.getPublic(), "the TLS code casts to it");

        KeyPairGenerator jdkGenerator = KeyPairGenerator.getInstance("XDH", "SunEC");
        jdkGenerator.initialize(group);
        KeyPair jdkKeys = jdkGenerator.generateKeyPair();
        XECPublicKey jdkPublic = (XECPublicKey) jdkKeys.getPublic();

        // The peer's share arrives as its u coordinate.
        PublicKey peerShare = KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(group, jdkPublic.getU()));
        KeyAgreement ours = KeyAgreement.getInstance("XDH");
        ours.init(ourKeys.getPrivate());
        ours.doPhase(peerShare, true);
        byte[] ourSecret = ours.generateSecret();
        assertEquals(FastCurves.NAME, ours.getProvider().getName());

        PublicKey ourShare = KeyFactory.getInstance("XDH", "SunEC").generatePublic(new XECPublicKeySpec(group, ourPublic.getU()));
        KeyAgreement jdk = KeyAgreement.getInstance("XDH", "SunEC");
        jdk.init(jdkKeys.getPrivate());
        jdk.doPhase(ourShare, true);
        assertArrayEquals(jdk.generateSecret(), ourSecret);
    }

    @Test
    void everythingElseStaysWithTheJdk() throws Exception {
        assertNotEquals(FastCurves.NAME, Signature.getInstance("SHA256withRSA").getProvider().getName());
        assertNotEquals(FastCurves.NAME, Signature.getInstance("RSASSA-PSS").getProvider().getName());
        assertEquals("SunJCE", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
        assertNotEquals(FastCurves.NAME, KeyAgreement.getInstance("ECDH").getProvider().getName());
        assertNotEquals(FastCurves.NAME, KeyPairGenerator.getInstance("EC").getProvider().getName());
    }
}
