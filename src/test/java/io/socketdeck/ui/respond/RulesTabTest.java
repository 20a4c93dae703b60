package io.socketdeck.ui.respond;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpserver.ServerTabDriver;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, auto-reply rules, from the window: the server tab made into a small Modbus device by
 * one hex rule, and a rule that cannot be used refused in its dialog, at its field.
 */
@ExtendWith(ApplicationExtension.class)
class RulesTabTest {

    private static final InetAddress LOOPBACK_HOST = InetAddress.getLoopbackAddress();

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> {
            DialogDriver.closeAllBut(stage);
            window.shutdown();
        });
    }

    /** Shows the tab's Auto-reply list and clicks + ; returns the rule dialog. */
    private Scene addRule(String tabId, String prefix) {
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), tabId));
        runFx(() -> ((ToggleButton) stage.getScene().lookup("#" + prefix + "RulesTab")).fire());
        return DialogDriver.open(onFx(() -> (Button) stage.getScene().lookup("#" + prefix + "RuleAdd")), "rulePattern");
    }

    @Test
    void oneHexRuleMakesTheServerAModbusDevice(FxRobot robot) throws Exception {
        Scene dialog = addRule("tabTcpServer", "server");
        runFx(() -> ((TextField) dialog.lookup("#ruleName")).setText("read 2 registers"));
        DialogDriver.choose(dialog, "#ruleMatch", Rule.Match.HEX);
        runFx(() -> ((TextField) dialog.lookup("#rulePattern")).setText("01 03 ?? ?? 00 02"));
        runFx(() -> ((TextArea) dialog.lookup("#ruleReply")).setText("01 03 04 00 0A 00 0B"));
        runFx(() -> ((CheckBox) dialog.lookup("#ruleHex")).setSelected(true));
        DialogDriver.choose(dialog, "#ruleChecksum", Checksum.CRC16_MODBUS);
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> !dialog.getWindow().isShowing(), "the dialog closed");

        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        InetSocketAddress listening = new ServerTabDriver(robot, server).listenOnLoopback(0);
        byte[] expected = Checksum.CRC16_MODBUS.append(HexFormat.of().parseHex("010304000a000b"));
        try (TcpProbe master = TcpProbe.connect(listening)) {
            master.send(HexFormat.of().parseHex("010300000002c40b")); // read holding registers 0..1 of unit 1
            assertArrayEquals(expected, master.readExactly(expected.length, Duration.ofSeconds(10)));
            master.send(HexFormat.of().parseHex("010300100002c5ce"));
            assertArrayEquals(expected, master.readExactly(expected.length, Duration.ofSeconds(10)));
        }
        ListView<Rule> rules = FxTesting.lookup(robot, "#serverRules").queryListView();
        awaitFx(() -> rules.lookupAll(".label").stream().anyMatch(n -> "\u00d72".equals(((Label) n).getText())),
                "the rule shows its two hits");
        ListView<LogEntry> log = FxTesting.lookup(robot, "#serverLog").queryListView();
        awaitFx(() -> log.getItems().stream().filter(LogEntry::automatic).count() == 2, "two AUTO rows");
        assertTrue(onFx(() -> ((CheckBox) stage.getScene().lookup("#serverRuleOn1")).isSelected()), "the row's switch, by its id");
        click(robot, "#serverRuleOn1");
        awaitFx(() -> !rules.getItems().get(0).enabled(), "switched off from its row");
    }

    @Test
    void aUdpRuleAnswersTheSenderWithTheRequestsGroupAndTheCounter(FxRobot robot) throws Exception {
        Scene dialog = addRule("tabUdp", "udp");
        DialogDriver.choose(dialog, "#ruleMatch", Rule.Match.REGEX);
        runFx(() -> ((TextField) dialog.lookup("#rulePattern")).setText("^GET (\\w+)"));
        runFx(() -> ((TextArea) dialog.lookup("#ruleReply")).setText("$1=42 #{{COUNTER}}"));
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> !dialog.getWindow().isShowing(), "the dialog closed");

        io.socketdeck.ui.udp.UdpViewModel udp = window.tab(io.socketdeck.ui.udp.UdpViewModel.class);
        ComboBox<?> bind = FxTesting.lookup(robot, "#udpBindHost").queryComboBox();
        runFx(() -> bind.getEditor().setText("127.0.0.1"));
        runFx(() -> ((TextField) stage.getScene().lookup("#udpBindPort")).setText("0"));
        click(robot, "#udpOpen");
        awaitFx(() -> udp.stateProperty().get() == ConnectionState.OPEN, "open");
        String local = onFx(() -> udp.localAddressProperty().get());
        InetSocketAddress address = new InetSocketAddress(LOOPBACK_HOST, Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)));
        try (io.socketdeck.testsupport.UdpProbe sender = io.socketdeck.testsupport.UdpProbe.bind()) {
            sender.send("GET temp".getBytes(java.nio.charset.StandardCharsets.US_ASCII), address);
            assertEquals("temp=42 #1", new String(sender.receive(FxTesting.TIMEOUT).bytes(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            sender.send("GET rate".getBytes(java.nio.charset.StandardCharsets.US_ASCII), address);
            assertEquals("rate=42 #2", new String(sender.receive(FxTesting.TIMEOUT).bytes(),
                    java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aRegexThatDoesNotCompileIsRefusedUnderThePattern() {
        Scene dialog = addRule("tabTcpClient", "client");
        DialogDriver.choose(dialog, "#ruleMatch", Rule.Match.REGEX);
        runFx(() -> ((TextField) dialog.lookup("#rulePattern")).setText("SET (\\w+"));
        runFx(() -> ((TextArea) dialog.lookup("#ruleReply")).setText("OK $1"));
        DialogDriver.press(dialog, ButtonType.OK);
        Label error = onFx(() -> (Label) dialog.lookup("#rulePatternError"));
        awaitFx(() -> error.isVisible() && error.getText().startsWith("Not a valid regular expression at character"),
                () -> "the reason: " + onFx(error::getText));
        assertTrue(onFx(() -> dialog.getWindow().isShowing()), "still open");
        runFx(() -> ((TextField) dialog.lookup("#rulePattern")).setText("SET (\\w+)"));
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> !dialog.getWindow().isShowing(), "closed once the pattern is right");
        assertEquals("SET (\\w+)", onFx(() -> window.tab(io.socketdeck.ui.tcpclient.TcpClientViewModel.class)
                .traffic().responses().rules().get(0).pattern()));
    }
}
