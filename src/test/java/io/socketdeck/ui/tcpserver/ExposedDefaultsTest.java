package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9: the server listened on every interface with no client limit, and nothing said so.
 * All interfaces stays the default (devices on the network must reach it), but the status says
 * who can reach it, loopback comes first in the address list, and Max clients starts finite.
 * Nothing here listens on a wildcard: the status is read from a session built but never started.
 */
@ExtendWith(ApplicationExtension.class)
class ExposedDefaultsTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    @Test
    void maxClientsStartsFiniteAndAnEmptyFieldStillMeansNoLimit(FxRobot robot) {
        click(robot, "#tabTcpServer");
        TextField field = FxTesting.lookup(robot, "#serverMaxClients").queryAs(TextField.class);
        assertEquals("1000", onFx(field::getText));
        assertEquals(1_000, TcpServerViewModel.parseMaxClients(onFx(field::getText)));
        runFx(() -> field.setText(""));
        assertEquals(0, TcpServerViewModel.parseMaxClients(onFx(field::getText)), "cleared: no limit");
    }

    @Test
    void theAddressListOffersLoopbackFirst(FxRobot robot) {
        click(robot, "#tabTcpServer");
        click(robot, "#tabUdp");
        @SuppressWarnings("unchecked")
        ComboBox<BindAddress> server = FxTesting.lookup(robot, "#serverBind").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<BindAddress> udp = FxTesting.lookup(robot, "#udpBindHost").queryAs(ComboBox.class);
        for (ComboBox<BindAddress> combo : List.of(server, udp)) {
            List<String> offered = onFx(() -> combo.getItems().stream().map(BindAddress::literal).toList());
            assertEquals(List.of("127.0.0.1", "::1", "0.0.0.0", "::"), offered.subList(0, 4), combo.getId());
        }
    }

    @Test
    void listeningOnAllInterfacesSaysTheNetworkCanReachIt() {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        try (LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("exposed-defaults-test"))) {
            assertTrue(statusWhenOpen(server, "0.0.0.0", loops).contains("all interfaces: reachable from your network"));
            assertTrue(statusWhenOpen(server, "::", loops).contains("all interfaces: reachable from your network"));
            assertFalse(statusWhenOpen(server, "127.0.0.1", loops).contains("all interfaces"));
        }
    }

    /** The status the tab would show once listening on {@code address}; the session is built, not started. */
    private static String statusWhenOpen(TcpServerViewModel server, String address, LoopGroup loops) {
        return onFx(() -> {
            server.bindAddressProperty().set(address);
            server.portProperty().set("0");
            assertNotNull(server.createSession(event -> { }, new TrafficCounters(), loops.next()), address);
            return server.statusText(ConnectionState.OPEN);
        });
    }
}
