package io.socketdeck.ui.capture;

import io.socketdeck.ui.fx.FxTesting;
import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.SwitchableListener;
import io.socketdeck.testsupport.NamedPipes;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A capture's file is opened and closed off the FX thread: a file whose open waits (a named pipe
 * without a reader, a hung network mount) or a close that waits for the writer's lock (a slow
 * disk under the I/O thread) never freezes the window, nor its exit.
 */
@ExtendWith(ApplicationExtension.class)
class CaptureOffTheFxThreadTest {

    /** Time for the FX thread to run a task handed to it, on a busy 2-core machine. */
    private static final long FREE_WITHIN_SECONDS = 5;

    private MainWindow window;
    private CaptureModel capture;
    /** The pipes' ends this test opened. */
    private final List<Closeable> openedHere = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        capture = window.tab(TcpClientViewModel.class).traffic().capture();
    }

    @AfterEach
    void tearDown() throws IOException {
        runFx(() -> MainWindowFixture.shutDown(window));
        for (Closeable opened : openedHere) {
            opened.close();
        }
    }


    /** The client tab's capture button. FX thread. */
    private ToggleButton toggle() {
        return (ToggleButton) window.root().lookup("#clientCapture");
    }

    /** The client tab's capture status, on the line under the log. FX thread. */
    private Label statusLabel() {
        return (Label) window.root().lookup("#clientCaptureStatus");
    }

    private boolean logSays(String start) {
        return onFx(() -> window.tab(TcpClientViewModel.class).traffic().log().entries().stream()
                .anyMatch(e -> e.message() != null && e.message().startsWith(start)));
    }

    private long logRowsStartingWith(String start) {
        return onFx(() -> window.tab(TcpClientViewModel.class).traffic().log().entries().stream()
                .filter(e -> e.kind() == LogEntry.Kind.INFO && e.message() != null && e.message().startsWith(start))
                .count());
    }

    @Test
    void aCaptureToANamedPipeWaitsForItsReaderOffTheFxThread(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Path other = dir.resolve("second-click.bin");
        // Handed over, not waited for: code that opened the pipe on the FX thread would never return.
        Platform.runLater(() -> capture.start(CaptureOptions.raw(pipe)));
        InputStream reader = null;
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the capture's pipe waited for a reader");
            assertEquals(CaptureModel.State.STARTING, onFx(() -> capture.stateProperty().get()));
            assertEquals("pipe \u00B7 opening\u2026", onFx(() -> capture.statusProperty().get()));
            assertTrue(onFx(() -> toggle().isSelected() && !toggle().isDisabled()),
                    "the button shows the capture on, and a click would give the open up");
            runFx(() -> capture.start(CaptureOptions.raw(other))); // a second click while it opens
        } finally {
            reader = Files.newInputStream(pipe); // the open waiting on the other end completes
            openedHere.add(reader);
        }
        awaitFx(() -> capture.runningProperty().get(), "capturing once the pipe has a reader");
        assertEquals(1, logRowsStartingWith("Capturing to"), "one open, one capture");
        assertFalse(Files.exists(other), "the second click opened nothing");
        runFx(capture::stop);
        awaitFx(() -> logSays("Capture stopped: 0 bytes in " + pipe), "the capture ended cleanly");
        assertEquals(CaptureModel.State.IDLE, onFx(() -> capture.stateProperty().get()));
        assertEquals(-1, reader.read(), "the capture closed its end of the pipe");
    }

    @Test
    void closingTheWindowWhileACaptureWaitsToOpenDoesNotWaitForIt(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Platform.runLater(() -> capture.start(CaptureOptions.raw(pipe)));
        boolean free = FxTesting.fxThreadFree();
        CountDownLatch shutDown = new CountDownLatch(1);
        Platform.runLater(() -> {
            window.shutdown(); // what the app's exit runs
            shutDown.countDown();
        });
        boolean exited = shutDown.await(FREE_WITHIN_SECONDS, TimeUnit.SECONDS);
        InputStream reader = Files.newInputStream(pipe); // lets the open still waiting complete
        openedHere.add(reader);
        assertTrue(free && exited, "the window shut down while the capture's pipe waited for a reader");
        // The open given up is closed as soon as it completes: the reader sees the end at once.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(-1, reader.read()),
                "the capture given up closed its end of the pipe");
    }

    @Test
    void aClickWhileTheFileOpensGivesTheOpenUp(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        runFx(() -> capture.start(CaptureOptions.raw(pipe)));
        assertEquals(CaptureModel.State.STARTING, onFx(() -> capture.stateProperty().get()));
        runFx(capture::stop);
        assertEquals(CaptureModel.State.IDLE, onFx(() -> capture.stateProperty().get()), "idle at once");
        assertTrue(logSays("Capture to " + pipe + " given up before its file opened"));
        InputStream reader = Files.newInputStream(pipe); // the open given up completes
        openedHere.add(reader);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(-1, reader.read()),
                "the open given up was closed as soon as it completed");
        assertFalse(onFx(() -> capture.runningProperty().get()), "and never recorded");
    }

    /** The reason, not the path again (all the system's exception says for a missing folder), in the user's language. */
    @Test
    void aCaptureIntoAMissingFolderSaysWhyAtItsStatus(@TempDir Path dir) {
        Path file = dir.resolve("absent").resolve("capture.bin");
        runFx(() -> capture.start(CaptureOptions.raw(file)));
        String english = "Cannot capture to " + file + ": no such file or folder";
        awaitFx(() -> english.equals(statusLabel().getText()), () -> "the status says why: " + onFx(() -> statusLabel().getText()));
        assertTrue(logSays(english), "and the log");
        runFx(() -> I18n.use(I18n.CHINESE));
        assertEquals("\u65e0\u6cd5\u4fdd\u5b58\u5230 " + file + "\uff1a\u6587\u4ef6\u6216\u6587\u4ef6\u5939\u4e0d\u5b58\u5728",
                onFx(() -> statusLabel().getText()), "said again in Chinese");
    }

    @Test
    void aStopWaitingForTheWritersLockLeavesTheFxThreadFree(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("capture.bin");
        runFx(() -> capture.start(CaptureOptions.raw(file)));
        awaitFx(() -> capture.runningProperty().get(), "capturing");
        SessionListener writer = ((SwitchableListener) capture.listener()).get();
        boolean free;
        synchronized (writer) { // as the I/O thread holds it while a slow disk takes a write
            Platform.runLater(capture::stop);
            free = FxTesting.fxThreadFree();
            if (free) {
                assertEquals(CaptureModel.State.STOPPING, onFx(() -> capture.stateProperty().get()));
                assertEquals("capture.bin \u00B7 closing\u2026", onFx(() -> capture.statusProperty().get()));
                assertTrue(onFx(() -> toggle().isDisabled()), "no click while the files close");
            }
        }
        assertTrue(free, "the FX thread ran a task while the stopped capture waited for its writer");
        awaitFx(() -> !toggle().isDisabled() && !toggle().isSelected(), "the button is back, off");
        awaitFx(() -> logSays("Capture stopped: 0 bytes in " + file), "stopped once the writer was free");
    }
}
