package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.labelText;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.socketdeck.testsupport.Await;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.udp.UdpViewModel;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A language switch builds the views again around the same models: why a send went nowhere (not
 * connected; nobody to reply to yet), shown under the send box, is said again in the new
 * language, in the model and in the view built again, until the user sends again.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchSendMessagesTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> MainWindowFixture.shutDown(window));
    }

    @Test
    void whereASendCannotGoFollowsTheSwitch(FxRobot robot) {
        // The client, not connected: Send says so.
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        click(robot, "#tabTcpClient");
        click(robot, "#clientSend");
        String notConnectedEnglish = I18n.text("send.error.notConnected");
        Await.until(() -> notConnectedEnglish.equals(shown(robot, "#clientSendError")), FxTesting.TIMEOUT,
                () -> "the client's send message, was " + shown(robot, "#clientSendError"));

        // UDP, open and replying to the last sender, of whom there is none yet.
        UdpViewModel udp = window.tab(UdpViewModel.class);
        runFx(() -> {
            udp.bindHostProperty().set("127.0.0.1");
            udp.bindPortProperty().set("0");
            udp.open();
        });
        awaitFx(() -> udp.stateProperty().get() == ConnectionState.OPEN, "the UDP socket open");
        click(robot, "#tabUdp");
        click(robot, "#udpReplyToSender");
        click(robot, "#udpSend");
        String noSenderEnglish = I18n.text("udp.error.noSender");
        Await.until(() -> noSenderEnglish.equals(shown(robot, "#udpSendError")), FxTesting.TIMEOUT,
                () -> "the UDP tab's send message, was " + shown(robot, "#udpSendError"));

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));

        String notConnectedChinese = I18n.text("send.error.notConnected");
        String noSenderChinese = I18n.text("udp.error.noSender");
        assertNotEquals(notConnectedEnglish, notConnectedChinese, "the bundles have a Chinese message");
        assertEquals(notConnectedChinese, onFx(() -> client.traffic().sendBox().errorProperty().get()));
        assertEquals(noSenderChinese, onFx(() -> udp.traffic().sendBox().errorProperty().get()));

        awaitShown(robot, "#udpSendError", "the UDP tab's view is shown");
        assertEquals(noSenderChinese, labelText(robot, "#udpSendError"));
        click(robot, "#tabTcpClient");
        awaitShown(robot, "#clientSendError", "the client's view is shown");
        assertEquals(notConnectedChinese, labelText(robot, "#clientSendError"));

        // Still a message about the target: connecting (or here, closing the socket) clears it.
        runFx(udp::close);
        awaitFx(() -> udp.traffic().sendBox().errorProperty().get() == null,
                () -> "the message went with its cause, was " + onFx(() -> udp.traffic().sendBox().errorProperty().get()));
    }

    /** Waits until the view built again shows {@code query}: a tab's view is built when first shown. */
    private static void awaitShown(FxRobot robot, String query, String what) {
        Await.until(() -> FxTesting.lookup(robot, query).tryQuery().isPresent(), FxTesting.TIMEOUT, what);
    }

    /** The text of the label {@code query} finds, read on the FX thread; empty while there is none. */
    private static String shown(FxRobot robot, String query) {
        return FxTesting.lookup(robot, query).tryQuery().map(node -> onFx(() -> text(node))).orElse("");
    }

    private static String text(Node label) {
        return ((Label) label).getText() == null ? "" : ((Label) label).getText();
    }
}
