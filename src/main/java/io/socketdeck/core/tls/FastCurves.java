package io.socketdeck.core.tls;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyAgreementSpi;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyFactorySpi;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyPairGeneratorSpi;

/**
 * The elliptic-curve work of a TLS handshake done by Bouncy Castle instead of JDK 17's SunEC: a
 * provider placed first that offers only ECDSA signatures and X25519/X448 key agreement.
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
public final class FastCurves extends Provider {

    private static final long serialVersionUID = 1L;
    public static final String NAME = "SocketDeckCurves";

    private FastCurves() {
        super(NAME, "1", "ECDSA signing and XDH key agreement by Bouncy Castle, for TLS handshakes");
        offer("Signature", "SHA256withECDSA", EcdsaSigning.Sha256::new);
        offer("Signature", "SHA384withECDSA", EcdsaSigning.Sha384::new);
        offer("Signature", "SHA512withECDSA", EcdsaSigning.Sha512::new);
        offer("KeyPairGenerator", "XDH", KeyPairGeneratorSpi.XDH::new);
        offer("KeyPairGenerator", "X25519", KeyPairGeneratorSpi.X25519::new);
        offer("KeyPairGenerator", "X448", KeyPairGeneratorSpi.X448::new);
        offer("KeyFactory", "XDH", KeyFactorySpi.XDH::new);
        offer("KeyFactory", "X25519", KeyFactorySpi.X25519::new);
        offer("KeyFactory", "X448", KeyFactorySpi.X448::new);
        offer("KeyAgreement", "XDH", KeyAgreementSpi.XDH::new);
        offer("KeyAgreement", "X25519", KeyAgreementSpi.X25519::new);
        offer("KeyAgreement", "X448", KeyAgreementSpi.X448::new);
    }

    /** A service made by calling {@code make}: no reflection, and a moved class fails the build. */
    private void offer(String type, String algorithm, Supplier<Object> make) {
        putService(new Service(this, type, algorithm, make.get().getClass().getName(), List.of(), Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return make.get();
            }
        });
    }

    /** Places the provider first, once per JVM; later calls do nothing. Any thread. */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new FastCurves(), 1);
        }
    }
}
