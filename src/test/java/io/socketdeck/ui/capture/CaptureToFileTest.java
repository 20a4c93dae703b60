package io.socketdeck.ui.capture;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.SourceServer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the view trims is still in the capture: every byte, in order. A capture that cannot go on
 * writing says why in the window's language, and the tab goes on.
 */
@ExtendWith(ApplicationExtension.class)
class CaptureToFileTest {

    private MainWindow window;
    private TcpClientViewModel client;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> MainWindowFixture.shutDown(window)); // and back to English
    }

    private boolean logHas(LogEntry.Kind kind, String message) {
        return onFx(() -> client.traffic().log().entries().stream()
                .anyMatch(e -> e.kind() == kind && message.equals(e.message())));
    }

    @Test
    void theCaptureHoldsEveryByteWhileTheViewIsCappedLower(@TempDir Path dir) throws Exception {
        byte[] sent = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(sent);
        Path file = dir.resolve("capture.bin");
        try (SourceServer source = new SourceServer(sent)) {
            runFx(() -> {
                client.traffic().log().setLimits(20, 256 * 1024); // far below what arrives
                client.traffic().capture().start(CaptureOptions.raw(file));
            });
            // The file opens off the FX thread; the capture records from when it shows as running.
            awaitFx(() -> client.traffic().capture().runningProperty().get(), "capturing");
            runFx(() -> {
                client.portProperty().set(Integer.toString(source.address().getPort()));
                client.connect();
            });
            // The source finishes after its last byte; we then close, so every event has been handled.
            awaitFx(() -> client.traffic().counters().rxBytesProperty().get() == sent.length
                    && client.peerFinishedProperty().get(), "all received, the peer finished");
            runFx(client::disconnect);
            awaitFx(() -> client.stateProperty().get() == ConnectionState.IDLE, "closed");
            runFx(() -> client.traffic().capture().stop());
            awaitFx(() -> client.traffic().capture().stateProperty().get() == CaptureModel.State.IDLE,
                    "the capture's file closed");
        }
        long reads = onFx(() -> client.traffic().counters().rxMessagesProperty().get());
        int shown = onFx(() -> client.traffic().log().entries().size());
        assertTrue(shown <= 20 && reads > 20, "the view kept " + shown + " of " + reads + " reads");
        assertArrayEquals(sent, Files.readAllBytes(file), "the capture is byte for byte what the peer sent");
        awaitFx(() -> client.traffic().log().entries().stream().anyMatch(e -> e.message() != null
                && e.message().startsWith("Capture stopped: 6,291,456 bytes")), "the log says where the capture is");
    }

    /**
     * The roll-over to the next file is refused mid-capture (a folder took its name, which root
     * cannot write either): the log and the capture's status say which file and why in the
     * window's language, not "…/capture.bin.1: Is a directory"; the capture still says what it
     * recorded, and the connection reads on.
     */
    @Test
    void aRollOverOntoAFolderIsSaidInWordsAndTheTabReadsOn(@TempDir Path dir) throws Exception {
        byte[] sent = new byte[5000];
        new Random(3).nextBytes(sent);
        Path file = dir.resolve("capture.bin");
        Path next = Files.createDirectory(dir.resolve("capture.bin.1"));
        CaptureModel capture = client.traffic().capture();
        try (SourceServer source = new SourceServer(sent)) {
            runFx(() -> capture.start(CaptureOptions.raw(file).withRollBytes(1000)));
            awaitFx(() -> capture.runningProperty().get(), "capturing");
            runFx(() -> {
                client.portProperty().set(Integer.toString(source.address().getPort()));
                client.connect();
            });
            awaitFx(() -> client.traffic().counters().rxBytesProperty().get() == sent.length,
                    "every byte read despite the capture's fault");
        }
        String english = "Capture to " + next + " stopped: it is a folder, not a file";
        awaitFx(() -> logHas(LogEntry.Kind.ERROR, english), () -> "the log says why: " + onFx(() -> client.traffic()
                .log().entries().stream().map(LogEntry::message).toList()));
        awaitFx(() -> logHas(LogEntry.Kind.INFO, "Capture stopped: 1,000 bytes in " + file),
                "the log says what the capture recorded");
        awaitFx(() -> capture.stateProperty().get() == CaptureModel.State.IDLE, "the capture stopped");
        assertEquals(english, onFx(() -> capture.statusProperty().get()), "the capture's status says why");
        assertArrayEquals(Arrays.copyOf(sent, 1000), Files.readAllBytes(file), "what it recorded is in the file");
        runFx(() -> I18n.use(I18n.CHINESE));
        assertEquals("\u4fdd\u5b58\u5230 " + next + " \u5df2\u505c\u6b62\uff1a\u8fd9\u662f\u6587\u4ef6\u5939\uff0c"
                + "\u4e0d\u662f\u6587\u4ef6", onFx(() -> capture.statusProperty().get()), "said again in Chinese");
    }
}
