package io.socketdeck.core.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECCurve;

/**
 * ECDSA signing ({@code SHAxxxwithECDSA}, DER-encoded) by Bouncy Castle's lightweight signer, for
 * the JDK's TLS: a server signs each handshake's CertificateVerify, a client with a certificate its
 * own. Verification stays with SunEC, unchanged.
 *
 * <p>Why not Bouncy Castle's provider class: it converts the JDK's key to its own domain
 * parameters on every {@code initSign}, with a new generator point each time, so the table of the
 * generator's multiples that makes its signing fast was computed again for every signature (two
 * thirds of the signing time in the TLS storm's profile). Here the parameters are converted once
 * per curve and kept, and the table with them.
 */
abstract class EcdsaSigning extends SignatureSpi {

    /** Per curve object (the JDK's named curves are single objects); weak, so nothing is held forever. */
    private static final Map<ECParameterSpec, ECDomainParameters> DOMAINS =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

    private final String algorithm;
    private final MessageDigest digest;
    private ECPrivateKeyParameters signingKey;
    private SecureRandom random;
    private Signature verifier;

    EcdsaSigning(String algorithm, String digestAlgorithm) {
        this.algorithm = algorithm;
        try {
            this.digest = MessageDigest.getInstance(digestAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + digestAlgorithm, e);
        }
    }

    static final class Sha256 extends EcdsaSigning {
        Sha256() {
            super("SHA256withECDSA", "SHA-256");
        }
    }

    static final class Sha384 extends EcdsaSigning {
        Sha384() {
            super("SHA384withECDSA", "SHA-384");
        }
    }

    static final class Sha512 extends EcdsaSigning {
        Sha512() {
            super("SHA512withECDSA", "SHA-512");
        }
    }

    /**
     * Takes a key that shows its value; another (a hardware token's) is refused, and the JCA's
     * delayed provider selection then tries the next provider.
     */
    @Override
    protected void engineInitSign(PrivateKey key, SecureRandom random) throws InvalidKeyException {
        if (!(key instanceof ECPrivateKey ecKey) || ecKey.getS() == null || ecKey.getParams() == null) {
            throw new InvalidKeyException("not an EC private key with its value: " + (key == null ? null : key.getClass()));
        }
        ECDomainParameters domain = domainOf(ecKey.getParams());
        this.signingKey = new ECPrivateKeyParameters(ecKey.getS(), domain);
        this.random = random;
        this.verifier = null;
        digest.reset();
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
        engineInitSign(key, null);
    }

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
        try {
            verifier = Signature.getInstance(algorithm, "SunEC");
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new InvalidKeyException("this JDK has no SunEC to verify with", e);
        }
        verifier.initVerify(key);
        signingKey = null;
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
        if (verifier != null) {
            verifier.update(b);
        } else {
            digest.update(b);
        }
    }

    @Override
    protected void engineUpdate(byte[] bytes, int offset, int length) throws SignatureException {
        if (verifier != null) {
            verifier.update(bytes, offset, length);
        } else {
            digest.update(bytes, offset, length);
        }
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        if (signingKey == null) {
            throw new SignatureException("not initialized for signing");
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(signingKey, random != null ? random : DEFAULT_RANDOM));
        BigInteger[] rs = signer.generateSignature(digest.digest());
        try {
            return StandardDSAEncoding.INSTANCE.encode(signingKey.getParameters().getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new SignatureException("encoding the signature failed", e);
        }
    }

    @Override
    protected boolean engineVerify(byte[] signature) throws SignatureException {
        if (verifier == null) {
            throw new SignatureException("not initialized for verification");
        }
        return verifier.verify(signature);
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException("no parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        return null;
    }

    /** The curve's parameters, converted once and kept: the same object for the same curve. */
    static ECDomainParameters domainOf(ECParameterSpec spec) {
        return DOMAINS.computeIfAbsent(spec, EcdsaSigning::convert);
    }

    /** The curve as Bouncy Castle's own (its fast code for the NIST curves), with one generator point. */
    private static ECDomainParameters convert(ECParameterSpec spec) {
        ECCurve curve = EC5Util.convertCurve(spec.getCurve());
        return new ECDomainParameters(curve,
                curve.createPoint(spec.getGenerator().getAffineX(), spec.getGenerator().getAffineY()),
                spec.getOrder(), BigInteger.valueOf(spec.getCofactor()));
    }
}
