package io.socketdeck.ui.send;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.SinkServer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A file that opens but cannot be read ends its send with a row in the tab's log that says why in
 * the window's language, not the JDK's English, and the connection goes on.
 */
@ExtendWith(ApplicationExtension.class)
class FileSendReadFaultTest {

    private MainWindow window;
    private TcpClientViewModel client;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> MainWindowFixture.shutDown(window));
    }

    private boolean logHas(LogEntry.Kind kind, String message) {
        return onFx(() -> client.traffic().log().entries().stream()
                .anyMatch(e -> e.kind() == kind && message.equals(e.message())));
    }

    private String logText() {
        return onFx(() -> client.traffic().log().entries().stream().map(LogEntry::message).toList().toString());
    }

    /**
     * A folder opens for reading and fails at the first read, which root cannot get round. The
     * plain TCP client hands a file to the kernel (sendfile): there the folder made the connection
     * fail with "No such device"; read into memory (TLS, UDP) it said "(Is a directory)".
     */
    @Test
    void aFolderSentAsAFileSaysWhyInTheLogAndTheConnectionGoesOn(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assumeTrue(Files.size(folder) > 0, "a folder with a length (ext4, tmpfs); on btrfs it is 0 and sends nothing");
        try (SinkServer sink = new SinkServer()) {
            runFx(() -> {
                client.portProperty().set(Integer.toString(sink.address().getPort()));
                client.connect();
            });
            awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
            assertTrue(onFx(() -> client.traffic().sendTools().sendFile(folder)));
            String english = "Stopped sending folder: the file could not be read (it is a folder, not a file)";
            awaitFx(() -> logHas(LogEntry.Kind.ERROR, english), () -> "the log says why: " + logText());
            awaitFx(() -> !client.traffic().sendTools().file().runningProperty().get(), "no send runs");
            assertEquals(ConnectionState.OPEN, onFx(() -> client.stateProperty().get()), "the connection goes on");

            runFx(() -> I18n.use(I18n.CHINESE));
            assertTrue(onFx(() -> client.traffic().sendTools().sendFile(folder)));
            String chinese = "\u505c\u6b62\u53d1\u9001 folder\uff1a\u65e0\u6cd5\u8bfb\u53d6\u6587\u4ef6"
                    + "\uff08\u8fd9\u662f\u6587\u4ef6\u5939\uff0c\u4e0d\u662f\u6587\u4ef6\uff09";
            awaitFx(() -> logHas(LogEntry.Kind.ERROR, chinese), () -> "the log says why in Chinese: " + logText());
            assertEquals(ConnectionState.OPEN, onFx(() -> client.stateProperty().get()), "the connection goes on");
        }
    }
}
