package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.WrappingText;
import io.socketdeck.ui.tab.ConnectionState;
import java.nio.charset.Charset;
import java.util.Locale;
import javafx.scene.control.ComboBox;
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

@ExtendWith(ApplicationExtension.class)
class TcpClientTabTest {

    private MainWindow window;
    private TcpClientViewModel viewModel;
    private EchoPeer peer;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        viewModel = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(window::shutdown);
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void switchingTheEncodingReRendersTheLogOnScreen(FxRobot robot) throws Exception {
        peer = EchoPeers.tcp();
        click(robot, "#clientPort").write(Integer.toString(peer.address().getPort()));
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
        click(robot, "#clientHexSend");
        TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
        runFx(() -> input.setText("C4 E3 BA C3")); // 你好 in GBK, while the tab shows UTF-8
        click(robot, "#clientSend");
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        awaitFx(() -> log.getItems().stream().anyMatch(e -> e.kind() == LogEntry.Kind.RX), "echo arrived");
        awaitFx(() -> log.getItems().stream().filter(LogEntry::isData).allMatch(e -> e.text().contains("\uFFFD")),
                "GBK bytes garbled in UTF-8");

        ComboBox<Charset> encoding = FxTesting.lookup(robot, "#clientEncoding").queryComboBox();
        click(robot, "#clientEncoding");
        click(robot, "GBK");
        assertEquals(Charset.forName("GBK"), onFx(encoding::getValue));
        awaitFx(() -> log.getItems().stream().filter(LogEntry::isData).allMatch(e -> "你好".equals(e.text())),
                "TX and RX rows re-rendered in GBK");
        click(robot, "#clientHexView");
        awaitFx(() -> FxTesting.lookup(robot, ".log-payload").queryAllAs(WrappingText.class).stream()
                .anyMatch(payload -> "C4 E3 BA C3".equals(payload.getText())), "hex view shows the exact bytes");
    }

    @Test
    void chineseRoundTripsThroughARealEchoPeerInGbkAndUtf8(FxRobot robot) throws Exception {
        peer = EchoPeers.tcp();
        click(robot, "#clientPort").write(Integer.toString(peer.address().getPort()));
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected to " + peer.description());

        for (String name : new String[] {"GBK", "UTF-8"}) {
            Charset charset = Charset.forName(name);
            ComboBox<Charset> encoding = FxTesting.lookup(robot, "#clientEncoding").queryComboBox();
            runFx(() -> encoding.setValue(charset));
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("你好"));
            click(robot, "#clientSend");

            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> log.getItems().stream().anyMatch(e -> e.kind() == LogEntry.Kind.RX && charset.equals(e.charset())
                    && "你好".equals(e.text())), "echo of 你好 in " + name + " shown");
            LogEntry rx = onFx(() -> log.getItems().stream()
                    .filter(e -> e.kind() == LogEntry.Kind.RX && charset.equals(e.charset())).reduce((a, b) -> b).orElseThrow());
            assertArrayEquals("你好".getBytes(charset), rx.bytes(), "raw bytes of the echo in " + name);
        }

        long expected = "你好".getBytes("GBK").length + "你好".getBytes("UTF-8").length;
        awaitFx(() -> viewModel.traffic().counters().rxBytesProperty().get() == expected, "RX counter");
        assertEquals(Long.toString(expected), onFx(() -> FxTesting.lookup(robot, "#clientRxBytes").queryAs(Label.class)
                .getText()));
        assertEquals(Long.toString(expected), onFx(() -> FxTesting.lookup(robot, "#clientTxBytes").queryAs(Label.class)
                .getText()));
    }
}
