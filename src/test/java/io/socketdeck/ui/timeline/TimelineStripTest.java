package io.socketdeck.ui.timeline;

import static io.socketdeck.ui.fx.FxTesting.SLOW_TIMEOUT;
import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.timeline.TimelineCsv;
import io.socketdeck.core.timeline.TimelineEvent;
import io.socketdeck.core.timeline.UpIntervals;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.concurrent.Worker;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The timeline strip in the window: in every tab, thin and inside it; drawing two connections; its CSV. */
@ExtendWith(ApplicationExtension.class)
class TimelineStripTest {

    private Stage stage;
    private MainWindow window;
    private EchoPeer peer;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(window::shutdown);
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void everyTabHasAThinStripInsideTheWindowAt1024x768() {
        runFx(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        for (String[] tab : new String[][] {{"tabTcpClient", "#clientTimeline"}, {"tabTcpServer", "#serverTimeline"},
                {"tabUdp", "#udpTimeline"}}) {
            runFx(() -> {
                MainWindowFixture.showTab(stage.getScene().getRoot(), tab[0]);
                stage.getScene().getRoot().layout();
            });
            Node strip = onFx(() -> stage.getScene().lookup(tab[1]));
            assertTrue(strip instanceof TimelineStrip, tab[1]);
            Bounds bounds = onFx(() -> strip.localToScene(strip.getLayoutBounds()));
            assertTrue(onFx(strip::isVisible) && bounds.getHeight() > 10 && bounds.getHeight() <= 20, tab[1] + " " + bounds);
            assertTrue(bounds.getWidth() >= 120, tab[1] + " " + bounds);
            assertTrue(bounds.getMinX() >= 0 && bounds.getMaxX() <= 1024 && bounds.getMaxY() <= 768, tab[1] + " " + bounds);
            assertTrue(onFx(() -> stage.getScene().lookup(tab[1] + "Export")) != null, tab[1] + "Export");
        }
    }

    @Test
    void twoConnectionsAreTwoIntervalsWithTheirMarksAndTheirCsv(FxRobot robot, @TempDir Path dir) throws Exception {
        peer = EchoPeers.tcp();
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        runFx(() -> client.portProperty().set(Integer.toString(peer.address().getPort())));
        for (int i = 0; i < 2; i++) {
            click(robot, "#clientConnect");
            awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
            click(robot, "#clientConnect");
            awaitFx(() -> client.stateProperty().get() == ConnectionState.IDLE, "disconnected");
        }
        TimelineModel model = client.traffic().timeline();
        TimelineStrip strip = FxTesting.lookup(robot, "#clientTimeline").queryAs(TimelineStrip.class);
        // Drawn from the model's frames, on the tick: the last one has both stretches, ended.
        awaitFx(() -> strip.chart().shown().events().stream().filter(e -> e.kind() == TimelineEvent.Kind.CLOSED).count() == 2,
                "both sessions drawn");
        List<UpIntervals.Interval> up = onFx(() -> model.frameProperty().get().up());
        assertEquals(2, up.size());
        assertTrue(up.stream().noneMatch(UpIntervals.Interval::open));

        // Pointing at the last mark (the second close, at the right edge's side) tells it.
        TimelineEvent connected = onFx(() -> strip.chart().shown().events().stream()
                .filter(e -> e.kind() == TimelineEvent.Kind.CONNECTED).reduce((a, b) -> b).orElseThrow());
        String hover = onFx(() -> {
            TimelineChart chart = strip.chart();
            TimelineModel.Frame frame = model.frameProperty().get();
            assertEquals(60_000, frame.spanMillis(), "a young timeline shows its first minute");
            long from = frame.nowMillis() - frame.spanMillis();
            double x = (connected.timeMillis() - from) * chart.getWidth() / frame.spanMillis();
            return chart.describeAt(x);
        });
        assertTrue(hover.contains("Connected " + connected.peer()) || hover.contains("Closed"), hover);

        Path file = dir.resolve("timeline.csv");
        var task = onFx(() -> TimelineExport.save(model.timeline(), file, (kind, text) -> client.traffic().log().note(kind, text)));
        awaitFx(() -> task.getState() == Worker.State.SUCCEEDED, "saved");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(TimelineCsv.HEADER, lines.get(0));
        assertEquals(2, lines.stream().filter(line -> line.contains(",CONNECTED," + connected.peer() + ",")).count(), lines.toString());
        assertEquals(2, lines.stream().filter(line -> line.contains(",CLOSED,,LOCAL,")).count(), lines.toString());
        awaitFx(() -> client.traffic().log().entries().stream()
                .anyMatch(e -> e.kind() == LogEntry.Kind.INFO && e.message() != null && e.message().startsWith("Saved " + (lines.size() - 1) + " timeline rows")),
                "the log says so");
    }
}
