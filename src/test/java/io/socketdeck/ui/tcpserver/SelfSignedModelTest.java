package io.socketdeck.ui.tcpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.ui.tcpserver.SelfSignedModel.Format;
import java.nio.file.Path;
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
}
