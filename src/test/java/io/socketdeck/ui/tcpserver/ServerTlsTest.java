package io.socketdeck.ui.tcpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsServerConfig;
import io.socketdeck.ui.common.I18n;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS fields of the server tab turned into a configuration, or into messages at the fields. */
class ServerTlsTest {

    private final ServerTls tls = new ServerTls();
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void english() {
        new TcpServerTab(); // brings the tab's words
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aPemCertificateWithItsKeyFileMakesAConfiguration(@TempDir Path dir) throws Exception {
        KeyMaterial material = SelfSigned.generate(List.of("localhost"), SelfSigned.ONE_YEAR);
        SelfSigned.writePem(material, dir.resolve("c.pem"), dir.resolve("k.pem"));
        tls.certificateProperty().set(dir.resolve("c.pem").toString());
        tls.keyProperty().set(dir.resolve("k.pem").toString());
        tls.alpnProperty().set("h2, mqtt");
        TlsServerConfig config = tls.config();
        assertNotNull(config, () -> tls.certificateErrorProperty().get() + " / " + tls.keyErrorProperty().get()
                + " / " + tls.versionsErrorProperty().get() + " / " + tls.alpnErrorProperty().get());
        assertEquals(material.certificate(), config.key().certificate());
        assertEquals(List.of("h2", "mqtt"), config.alpn());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), config.protocols());
    }

    @Test
    void aPasswordIsAskedUntilRightAndKeptForTheSession(@TempDir Path dir) throws Exception {
        KeyMaterial material = SelfSigned.generate(List.of("localhost"), SelfSigned.ONE_YEAR);
        Path p12 = dir.resolve("s.p12");
        SelfSigned.writePkcs12(material, p12, "right".toCharArray());
        List<String> answers = new ArrayList<>(List.of("wrong", "right"));
        tls.setPasswordAsker((file, wrongBefore) -> {
            asked.add(file + " " + wrongBefore);
            return Optional.of(answers.remove(0).toCharArray());
        });
        tls.certificateProperty().set(p12.toString());
        assertNotNull(tls.config());
        assertEquals(List.of(p12 + " false", p12 + " true"), asked);
        assertNotNull(tls.config(), "asked once a session");
        assertEquals(2, asked.size());
        tls.certificateProperty().set(p12 + " ");
        tls.setPasswordAsker((file, wrongBefore) -> Optional.empty());
        assertNull(tls.config(), "another path forgets the password");
        assertEquals(p12 + " is protected by a password: enter it.", tls.certificateErrorProperty().get());
    }

    @Test
    void badVersionsAndAlpnAreSaidAtTheirFieldsWithTheCertificatesProblem() {
        tls.versionsProperty().set("TLSv1.1");
        tls.alpnProperty().set("h 2,");
        assertNull(tls.config());
        assertTrue(tls.certificateErrorProperty().get().startsWith("Choose the certificate"));
        assertTrue(tls.versionsErrorProperty().get().contains("TLSv1.1"), tls.versionsErrorProperty().get());
        assertTrue(tls.alpnErrorProperty().get().startsWith("\u201ch 2\u201d is not an ALPN protocol name"),
                tls.alpnErrorProperty().get());
    }
}
