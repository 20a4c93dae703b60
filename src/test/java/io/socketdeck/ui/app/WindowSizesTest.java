package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.LayoutCheck;
import io.socketdeck.ui.fx.Snapshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every tab is usable at the window's minimum size and up: at 900 x 520, 1024 x 768 and the
 * default 1280 x 800, in English and Chinese, and at 125 % zoom, no control with an automation id
 * is cut by the window or by what holds it, none lies on another, and no label or button shows
 * an ellipsis it does not have.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizesTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        runFx(() -> MainWindowFixture.shutDown(window));
    }

    @ParameterizedTest(name = "{0} x {1}, {2}, {3} %")
    @CsvSource({
        "900, 520, en, 100",
        "900, 520, zh, 100",
        "1024, 768, en, 100",
        "1024, 768, zh, 100",
        "1280, 800, en, 100",
        "1280, 800, zh, 100",
        "1280, 800, en, 125",
        "1280, 800, zh, 125",
    })
    void everyTabFits(int width, int height, String language, int zoom) {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> {
            MainWindow shown = MainWindowFixture.show(stage, Locale.forLanguageTag(language));
            shown.viewOptions().zoomProperty().set(zoom);
            stage.setX(0); // inside the headless screen (1280 x 800), which it paints into
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            return shown;
        });
        List<String> problems = new ArrayList<>();
        TabPane tabs = onFx(() -> (TabPane) stage.getScene().lookup(".session-tabs"));
        for (Tab tab : onFx(() -> List.copyOf(tabs.getTabs()))) {
            runFx(() -> tabs.getSelectionModel().select(tab)); // builds its view, the first time
            MainWindowFixture.afterATickPulse(window); // what the view shows from its first pulse on
            runFx(() -> { // then CSS and layout as a pulse would do them, now
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
            String where = tab.getId() + " at " + width + "x" + height + " " + language + " " + zoom + "%: ";
            onFx(() -> LayoutCheck.problems(stage.getScene())).forEach(problem -> problems.add(where + problem));
            String shots = System.getProperty("layout.snapshots", "");
            if (!shots.isBlank()) {
                runFx(() -> Snapshots.save(stage.getScene(), Path.of(shots,
                        tab.getId() + "-" + width + "x" + height + "-" + language + "-" + zoom + ".png")));
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** Connected, listening and open, every tab still fits: the buttons' other words, the statuses. */
    @ParameterizedTest(name = "{0} x {1}, {2}")
    @CsvSource({
        "900, 520, en",
        "900, 520, zh",
    })
    void everyTabFitsWhileOpen(int width, int height, String language) throws Exception {
        List<TcpProbe> devices = new ArrayList<>();
        try (EchoPeer peer = EchoPeers.tcp()) {
            window = onFx(FxTesting.SLOW_TIMEOUT, () -> {
                MainWindow shown = MainWindowFixture.showSized(stage, Locale.forLanguageTag(language), width, height);
                return shown;
            });
            TcpClientViewModel client = window.tab(TcpClientViewModel.class);
            TcpServerViewModel server = window.tab(TcpServerViewModel.class);
            io.socketdeck.ui.udp.UdpViewModel udp = window.tab(io.socketdeck.ui.udp.UdpViewModel.class);
            runFx(() -> {
                client.portProperty().set(Integer.toString(peer.port()));
                client.connect();
                server.bindAddressProperty().set("127.0.0.1");
                server.portProperty().set("0");
                server.listen();
                udp.bindHostProperty().set("127.0.0.1");
                udp.open();
            });
            awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN && server.stateProperty().get() == ConnectionState.OPEN
                    && udp.stateProperty().get() == ConnectionState.OPEN, "connected, listening, open");
            String address = onFx(() -> server.listeningAddressProperty().get());
            InetSocketAddress listening = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
            for (int i = 0; i < 5; i++) { // more rows than the table shows: its scroll bar takes width
                devices.add(TcpProbe.connect(listening));
            }
            awaitFx(() -> server.clients().size() == 5, "five clients in the table");
            List<String> problems = new ArrayList<>();
            TabPane tabs = onFx(() -> (TabPane) stage.getScene().lookup(".session-tabs"));
            for (Tab tab : onFx(() -> List.copyOf(tabs.getTabs()))) {
                runFx(() -> tabs.getSelectionModel().select(tab)); // builds its view, the first time
                MainWindowFixture.afterATickPulse(window); // its statuses and the clients' rows
                runFx(() -> { // a view built just now has no CSS yet: layout alone would measure it unstyled
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                });
                onFx(() -> LayoutCheck.problems(stage.getScene())).forEach(problem -> problems.add(tab.getId() + ": " + problem));
            }
            assertEquals(List.of(), problems, String.join("\n", problems));
        } finally {
            for (TcpProbe device : devices) {
                device.close();
            }
        }
    }

    /**
     * Traffic changes what the log and the table show, never where anything is: the dividers stay,
     * the toolbars do not re-wrap, however big the counters grow.
     */
    @Test
    void theLayoutStaysPutUnderTraffic() throws Exception {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> {
            MainWindow shown = MainWindowFixture.show(stage, Locale.ENGLISH);
            stage.setX(0); // inside the headless screen (1280 x 800), which it paints into
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(768);
            return shown;
        });
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        runFx(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup(".session-tabs");
            tabs.getSelectionModel().select(1);
            server.bindAddressProperty().set("127.0.0.1");
            server.portProperty().set("0");
            server.listen();
        });
        awaitFx(() -> server.stateProperty().get() == ConnectionState.OPEN, "listening");
        String address = onFx(() -> server.listeningAddressProperty().get());
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
        List<String> ids = List.of("#serverListen", "#serverEncoding", "#serverClear", "#serverFilter", "#serverLog",
                "#serverClients", "#serverInput", "#serverSend", "#serverRepeat", "#serverQuickList", "#serverTarget");
        Map<String, Bounds> before = onFx(() -> where(ids));
        List<TcpProbe> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(TcpProbe.connect(target));
            }
            awaitFx(() -> server.clients().size() == 3, "three clients in the table");
            String talk = "hello from a device that talks a lot ".repeat(20);
            for (TcpProbe client : clients) {
                client.send(talk);
            }
            awaitFx(() -> server.traffic().counters().rxBytesProperty().get() == 3L * talk.length(), "their bytes counted");
            runFx(() -> { // counters as a long capture would leave them
                server.traffic().engineCounters().addReceived(987_654_321_000L);
                server.traffic().engineCounters().addSent(123_456_789_000L);
                server.traffic().counters().refresh();
            });
            MainWindowFixture.afterATickPulse(window); // the counters and the rows shown
            runFx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
            assertEquals(before, onFx(() -> where(ids)), "nothing moved");
        } finally {
            for (TcpProbe client : clients) {
                client.close();
            }
        }
    }

    /** A field's message starts under that field, wherever the field is: port 99999 under Port. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tabTcpClient, #clientPort, #clientPortError, #clientConnect",
        "tabTcpServer, #serverPort, #serverPortError, #serverListen",
        "tabUdp, #udpRemotePort, #udpRemotePortError, #udpOpen",
        "tabRelay, #relayTargetPort, #relayTargetPortError, #relayStart",
    })
    void aFieldsMessageSitsUnderThatField(String tabId, String fieldId, String messageId, String actionId, FxRobot robot) {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> {
            MainWindow shown = MainWindowFixture.show(stage, Locale.ENGLISH);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(768);
            TabPane tabs = (TabPane) stage.getScene().lookup(".session-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tab.getId().equals(tabId)).findFirst().orElseThrow());
            return shown;
        });
        if (tabId.equals("tabUdp")) {
            runFx(() -> window.tab(io.socketdeck.ui.udp.UdpViewModel.class).connectToRemoteProperty().set(true));
        }
        runFx(() -> ((javafx.scene.control.TextField) stage.getScene().lookup(fieldId)).setText("99999"));
        click(robot, actionId);
        awaitFx(() -> stage.getScene().lookup(messageId).isVisible(), "the message is shown");
        runFx(() -> { // where it is once laid out, as the next pulse would
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        Bounds field = onFx(() -> bounds(fieldId));
        Bounds message = onFx(() -> bounds(messageId));
        assertEquals(field.getMinX(), message.getMinX(), 2, "starts under the field: " + field + " / " + message);
        assertTrue(message.getMinY() >= field.getMaxY() - 1, "below it: " + field + " / " + message);
        runFx(() -> stage.getScene().getRoot().layout());
        assertEquals(List.of(), onFx(() -> LayoutCheck.problems(stage.getScene())), "nothing cut with the message shown");
    }

    private Bounds bounds(String id) {
        Node node = stage.getScene().lookup(id);
        return node.localToScene(node.getLayoutBounds());
    }

    private Map<String, Bounds> where(List<String> ids) {
        Map<String, Bounds> bounds = new LinkedHashMap<>();
        for (String id : ids) {
            Node node = stage.getScene().lookup(id);
            bounds.put(id, node.localToScene(node.getLayoutBounds()));
        }
        return bounds;
    }
}
