package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.labelText;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.relay.RelayViewModel;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A language switch builds the views again around the same models: what a model says itself (a
 * field's message set when Connect was pressed, the server's client count) is said again in the
 * new language, without the user touching the field.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchMessagesTest {

    private Stage stage;
    private MainWindow window;
    private TcpProbe probe;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(() -> MainWindowFixture.shutDown(window));
        if (probe != null) {
            probe.close();
        }
    }

    @Test
    void messagesTheModelsHoldFollowTheSwitch(FxRobot robot) throws Exception {
        // The client: a port that is no number, Connect pressed; the message shows at the field.
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        FxTesting.setText(robot, "#clientPort", "abc");
        click(robot, "#clientConnect");
        String portEnglish = I18n.text("field.port.notNumber");
        Await.until(() -> portEnglish.equals(shown(robot, "#clientPortError")), FxTesting.TIMEOUT,
                () -> "the client's port message, was " + labelText(robot, "#clientPortError"));

        // The server: one client connected, counted under the table.
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        runFx(() -> {
            server.bindAddressProperty().set("127.0.0.1");
            server.portProperty().set("0");
            server.listen();
        });
        awaitFx(() -> server.stateProperty().get() == ConnectionState.OPEN, "listening");
        probe = TcpProbe.connect(onFx(() -> server.listeningAddressProperty().get()));
        awaitFx(() -> server.clients().size() == 1, "the client in the table");
        click(robot, "#tabTcpServer");
        String countEnglish = I18n.format("server.clients.count", 1, 0);
        Await.until(() -> countEnglish.equals(shown(robot, "#serverClientCount")), FxTesting.TIMEOUT,
                () -> "the count, was " + labelText(robot, "#serverClientCount"));

        // The relay: a listen port out of range, Start pressed.
        click(robot, "#tabRelay");
        FxTesting.setText(robot, "#relayListenPort", "70000");
        click(robot, "#relayStart");
        String relayEnglish = I18n.text("field.port.rangeWithZero");
        Await.until(() -> relayEnglish.equals(shown(robot, "#relayListenPortError")), FxTesting.TIMEOUT,
                () -> "the relay's port message, was " + labelText(robot, "#relayListenPortError"));

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));

        // Each in Chinese at once, in the model and in the view built again; nothing was typed.
        String portChinese = I18n.text("field.port.notNumber");
        String countChinese = I18n.format("server.clients.count", 1, 0);
        String relayChinese = I18n.text("field.port.rangeWithZero");
        assertNotEquals(portEnglish, portChinese, "the bundles have a Chinese message");
        assertEquals(portChinese, onFx(() -> client.portErrorProperty().get()));
        assertEquals(countChinese, onFx(() -> server.clientSummary().get()));
        RelayViewModel relay = window.tab(RelayViewModel.class);
        assertEquals(relayChinese, onFx(() -> relay.listenPortErrorProperty().get()));

        awaitShown(robot, "#relayListenPortError", "the relay's view is shown");
        assertEquals(relayChinese, labelText(robot, "#relayListenPortError"));
        assertEquals("70000", onFx(() -> relay.listenPortProperty().get()), "what was typed stays");
        click(robot, "#tabTcpServer");
        awaitShown(robot, "#serverClientCount", "the server's view is shown");
        assertEquals(countChinese, labelText(robot, "#serverClientCount"));
        click(robot, "#tabTcpClient");
        awaitShown(robot, "#clientPortError", "the client's view is shown");
        assertEquals(portChinese, labelText(robot, "#clientPortError"));
    }

    /** Waits until the view built again shows {@code query}: a tab's view is built when first shown. */
    private static void awaitShown(FxRobot robot, String query, String what) {
        Await.until(() -> FxTesting.lookup(robot, query).tryQuery().isPresent(), FxTesting.TIMEOUT, what);
    }

    /** The text of the label {@code query} finds, read on the FX thread; empty while there is none. */
    private static String shown(FxRobot robot, String query) {
        return FxTesting.lookup(robot, query).tryQuery().map(node -> onFx(() -> ((Label) node).getText())).orElse("");
    }
}
