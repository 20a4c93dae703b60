package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.tls.TlsInputException.Field;
import io.socketdeck.core.tls.TlsInputException.Problem;
import io.socketdeck.testsupport.PeerProcess;
import io.socketdeck.testsupport.TestCertificates;
import io.socketdeck.testsupport.TestCertificates.Authority;
import io.socketdeck.testsupport.TestCertificates.PemFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a key or certificate file can be unusable, each with the sentence the field shows. */
class KeyMaterialsTest {

    private static final Authority CA = TestCertificates.authority("Files CA");
    private static final KeyMaterial LEAF = CA.issue("device.test");

    @TempDir
    Path dir;

    private static TlsInputException refused(KeySource source) {
        return assertThrows(TlsInputException.class, () -> KeyMaterials.load(source));
    }

    private static void assertSays(TlsInputException e, Field field, Problem problem, String... words) {
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(problem, e.problem(), e.getMessage());
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), () -> "\"" + word + "\" in: " + e.getMessage());
        }
    }

    @Test
    void aPemChainWithItsKeyLoadsAsTheJdkKeyTheHandshakeNeeds() throws Exception {
        PemFiles files = TestCertificates.writePem(LEAF, dir, "leaf");
        KeyMaterial loaded = KeyMaterials.load(new KeySource(files.cert(), files.key(), null));
        assertEquals(LEAF.certificate(), loaded.certificate());
        assertEquals(2, loaded.chain().size());
        assertEquals("EC", loaded.key().getAlgorithm(), "the JDK's key managers pick keys by this name");
        Path both = Files.writeString(dir.resolve("both.pem"), Files.readString(files.key()) + Files.readString(files.cert()));
        assertEquals(LEAF.certificate(), KeyMaterials.load(new KeySource(both, null, null)).certificate());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.p12");
        assertSays(refused(new KeySource(missing, null, null)), Field.CERTIFICATE, Problem.FILE_MISSING,
                "There is no file", missing.toString());
        PemFiles files = writeLeaf();
        assertSays(refused(new KeySource(files.cert(), dir.resolve("nokey.pem"), null)), Field.KEY,
                Problem.FILE_MISSING, "nokey.pem");
    }

    @Test
    void aFolderChosenAsTheFileCannotBeRead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("a-folder.pem")); // unreadable as a file, even for root
        assertSays(refused(new KeySource(folder, null, null)), Field.CERTIFICATE, Problem.FILE_UNREADABLE,
                "cannot be read", "a-folder.pem");
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        PemFiles files = writeLeaf();
        Files.setPosixFilePermissions(files.cert(), PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(files.cert()), "running as root: every file is readable");
        assertSays(refused(new KeySource(files.cert(), files.key(), null)), Field.CERTIFICATE, Problem.FILE_UNREADABLE,
                "cannot be read", files.cert().toString());
    }

    @Test
    void aPkcs12WithTheWrongPasswordOrNoneIsAskedAgain() throws Exception {
        Path p12 = TestCertificates.writePkcs12(LEAF, dir, "leaf", "right");
        assertEquals(LEAF.certificate(),
                KeyMaterials.load(new KeySource(p12, null, "right".toCharArray())).certificate());
        TlsInputException wrong = refused(new KeySource(p12, null, "wrong".toCharArray()));
        assertSays(wrong, Field.PASSWORD, Problem.WRONG_PASSWORD, "Wrong password", "leaf.p12");
        TlsInputException none = refused(new KeySource(p12, null, null));
        assertSays(none, Field.PASSWORD, Problem.PASSWORD_NEEDED, "protected by a password");
        assertTrue(none.wantsPassword());
    }

    @Test
    void aPemWithNoKeyAsksForTheKeyFile() throws Exception {
        PemFiles files = writeLeaf();
        assertSays(refused(new KeySource(files.cert(), null, null)), Field.KEY, Problem.NO_KEY, "holds no private key");
        assertSays(refused(new KeySource(files.cert(), files.cert(), null)), Field.KEY, Problem.NO_KEY,
                "holds no private key");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        PemFiles files = writeLeaf();
        PemFiles other = TestCertificates.writePem(CA.issue("other.test"), dir, "other");
        assertSays(refused(new KeySource(files.cert(), other.key(), null)), Field.KEY, Problem.KEY_DOES_NOT_MATCH,
                "does not belong to the certificate");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anEncryptedPemKeyNeedsItsPassword(boolean pkcs8) throws Exception {
        PemFiles files = writeLeaf();
        Path key = TestCertificates.writeEncryptedKey(LEAF.key(), dir.resolve("encrypted.key"), "right", pkcs8);
        assertTrue(Files.readString(key).contains(pkcs8 ? "ENCRYPTED PRIVATE KEY" : "Proc-Type: 4,ENCRYPTED"));

        KeyMaterial loaded = KeyMaterials.load(new KeySource(files.cert(), key, "right".toCharArray()));
        assertEquals("EC", loaded.key().getAlgorithm());
        assertSays(refused(new KeySource(files.cert(), key, "wrong".toCharArray())), Field.PASSWORD,
                Problem.WRONG_PASSWORD, "Wrong password", "encrypted.key");
        TlsInputException none = refused(new KeySource(files.cert(), key, null));
        assertSays(none, Field.PASSWORD, Problem.PASSWORD_NEEDED, "protected by a password");
    }

    @Test
    void aCaFileThatIsNotPemOrHoldsNoCertificateIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        TlsInputException e = assertThrows(TlsInputException.class, () -> KeyMaterials.certificates(text));
        assertSays(e, Field.CA_FILE, Problem.NOT_A_CERTIFICATE_FILE, "neither a PEM file nor a PKCS#12 file");
        Path keyOnly = writeLeaf().key();
        TlsInputException noCert = assertThrows(TlsInputException.class, () -> KeyMaterials.certificates(keyOnly));
        assertEquals(Field.CA_FILE, noCert.field(), noCert.getMessage());
        Path ca = CA.writePem(dir.resolve("ca.pem"));
        assertEquals(List.of(CA.certificate()), KeyMaterials.certificates(ca));
        TlsInputException missing = assertThrows(TlsInputException.class,
                () -> KeyMaterials.certificates(dir.resolve("none.pem")));
        assertSays(missing, Field.CA_FILE, Problem.FILE_MISSING, "none.pem");
    }

    @Test
    void garbageIsNeitherPemNorPkcs12() throws Exception {
        Path garbage = Files.write(dir.resolve("random.bin"), new byte[] {1, 2, 3, 4, 5});
        assertSays(refused(new KeySource(garbage, null, null)), Field.CERTIFICATE, Problem.NOT_A_CERTIFICATE_FILE,
                "random.bin");
    }

    /** What openssl itself writes loads: PKCS#12 with a password or an empty one, and its PEM key. */
    @ParameterizedTest
    @ValueSource(strings = {"secret", ""})
    void filesMadeByOpensslLoad(String password) throws Exception {
        PeerProcess.assumeInstalled("openssl", "openssl");
        PemFiles files = writeLeaf();
        Path p12 = dir.resolve("openssl.p12");
        try (PeerProcess export = PeerProcess.start(dir, List.of("openssl", "pkcs12", "-export", "-in",
                files.cert().toString(), "-inkey", files.key().toString(), "-out", p12.toString(),
                "-passout", "pass:" + password))) {
            assertEquals(0, export.awaitExit(), export.output());
        }
        char[] given = password.isEmpty() ? null : password.toCharArray();
        assertEquals(LEAF.certificate(), KeyMaterials.load(new KeySource(p12, null, given)).certificate());

        Path key = dir.resolve("openssl.key");
        try (PeerProcess convert = PeerProcess.start(dir, List.of("openssl", "pkey", "-in", files.key().toString(),
                "-out", key.toString()))) {
            assertEquals(0, convert.awaitExit(), convert.output());
        }
        assertTrue(Files.readString(key, StandardCharsets.US_ASCII).contains("BEGIN PRIVATE KEY"));
        assertEquals(LEAF.certificate(), KeyMaterials.load(new KeySource(files.cert(), key, null)).certificate());

        Path traditional = dir.resolve("openssl-ec.key");
        try (PeerProcess encrypt = PeerProcess.start(dir, List.of("openssl", "ec", "-in", files.key().toString(),
                "-aes128", "-passout", "pass:pem-secret", "-out", traditional.toString()))) {
            assertEquals(0, encrypt.awaitExit(), encrypt.output());
        }
        assertTrue(Files.readString(traditional, StandardCharsets.US_ASCII).contains("Proc-Type: 4,ENCRYPTED"));
        assertEquals(LEAF.certificate(), KeyMaterials.load(new KeySource(files.cert(), traditional,
                "pem-secret".toCharArray())).certificate());
        assertSays(refused(new KeySource(files.cert(), traditional, "nope".toCharArray())), Field.PASSWORD,
                Problem.WRONG_PASSWORD, "Wrong password");
    }

    private PemFiles writeLeaf() {
        try {
            return TestCertificates.writePem(LEAF, dir, "leaf");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
