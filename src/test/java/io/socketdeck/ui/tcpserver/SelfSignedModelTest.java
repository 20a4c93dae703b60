package io.socketdeck.ui.tcpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.ui.tcpserver.SelfSignedModel.Format;
import io.socketdeck.ui.tcpserver.SelfSignedModel.Making;
import io.socketdeck.ui.tcpserver.SelfSignedModel.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Generate self-signed" files as the format changes: a suggestion follows it, a choice keeps its place. */
class SelfSignedModelTest {

    @TempDir
    Path folder;
    @TempDir
    Path elsewhere;

    @Test
    void suggestedFilesFollowTheFormat() {
        SelfSignedModel model = new SelfSignedModel(folder);
        assertEquals(folder.resolve("server.p12").toString(), model.certificateFileProperty().get());
        model.formatProperty().set(Format.PEM);
        assertEquals(folder.resolve("server.pem").toString(), model.certificateFileProperty().get());
        assertEquals(folder.resolve("server-key.pem").toString(), model.keyFileProperty().get());
        model.formatProperty().set(Format.PKCS12);
        assertEquals(folder.resolve("server.p12").toString(), model.certificateFileProperty().get());
        assertEquals("", model.keyFileProperty().get());
    }

    @Test
    void aChosenFileKeepsItsPlaceAndChangesOnlyItsExtension() {
        SelfSignedModel model = new SelfSignedModel(folder);
        model.certificateFileProperty().set(elsewhere.resolve("gateway.p12").toString());
        model.formatProperty().set(Format.PEM);
        assertEquals(elsewhere.resolve("gateway.pem").toString(), model.certificateFileProperty().get());
        assertEquals(elsewhere.resolve("gateway-key.pem").toString(), model.keyFileProperty().get(), "the key beside it");
        model.formatProperty().set(Format.PKCS12);
        assertEquals(elsewhere.resolve("gateway.p12").toString(), model.certificateFileProperty().get());
    }

    @Test
    void aChosenKeyFileStays() {
        SelfSignedModel model = new SelfSignedModel(folder);
        model.formatProperty().set(Format.PEM);
        model.keyFileProperty().set(elsewhere.resolve("private.key").toString());
        model.formatProperty().set(Format.PKCS12);
        model.formatProperty().set(Format.PEM);
        assertEquals(folder.resolve("server.pem").toString(), model.certificateFileProperty().get());
        assertEquals(elsewhere.resolve("private.key").toString(), model.keyFileProperty().get());
    }

    /** The worker's part, given up while it made the key: the user said no before anything was written. */
    @Test
    void makingGivenUpBeforeItWritesWritesNothing() {
        Path certificate = folder.resolve("new").resolve("server.pem");
        Path key = folder.resolve("new").resolve("server-key.pem");
        Making making = new Making(List.of("localhost"), new Target(certificate, certificate.toString(), false),
                new Target(key, key.toString(), false), null);
        making.giveUp();
        assertThrows(CancellationException.class, making::call);
        assertFalse(Files.exists(certificate.getParent()), "not even its folder");
    }

    @Test
    void makingWritesBothPemFilesAndMakesTheirFolders() throws Exception {
        Path certificate = folder.resolve("a").resolve("server.pem");
        Path key = elsewhere.resolve("b").resolve("server-key.pem");
        SelfSignedModel.Generated made = new Making(List.of("localhost", "127.0.0.1"),
                new Target(certificate, certificate.toString(), false), new Target(key, key.toString(), false), null)
                .call();
        assertEquals(List.of(certificate, key), List.of(made.certificate(), made.key()));
        assertTrue(Files.readString(certificate).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    /** A typed name of a file that exists is refused, the file left as it was; one chosen in the chooser is replaced. */
    @Test
    void makingRefusesAnExistingFileUnlessItWasChosen() throws Exception {
        Path existing = Files.writeString(folder.resolve("server.p12"), "mine");
        Making typed = new Making(List.of("localhost"), new Target(existing, existing.toString(), false), null,
                "pw".toCharArray());
        assertThrows(Exception.class, typed::call);
        assertEquals("mine", Files.readString(existing), "left as it was");
        new Making(List.of("localhost"), new Target(existing, existing.toString(), true), null, "pw".toCharArray())
                .call();
        assertTrue(Files.size(existing) > 100, "replaced by a PKCS#12 file");
    }
}
