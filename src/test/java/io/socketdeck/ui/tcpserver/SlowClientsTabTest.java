package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9, items 3 and 4, in the server tab, with real clients on loopback that do not read.
 * A 1 ms repeat filled half the log with one "Not sent to X" per client per tick and never
 * stopped; a file sent to all stalled behind the slowest without a word.
 */
@ExtendWith(ApplicationExtension.class)
class SlowClientsTabTest {

    private MainWindow window;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    /** Drags the divider between the server's log and its send tools up, as a user would to see them all. */
    private static void roomForTheSendTools(FxRobot robot) {
        runFx(() -> FxTesting.lookup(robot, ".session-split").queryAllAs(javafx.scene.control.SplitPane.class).stream()
                .filter(split -> split.getOrientation() == javafx.geometry.Orientation.VERTICAL && split.isVisible()
                        && split.getScene() != null && split.lookup("#serverInput") != null)
                .forEach(split -> split.setDividerPositions(0.45)));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        runFx(window::shutdown);
    }

    private static List<String> events(ServerTabDriver tab) {
        return onFx(() -> tab.log().getItems().stream().filter(e -> !e.isData()).map(LogEntry::message).toList());
    }

    private TcpProbe client(InetSocketAddress server) throws IOException {
        TcpProbe probe = TcpProbe.connect(server);
        clients.add(probe);
        return probe;
    }

    @Test
    void aRepeatToClientsThatDoNotReadSaysSoOnceAndStops(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        for (int i = 0; i < 3; i++) {
            client(server); // connected, never reading
        }
        tab.awaitTableRows(3);
        TextArea input = FxTesting.lookup(robot, "#serverInput").queryAs(TextArea.class);
        runFx(() -> input.setText("x".repeat(16 * 1024)));
        TextField interval = FxTesting.lookup(robot, "#serverRepeatInterval").queryAs(TextField.class);
        runFx(() -> interval.setText("1"));
        click(robot, "#serverRepeat");

        tab.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && e.message().startsWith("Repeat stopped after"),
                "the repeat stops and says why");
        ToggleButton repeat = FxTesting.lookup(robot, "#serverRepeat").queryAs(ToggleButton.class);
        awaitFx(() -> !repeat.isSelected(), "the Repeat button is up again");
        List<String> errors = onFx(() -> tab.log().getItems().stream().filter(e -> e.kind() == LogEntry.Kind.ERROR)
                .map(LogEntry::message).toList());
        assertTrue(errors.size() <= 4, "a few rows, not one per client per tick: " + errors);
        assertTrue(errors.stream().anyMatch(m -> m.contains("not reading")), errors.toString());
        assertTrue(errors.stream().noneMatch(m -> m.startsWith("Not sent to")), "no per-send refusals: " + errors);
        assertEquals(3, onFx(() -> tab.table().getItems().size()), "the clients stay connected");
    }

    @Test
    void aFileToAllThatStallsNamesTheSlowClientAndSkippingItFinishesTheSend(FxRobot robot, @TempDir Path dir)
            throws Exception {
        TcpServerViewModel viewModel = window.tab(TcpServerViewModel.class);
        ServerTabDriver tab = new ServerTabDriver(robot, viewModel);
        InetSocketAddress server = tab.listenOnLoopback(0);
        TcpProbe reader = client(server);
        TcpProbe stuck = client(server);
        tab.awaitTableRows(2);
        byte[] content = new byte[48 << 20];
        new Random(3).nextBytes(content);
        Path file = Files.write(dir.resolve("firmware.bin"), content);
        AtomicLong read = new AtomicLong();
        Thread drain = new Thread(() -> {
            try {
                InputStream in = reader.socket().getInputStream();
                byte[] buffer = new byte[64 << 10];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read.addAndGet(n);
                }
            } catch (IOException ignored) {
                // closed at the end
            }
        }, "reading-client");
        drain.setDaemon(true);
        drain.start();

        roomForTheSendTools(robot);
        assertTrue(onFx(() -> viewModel.traffic().sendTools().sendFile(file)));
        Node stall = FxTesting.lookup(robot, "#serverFileStall").query();
        Label stallText = FxTesting.lookup(robot, "#serverFileStallText").queryAs(Label.class);
        String stuckAddress = Addresses.format(stuck.localAddress());
        awaitFx(() -> stall.isVisible() && stallText.getText().startsWith("Stalled: " + stuckAddress
                + " has not read for "), () -> "the stall is shown: " + onFx(stallText::getText));
        Label status = FxTesting.lookup(robot, "#serverFileStatus").queryAs(Label.class);
        awaitFx(() -> status.getText().endsWith("0 B/s"), () -> "the rate falls to 0: " + onFx(status::getText));
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#serverFileSkip").query().isVisible()), "Skip is offered");

        click(robot, "#serverFileSkip");
        awaitFx(() -> tab.log().getItems().stream().anyMatch(e -> !e.isData()
                && e.message().startsWith("Sent firmware.bin: 50,331,648 bytes")),
                () -> "the others got the file: " + events(tab) + ", the reader read " + read.get());
        Await.until(() -> read.get() == content.length, Duration.ofSeconds(10), () -> "the reader got every byte: " + read.get());
        awaitFx(() -> !stall.isVisible(), "the stall prompt is gone");
    }
}
