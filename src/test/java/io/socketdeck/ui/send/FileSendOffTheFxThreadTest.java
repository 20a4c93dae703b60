package io.socketdeck.ui.send;

import io.socketdeck.ui.fx.FxTesting;
import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.NamedPipes;
import io.socketdeck.testsupport.SinkServer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A file to send is opened off the FX thread: one whose open waits (a named pipe) never freezes the window. */
@ExtendWith(ApplicationExtension.class)
class FileSendOffTheFxThreadTest {

    private MainWindow window;
    private TcpClientViewModel client;
    /** The pipes' ends this test opened. */
    private final List<Closeable> openedHere = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() throws IOException {
        runFx(() -> MainWindowFixture.shutDown(window));
        for (Closeable opened : openedHere) {
            opened.close();
        }
    }


    private boolean logSays(String start) {
        return onFx(() -> client.traffic().log().entries().stream()
                .anyMatch(e -> e.message() != null && e.message().startsWith(start)));
    }

    private void connectTo(SinkServer sink) {
        runFx(() -> {
            client.portProperty().set(Integer.toString(sink.address().getPort()));
            client.connect();
        });
        awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
    }

    @Test
    void sendingANamedPipeWaitsForItsWriterOffTheFxThread(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        try (SinkServer sink = new SinkServer()) {
            connectTo(sink);
            // Handed over, not waited for: code that opened the pipe on the FX thread would not return.
            Platform.runLater(() -> client.traffic().sendTools().sendFile(pipe));
            OutputStream writer;
            try {
                assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the pipe to send waited for a writer");
                assertTrue(onFx(() -> client.traffic().sendTools().file().runningProperty().get()),
                        "the send runs as far as the view goes: File… disabled, Cancel shown");
                assertEquals("Opening pipe\u2026", onFx(() -> client.traffic().sendTools().file().statusProperty().get()));
            } finally {
                writer = Files.newOutputStream(pipe); // the open waiting on the other end completes
                openedHere.add(writer);
            }
            writer.close();
            // A pipe's length is 0: the send is done once it is open.
            awaitFx(() -> logSays("Sent pipe: 0 bytes"), "the send of the pipe ended");
            awaitFx(() -> !client.traffic().sendTools().file().runningProperty().get(), "no send runs");
        }
    }

    @Test
    void cancelWhileThePipeOpensGivesTheSendUp(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        try (SinkServer sink = new SinkServer()) {
            connectTo(sink);
            assertTrue(onFx(() -> client.traffic().sendTools().sendFile(pipe)));
            runFx(() -> client.traffic().sendTools().cancelFile());
            assertFalse(onFx(() -> client.traffic().sendTools().file().runningProperty().get()), "no send runs, at once");
            assertTrue(logSays("Cancelled sending pipe before the file opened"));
            OutputStream writer = Files.newOutputStream(pipe); // the open given up completes
            openedHere.add(writer);
            assertTrue(onFx(() -> client.traffic().sendTools().sendFile(dir.resolve("next.bin"))),
                    "the next send begins (its file missing: said under the send box)");
            awaitFx(() -> client.traffic().sendBox().errorProperty().get() != null, "the next send's file did not open");
            assertFalse(logSays("Sent pipe"), "the send given up sent nothing");
        }
    }
}
