package io.socketdeck.core.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyAgreementSpi;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyFactorySpi;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyPairGeneratorSpi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The elliptic-curve work of a TLS server's handshakes done by Bouncy Castle instead of JDK 17's
 * SunEC: a provider placed first that offers only ECDSA signing and X25519/X448 key agreement.
 * Installed, warm, once a TLS server has its {@value #CLIENTS_BEFORE_WARMING}th client (the
 * provider list is the JVM's: TLS clients started after that use it too).
 *
 * <p>Why: a TLS server's handshake is mostly curve arithmetic. Profiled in the TLS storm (2,000
 * clients), 43% of the I/O thread's time was SunEC signing the server's CertificateVerify with
 * P-256 and 37% X25519 key generation and agreement. Bouncy Castle (already a dependency, for
 * self-signed certificates) signs with a table of the generator's multiples ({@link EcdsaSigning})
 * and does X25519 in half the time. Everything else stays with the JDK: verification, ciphers
 * (AES-GCM has CPU intrinsics there), digests, HKDF, key stores, certificates.
 *
 * <p>Signing takes any {@code ECPrivateKey} that shows its value. A key it cannot use (a hardware
 * token's) fails its {@code init}, and the JCA's delayed provider selection then tries the next
 * provider, as before. A JDK that refuses unsigned providers for key agreement skips this one the
 * same way.
 */
final class FastCurves extends Provider {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(FastCurves.class);
    static final String NAME = "SocketDeckCurves";
    /** A TLS server's clients before it has the provider warmed and installed. */
    static final int CLIENTS_BEFORE_WARMING = 8;
    /** Whether the provider is in place; asking the provider list instead would load all of it. */
    private static boolean installed;
    /** True while a background thread warms the provider before installing it. */
    private static boolean installing;

    private FastCurves() {
        super(NAME, "1", "ECDSA signing and XDH key agreement by Bouncy Castle, for TLS handshakes");
        offer("Signature", "SHA256withECDSA", () -> new EcdsaSigning.Sha256());
        offer("Signature", "SHA384withECDSA", () -> new EcdsaSigning.Sha384());
        offer("Signature", "SHA512withECDSA", () -> new EcdsaSigning.Sha512());
        offer("KeyPairGenerator", "XDH", () -> new KeyPairGeneratorSpi.XDH());
        offer("KeyPairGenerator", "X25519", () -> new KeyPairGeneratorSpi.X25519());
        offer("KeyPairGenerator", "X448", () -> new KeyPairGeneratorSpi.X448());
        offer("KeyFactory", "XDH", () -> new KeyFactorySpi.XDH());
        offer("KeyFactory", "X25519", () -> new KeyFactorySpi.X25519());
        offer("KeyFactory", "X448", () -> new KeyFactorySpi.X448());
        offer("KeyAgreement", "XDH", () -> new KeyAgreementSpi.XDH());
        offer("KeyAgreement", "X25519", () -> new KeyAgreementSpi.X25519());
        offer("KeyAgreement", "X448", () -> new KeyAgreementSpi.X448());
    }

    /**
     * A service made by calling {@code make} when asked for, not by reflection. A lambda, not a
     * constructor reference: installing then loads no Bouncy Castle class (their loading was most
     * of the 200 ms the first install took).
     */
    private void offer(String type, String algorithm, Supplier<Object> make) {
        putService(new Service(this, type, algorithm, FastCurves.class.getName() + "." + type + "." + algorithm,
                List.of(), Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return make.get();
            }
        });
    }

    /** Places the provider first now, cold, for tests; later calls do nothing. Any thread. */
    static void install() {
        place(new FastCurves());
    }

    private static synchronized void place(FastCurves provider) {
        if (!installed) {
            installed = true;
            Security.insertProviderAt(provider, 1); // loads the JDK's providers: about 50 ms
        }
    }

    /**
     * Places the provider first once it is warm: a background thread first has it make one
     * signature and one key agreement, then installs it. Returns at once; later calls do nothing.
     *
     * <p>Why warm first: Bouncy Castle's classes and curve tables cost its first handshake more
     * than SunEC's cold start (a fresh JVM's first TLS context and handshake: 90-150 and 130-210 ms
     * with SunEC, 250-310 and 280-440 ms with this provider installed cold). Until it is ready the
     * handshakes use SunEC. The warming itself takes a core for about 0.3 s; begun right beside a
     * first handshake it still slowed that one (248-338 against 106-177 ms), so servers begin it
     * only once clients keep coming.
     */
    static synchronized void installSoon() {
        if (!installed && !installing) {
            installing = true;
            background("tls-curves", () -> {
                FastCurves warm = new FastCurves();
                warm(warm);
                synchronized (FastCurves.class) {
                    installing = false;
                    place(warm);
                }
            });
        }
    }

    /** True once the provider is in place. Any thread. */
    static synchronized boolean isInstalled() {
        return installed;
    }

    /** Takes the provider out again: for tests of who installs it. */
    static synchronized void uninstall() {
        Security.removeProvider(NAME);
        installed = false;
    }

    private static void background(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * One P-256 signature (the curve of most servers' certificates and of {@link SelfSigned}'s) and
     * one X25519 agreement (the key share clients offer first), as a handshake makes them, by
     * {@code provider} before it is installed.
     */
    private static void warm(Provider provider) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            Signature signature = Signature.getInstance("SHA256withECDSA", provider);
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update(new byte[32]);
            signature.sign();
            KeyPairGenerator shares = KeyPairGenerator.getInstance("XDH", provider);
            shares.initialize(NamedParameterSpec.X25519);
            KeyAgreement agreement = KeyAgreement.getInstance("XDH", provider);
            agreement.init(shares.generateKeyPair().getPrivate());
            agreement.doPhase(shares.generateKeyPair().getPublic(), true);
            agreement.generateSecret();
        } catch (GeneralSecurityException | RuntimeException e) {
            // Only a head start: the first handshakes after the install then do this work.
            LOGGER.debug("warming the TLS curves failed", e);
        }
    }
}
