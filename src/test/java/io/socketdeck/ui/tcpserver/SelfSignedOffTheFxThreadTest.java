package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.NamedPipes;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.UiTick;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The "Generate self-signed" dialog makes and writes its files off the FX thread: a file whose
 * open waits (a named pipe without a reader, a hung network mount) never freezes the window; the
 * Generate button says it is working meanwhile; Cancel gives the work up (the server's fields stay
 * as they were, the file under way is still written whole); a failure is said at its field, in the
 * window's language.
 */
@ExtendWith(ApplicationExtension.class)
class SelfSignedOffTheFxThreadTest {

    /** Time for the FX thread to run a task handed to it, on a busy 2-core machine. */
    private static final long FREE_WITHIN_SECONDS = 5;
    private static final String PASSWORD = "s3cret";
    /** The thread the server tab writes its TLS files on. */
    private static final String WORKER = "socketdeck-server-tls-files";

    private Stage stage;
    private MainWindow window;
    private TcpServerViewModel server;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        server = window.tab(TcpServerViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> DialogDriver.closeAllBut(stage));
        runFx(() -> MainWindowFixture.shutDown(window));
    }


    /** The dialog as the server tab's "Generate self-signed…" button makes it. FX thread. */
    private SelfSignedDialog dialog(SelfSignedModel model) {
        return new SelfSignedDialog(stage, model, server.selfSignedWorker());
    }

    /**
     * Shows a dialog for PKCS#12 into {@code certificate} (chosen in the chooser, so it may exist)
     * as the tab's button does: what it makes fills the server's TLS fields.
     */
    private SelfSignedDialog showFor(Path certificate) {
        SelfSignedDialog dialog = onFx(() -> {
            SelfSignedModel model = new SelfSignedModel(certificate.getParent());
            model.passwordProperty().set(PASSWORD);
            model.passwordAgainProperty().set(PASSWORD);
            model.certificateFileProperty().set(certificate.toString());
            model.chosenInChooser(certificate.toString());
            return dialog(model);
        });
        Platform.runLater(() -> dialog.showAndWait().ifPresent(server::useGenerated));
        awaitFx(dialog::isShowing, "the dialog shown");
        return dialog;
    }

    private static Button button(SelfSignedDialog dialog, ButtonType type) {
        return (Button) dialog.getDialogPane().lookupButton(type);
    }

    /**
     * Reads the pipe whole: the open waiting on its other end completes, and the write. When
     * nothing comes to write it, fails after a while instead of waiting for good.
     */
    private static byte[] readAll(Path pipe) throws Exception {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream reader = Files.newInputStream(pipe)) {
                return reader.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return read.get(FxTesting.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE).close(); // frees the read
            throw new AssertionError("nothing wrote " + pipe, e);
        }
    }

    /** Waits until the worker is in the open of the file it writes: the writing has begun. */
    private static void awaitWriting() {
        Await.until(() -> Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().equals(WORKER))
                .anyMatch(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getMethodName().equals("openTruncated"))),
                FxTesting.TIMEOUT, "the worker opening the file to write");
    }

    private static void assertPkcs12(byte[] bytes) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(bytes), PASSWORD.toCharArray());
        assertTrue(store.isKeyEntry("socketdeck"), "a whole PKCS#12 file, key and certificate");
    }

    private boolean logSays(String start) {
        return onFx(() -> server.traffic().log().entries().stream()
                .anyMatch(e -> e.kind() == LogEntry.Kind.INFO && e.message() != null && e.message().startsWith(start)));
    }

    /** Returns after the window's next pulse, which applies what was woken before. */
    private void afterAPulse() throws InterruptedException {
        CountDownLatch pulsed = new CountDownLatch(1);
        runFx(() -> window.tick().add(now -> {
            pulsed.countDown();
            return UiTick.IDLE;
        }));
        assertTrue(pulsed.await(FxTesting.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "a pulse");
    }

    @Test
    void aCertificateToANamedPipeWaitsForItsReaderOffTheFxThread(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        SelfSignedDialog dialog = showFor(pipe);
        Button generate = onFx(() -> button(dialog, ButtonType.OK));
        // Handed over, not waited for: code that wrote the pipe on the FX thread would not return.
        Platform.runLater(generate::fire);
        byte[] written;
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the certificate's pipe waited for a reader");
            assertEquals("Generating\u2026", onFx(generate::getText), "the button says it is working");
            assertTrue(onFx(generate::isDisabled), "no second click meanwhile");
            assertFalse(onFx(() -> button(dialog, ButtonType.CANCEL).isDisabled()), "Cancel gives it up");
            assertTrue(onFx(dialog::isShowing), "the dialog stays open until the files are written");
        } finally {
            written = readAll(pipe);
        }
        assertPkcs12(written);
        awaitFx(() -> !dialog.isShowing(), "the dialog closed once its file was written");
        assertEquals(pipe.toString(), onFx(() -> server.tls().certificateProperty().get()),
                "the certificate field names the file written");
        assertTrue(onFx(() -> server.tls().holdsPassword()), "the password typed in the dialog is kept");
        assertTrue(logSays("Self-signed certificate saved to " + pipe), "the fingerprint logged");
    }

    @Test
    void cancelWhileItWritesGivesItUpAndTheNextGenerationDoesNotWaitBehindIt(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Path file = dir.resolve("next.p12");
        SelfSignedDialog first = showFor(pipe);
        Platform.runLater(() -> button(first, ButtonType.OK).fire());
        byte[] written;
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the certificate's pipe waited for a reader");
            awaitWriting(); // given up before, it would write nothing
            DialogDriver.press(first.getDialogPane().getScene(), ButtonType.CANCEL);
            assertFalse(onFx(first::isShowing), "closed at once");
            assertNull(onFx(first::getResult), "nothing made");

            SelfSignedDialog next = showFor(file);
            runFx(() -> button(next, ButtonType.OK).fire());
            awaitFx(() -> !next.isShowing(), "the next generation ran while the first still waited for its reader");
            assertEquals(file.toString(), onFx(() -> server.tls().certificateProperty().get()));
        } finally {
            written = readAll(pipe);
        }
        assertPkcs12(written); // the file given up is still written whole: the user asked for it
        afterAPulse(); // when an outcome the first had woken would have been applied
        assertEquals(file.toString(), onFx(() -> server.tls().certificateProperty().get()),
                "the generation given up never fills the server's fields");
    }

    @Test
    void closingTheWindowWhileItWritesDoesNotWaitForIt(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        SelfSignedDialog dialog = showFor(pipe);
        Platform.runLater(() -> button(dialog, ButtonType.OK).fire());
        boolean free = FxTesting.fxThreadFree();
        CountDownLatch shutDown = new CountDownLatch(1);
        Platform.runLater(() -> {
            window.shutdown(); // what the app's exit runs
            shutDown.countDown();
        });
        boolean exited = shutDown.await(FREE_WITHIN_SECONDS, TimeUnit.SECONDS);
        assertPkcs12(readAll(pipe)); // lets the write still waiting complete
        assertTrue(free && exited, "the window shut down while the certificate's pipe waited for a reader");
    }

    /** Said at the field, in the window's language, without the JDK's English; the dialog stays open. */
    @Test
    void aFolderThatCannotBeMadeIsSaidAtItsFieldInChinese(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path certificate = notAFolder.resolve("server.p12");
        runFx(() -> I18n.use(I18n.CHINESE));
        SelfSignedDialog dialog = showFor(certificate);
        Button generate = onFx(() -> button(dialog, ButtonType.OK));
        Label message = (Label) onFx(() -> dialog.getDialogPane().lookup("#serverTlsGenFileError"));
        runFx(generate::fire);
        awaitFx(() -> message.isVisible() && message.getText() != null && !message.getText().isEmpty(),
                "a message at the field");
        String said = onFx(message::getText);
        assertTrue(said.startsWith("\u65e0\u6cd5\u521b\u5efa\u6587\u4ef6\u5939 " + notAFolder + "\uff1a"), said);
        assertFalse(said.contains("Exception") || said.contains("Not a directory"), "worded, not the JDK's: " + said);
        assertTrue(onFx(dialog::isShowing), "the dialog stays open");
        assertEquals("\u751f\u6210", onFx(generate::getText), "Generate again");
        assertFalse(onFx(generate::isDisabled));
        assertEquals("", onFx(() -> server.tls().certificateProperty().get()), "the server's fields untouched");
        Node field = onFx(() -> dialog.getDialogPane().lookup("#serverTlsGenFile"));
        assertFalse(onFx(field::isDisabled), "the fields can be changed again");
    }

    /** Whether a typed file exists is asked on the worker too; the answer is said at each field. */
    @Test
    void typedFilesThatExistAreRefusedAtTheirFieldsAndLeftAsTheyWere(@TempDir Path dir) throws Exception {
        Path certificate = Files.writeString(dir.resolve("server.pem"), "my certificate");
        Path key = Files.writeString(dir.resolve("server-key.pem"), "my key");
        SelfSignedDialog dialog = onFx(() -> {
            SelfSignedModel model = new SelfSignedModel(dir);
            model.formatProperty().set(SelfSignedModel.Format.PEM);
            model.certificateFileProperty().set(certificate.toString());
            model.keyFileProperty().set(key.toString());
            return dialog(model);
        });
        Platform.runLater(() -> dialog.showAndWait().ifPresent(server::useGenerated));
        awaitFx(dialog::isShowing, "the dialog shown");
        Label certificateMessage = (Label) onFx(() -> dialog.getDialogPane().lookup("#serverTlsGenFileError"));
        Label keyMessage = (Label) onFx(() -> dialog.getDialogPane().lookup("#serverTlsGenKeyFileError"));
        runFx(() -> button(dialog, ButtonType.OK).fire());
        awaitFx(() -> keyMessage.isVisible() && certificateMessage.isVisible(), "a message at each field");
        assertEquals(certificate + " exists already: choose another name, or choose it with Browse to replace it.",
                onFx(certificateMessage::getText));
        assertEquals(key + " exists already: choose another name, or choose it with Browse to replace it.",
                onFx(keyMessage::getText));
        assertEquals("my certificate", Files.readString(certificate));
        assertEquals("my key", Files.readString(key));
        assertTrue(onFx(dialog::isShowing), "the dialog stays open");
        assertEquals("Generate", onFx(() -> button(dialog, ButtonType.OK).getText()));
    }
}
