package io.socketdeck.ui.log;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 12, round trips, in the window: an answer's row says how long it took; the status line sums them up. */
@ExtendWith(ApplicationExtension.class)
class RoundTripTabTest {

    private MainWindow window;
    private TcpClientViewModel client;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    @Test
    void anEchoedSendShowsItsRoundTripOnItsRowAndInTheStatusLine(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            runFx(() -> {
                client.portProperty().set(Integer.toString(peer.address().getPort()));
                client.connect();
            });
            awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
            Label summary = FxTesting.lookup(robot, "#clientRtt").queryAs(Label.class);
            assertTrue(onFx(() -> !summary.getParent().isVisible()), "no answers yet: nothing shown");
            runFx(() -> FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class).setText("PING"));
            click(robot, "#clientSend");
            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> log.getItems().stream().anyMatch(e -> e.kind() == LogEntry.Kind.RX && e.roundTripNanos() > 0),
                    "the echo is an answer");
            awaitFx(() -> log.lookupAll(".log-round-trip").stream().anyMatch(Node::isVisible)
                    && log.lookupAll(".log-round-trip").stream().filter(Node::isVisible)
                    .allMatch(n -> ((Label) n).getText().matches("\u21a9 \\d+\\.\\d+ ms")), "the row says how long");
            awaitFx(() -> summary.getText().startsWith("\u21a9 answers: 1 \u00b7 min ") && summary.getParent().isVisible(),
                    () -> "the summary: " + onFx(summary::getText));
            click(robot, "#clientRttReset");
            awaitFx(() -> !summary.getParent().isVisible(), "reset: nothing shown");
        }
    }
}
