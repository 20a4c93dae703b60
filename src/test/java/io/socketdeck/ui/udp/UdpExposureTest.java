package io.socketdeck.ui.udp;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.tab.ConnectionState;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9: a UDP socket on a wildcard takes datagrams from the whole network; the status says so.
 * Nothing binds a wildcard here: the status is read from a session built but never started.
 */
@ExtendWith(ApplicationExtension.class)
class UdpExposureTest {

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
    void aSocketOnAllInterfacesSaysTheNetworkCanReachIt() {
        UdpViewModel udp = window.tab(UdpViewModel.class);
        try (LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("udp-exposure-test"))) {
            assertTrue(statusWhenOpen(udp, "0.0.0.0", loops).contains("all interfaces: reachable from your network"));
            assertFalse(statusWhenOpen(udp, "127.0.0.1", loops).contains("all interfaces"));
        }
    }

    private static String statusWhenOpen(UdpViewModel udp, String address, LoopGroup loops) {
        return onFx(() -> {
            udp.bindHostProperty().set(address);
            assertNotNull(udp.createSession(event -> { }, new TrafficCounters(), loops.next()), address);
            return udp.statusText(ConnectionState.OPEN);
        });
    }
}
