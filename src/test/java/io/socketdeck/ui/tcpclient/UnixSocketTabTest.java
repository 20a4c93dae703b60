package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A Unix socket from the window: the server tab listens on a path, the client tab connects to it. */
@ExtendWith(ApplicationExtension.class)
class UnixSocketTabTest {

    @TempDir
    Path dir;

    private Stage stage;
    private MainWindow window;
    private TcpClientViewModel client;
    private TcpServerViewModel server;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
        server = window.tab(TcpServerViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
        runFx(() -> I18n.use(Locale.ENGLISH));
    }

    private void show(String tabId) {
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), tabId));
    }

    @Test
    void clientAndServerTalkOverAPathAndStopRemovesTheFile(FxRobot robot) {
        Path path = dir.resolve("deck.sock");
        show("tabTcpServer");
        runFx(() -> server.bindAddressProperty().set("unix:" + path));
        click(robot, "#serverListen");
        awaitFx(() -> server.stateProperty().get() == ConnectionState.OPEN, "listening on the path");
        assertTrue(UnixSockets.isSocket(path));
        assertTrue(onFx(() -> server.statusProperty().get().contains("unix:" + path)), onFx(() -> server.statusProperty().get()));

        show("tabTcpClient");
        runFx(() -> client.hostProperty().set("unix:" + path));
        click(robot, "#clientConnect");
        awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected to the path");
        assertTrue(onFx(() -> client.statusProperty().get().endsWith("→ unix:" + path)), onFx(() -> client.statusProperty().get()));
        TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
        runFx(() -> input.setText("ping over unix"));
        click(robot, "#clientSend");
        awaitFx(() -> server.traffic().log().entries().stream().anyMatch(e -> e.kind() == LogEntry.Kind.RX
                && "ping over unix".equals(e.text()) && e.peer().startsWith("unix:" + path + "#")),
                "the server's log names the client by the path and its number");
        awaitFx(() -> server.traffic().counters().rxBytesProperty().get() == 14, "counted");

        show("tabTcpServer");
        click(robot, "#serverListen"); // Stop
        awaitFx(() -> server.stateProperty().get() == ConnectionState.IDLE, "stopped");
        assertFalse(Files.exists(path), "the socket file is removed on Stop");
        awaitFx(() -> client.peerFinishedProperty().get(), "the client saw the server finish");
    }

    @Test
    void badPathsAreMessagesAtTheFields(FxRobot robot) throws Exception {
        runFx(() -> client.hostProperty().set("unix:" + dir.resolve("missing/deck.sock")));
        click(robot, "#clientConnect");
        Label hostError = FxTesting.lookup(robot, "#clientHostError").queryAs(Label.class);
        awaitFx(() -> I18n.text("field.unix.MISSING_DIRECTORY").equals(hostError.getText()), () -> hostError.getText());
        runFx(() -> client.hostProperty().set("unix:" + dir.resolve("x".repeat(120))));
        click(robot, "#clientConnect");
        awaitFx(() -> "The socket path is too long: at most 107 bytes.".equals(hostError.getText()), () -> hostError.getText());
        assertEquals(ConnectionState.IDLE, onFx(() -> client.stateProperty().get()));
        runFx(() -> {
            I18n.use(Locale.CHINESE);
            client.hostProperty().set("unix:" + dir.resolve("none.sock"));
        });
        click(robot, "#clientConnect");
        awaitFx(() -> "此路径上没有套接字：服务器是否在运行？".equals(hostError.getText()), () -> hostError.getText());
        runFx(() -> I18n.use(Locale.ENGLISH));

        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        show("tabTcpServer");
        runFx(() -> server.bindAddressProperty().set("unix:" + file));
        click(robot, "#serverListen");
        Label bindError = FxTesting.lookup(robot, "#serverBindError").queryAs(Label.class);
        awaitFx(() -> "This path exists and is not a socket.".equals(bindError.getText()), () -> bindError.getText());
        assertEquals("a file", Files.readString(file), "never replaced");
        assertEquals(ConnectionState.IDLE, onFx(() -> server.stateProperty().get()));
    }
}
