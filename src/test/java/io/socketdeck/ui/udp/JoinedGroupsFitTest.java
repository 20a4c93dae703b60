package io.socketdeck.ui.udp;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.fx.LayoutCheck;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The groups joined are listed in the connection bar; eight of them made the label wider than a
 * 900 px window, and the bar's row took the whole tab with it, Send cut off at its right.
 */
@ExtendWith(ApplicationExtension.class)
class JoinedGroupsFitTest {

    private static final int GROUPS = 8;

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

    @Test
    void manyGroupsJoinedLeaveSendInTheWindow(FxRobot robot) throws Exception {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> MainWindowFixture.showSized(stage, Locale.ENGLISH, 900, 520));
        runFx(() -> MainWindowFixture.showTab(window.root(), "tabUdp"));
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        String lo = UdpProbe.loopbackInterface().getName();
        tab.bindTo("127.0.0.1", "");
        tab.open();
        tab.showMulticast();
        tab.multicastInterface(lo);
        for (int i = 0; i < GROUPS; i++) {
            int joinedBefore = i;
            tab.type("#udpMulticastGroup", "239.255.77." + (100 + i));
            tab.click("#udpJoin");
            awaitFx(() -> tab.viewModel().multicast().joined().size() > joinedBefore || tab.lastError().isPresent(),
                    "join answered");
            tab.lastError().ifPresent(error -> Assumptions.abort("the OS refused to join on " + lo + ": " + error));
        }
        Scene scene = stage.getScene();
        assertEquals(List.of(), onFx(() -> LayoutCheck.outsideWindowWidth(scene, "#udpOpen", "#udpSend", "#udpJoinedGroups")), "they lie in the window");
        Label joined = onFx(() -> (Label) scene.lookup("#udpJoinedGroups"));
        assertTrue(onFx(() -> joined.getText().contains("239.255.77." + (100 + GROUPS - 1))
                && joined.getText().equals(Tips.getText(joined))), "the tooltip says every group");
    }
}
