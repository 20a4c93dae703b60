package io.socketdeck.ui.respond;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpserver.ServerTabDriver;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import io.socketdeck.ui.udp.UdpViewModel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12 in the tabs besides the client's (which its own tests cover): macros in the server
 * tab's sends, round trips in the server and UDP tabs, from the window, against real peers.
 */
@ExtendWith(ApplicationExtension.class)
class MacrosAndRoundTripsInEveryTabTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    private static int portOf(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private void send(FxRobot robot, String prefix, String text) {
        runFx(() -> ((TextArea) stage.getScene().lookup("#" + prefix + "Input")).setText(text));
        click(robot, "#" + prefix + "Send");
    }

    @Test
    void theServerTabsSendsCountAndItsClientsAnswersAreTimed(FxRobot robot) throws Exception {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        InetSocketAddress listening = new ServerTabDriver(robot, server).listenOnLoopback(0);
        try (TcpProbe client = TcpProbe.connect(listening)) {
            awaitFx(() -> server.clients().size() == 1, "the client is listed");
            send(robot, "server", "Q{{COUNTER:2}};");
            assertEquals("Q01;", client.readUtf8("Q01;", FxTesting.TIMEOUT));
            client.send("A1");
            Label summary = FxTesting.lookup(robot, "#serverRtt").queryAs(Label.class);
            awaitFx(() -> summary.getText().startsWith("\u21a9 answers: 1 "), () -> "timed: " + onFx(summary::getText));
            send(robot, "server", "Q{{COUNTER:2}};");
            assertEquals("Q02;", client.readUtf8("Q02;", FxTesting.TIMEOUT));
        }
    }

    @Test
    void theUdpTabTimesTheReplyToItsDatagram(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        UdpViewModel udp = window.tab(UdpViewModel.class);
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), "tabUdp"));
        try (PythonPeer echo = PythonPeer.udpEcho()) {
            ComboBox<?> bind = FxTesting.lookup(robot, "#udpBindHost").queryComboBox();
            runFx(() -> bind.getEditor().setText("127.0.0.1"));
            runFx(() -> ((TextField) stage.getScene().lookup("#udpBindPort")).setText(""));
            click(robot, "#udpOpen");
            awaitFx(() -> udp.stateProperty().get() == ConnectionState.OPEN, "open");
            runFx(() -> ((TextField) stage.getScene().lookup("#udpRemoteHost")).setText("127.0.0.1"));
            runFx(() -> ((TextField) stage.getScene().lookup("#udpRemotePort")).setText(Integer.toString(echo.port())));
            send(robot, "udp", "ping {{UNIX_MS}}");
            Label summary = FxTesting.lookup(robot, "#udpRtt").queryAs(Label.class);
            awaitFx(() -> summary.getText().startsWith("\u21a9 answers: 1 "), () -> "timed: " + onFx(summary::getText));
            String sent = onFx(() -> window.tab(UdpViewModel.class).traffic().log().entries().stream()
                    .filter(e -> e.kind() == io.socketdeck.core.log.LogEntry.Kind.TX).findFirst()
                    .map(e -> new String(e.bytes(), StandardCharsets.US_ASCII)).orElse(""));
            long millis = Long.parseLong(sent.substring("ping ".length()));
            assertEquals(true, Math.abs(System.currentTimeMillis() - millis) < Duration.ofMinutes(1).toMillis(),
                    "{{UNIX_MS}} became the time: " + sent);
        }
    }
}
