package io.socketdeck.ui.send;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.SinkServer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.capture.CaptureModel;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The send tools, driven through the client tab against real peers. */
@ExtendWith(ApplicationExtension.class)
class SendToolkitTest {

    private MainWindow window;
    private TcpClientViewModel client;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    private void connectTo(InetSocketAddress address) {
        runFx(() -> {
            client.portProperty().set(Integer.toString(address.getPort()));
            client.connect();
        });
        awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
    }

    /** Every RX byte in the log, in order: what the echo peer sent back. */
    private String echoedText() {
        return new String(echoed(), StandardCharsets.US_ASCII);
    }

    private byte[] echoed() {
        return onFx(() -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            client.traffic().log().entries().stream().filter(e -> e.kind() == LogEntry.Kind.RX).forEach(e -> all.writeBytes(e.bytes()));
            return all.toByteArray();
        });
    }

    @Test
    void aQuickCommandClickSendsItsOwnBytes(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            runFx(() -> window.quickCommands().add(new QuickCommand("read", "01 03 00 00 00 02", true, "UTF-8", false,
                    LineEnding.NONE, Checksum.CRC16_MODBUS)));
            awaitFx(() -> FxTesting.lookup(robot, "#clientQuickSend1").tryQuery().isPresent(),
                    "the command's row is shown");
            click(robot, "#clientQuickSend1");
            byte[] expected = {0x01, 0x03, 0x00, 0x00, 0x00, 0x02, (byte) 0xC4, 0x0B}; // CRC-16/MODBUS, low byte first
            awaitFx(() -> echoed().length == expected.length, "the command came back");
            assertArrayEquals(expected, echoed());

            runFx(() -> window.quickCommands().add(QuickCommand.text("ping", "PING")));
            click(robot, "#clientInput").press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
            awaitFx(() -> new String(echoed(), StandardCharsets.US_ASCII).endsWith("PING"), "Ctrl+2 sent the second command");
        }
    }

    @Test
    void escapesLineEndingAndChecksumShapeTheBytes(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            runFx(() -> {
                client.traffic().sendBox().escapesProperty().set(true);
                client.traffic().sendBox().checksumProperty().set(Checksum.SUM8);
                client.traffic().sendBox().lineEndingProperty().set(LineEnding.CRLF);
                client.traffic().sendBox().textProperty().set("A\\x00\\t");
            });
            click(robot, "#clientSend");
            // payload 41 00 09, SUM8 = 0x4A, then CR LF
            byte[] expected = {0x41, 0x00, 0x09, 0x4A, 0x0D, 0x0A};
            awaitFx(() -> echoed().length == expected.length, "echo");
            assertArrayEquals(expected, echoed());
        }
    }

    @Test
    void aRepeatSendOfNMessagesArrivesExactlyNTimes(FxRobot robot) throws Exception {
        try (SinkServer sink = new SinkServer()) {
            connectTo(sink.address());
            byte[] message = "tick;".getBytes(StandardCharsets.US_ASCII);
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("tick;"));
            runFx(() -> FxTesting.lookup(robot, "#clientRepeatInterval").queryAs(TextField.class).setText("5"));
            runFx(() -> FxTesting.lookup(robot, "#clientRepeatCount").queryAs(TextField.class).setText("40"));
            click(robot, "#clientRepeat");
            // The end state only: 40 sends take ~200 ms, so "running" may be over before a first look.
            awaitFx(() -> client.traffic().sendTools().periodic().sentProperty().get() == 40
                    && !client.traffic().sendTools().periodic().runningProperty().get(), "repeat finished by itself");
            sink.awaitReceived(40L * message.length, Duration.ofSeconds(10));
            assertEquals(40, onFx(() -> client.traffic().sendTools().periodic().sentProperty().get()));
            awaitFx(() -> client.traffic().counters().txMessagesProperty().get() == 40, "40 messages counted");
            assertEquals(40L * message.length, sink.received(), "exactly 40 messages, no more");
        }
    }

    @Test
    void aRepeatSendsTheMacrosNewValuesEachTime(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("#{{COUNTER:3}};"));
            runFx(() -> FxTesting.lookup(robot, "#clientRepeatInterval").queryAs(TextField.class).setText("5"));
            runFx(() -> FxTesting.lookup(robot, "#clientRepeatCount").queryAs(TextField.class).setText("3"));
            click(robot, "#clientRepeat");
            String expected = "#001;#002;#003;";
            awaitFx(() -> echoedText().equals(expected), () -> "echoed: " + echoedText());
            click(robot, "#clientSend"); // the counter is the tab's: the next send goes on from there
            awaitFx(() -> echoedText().equals(expected + "#004;"), () -> "echoed: " + echoedText());
        }
    }

    /**
     * A hex counter padded to two digits builds an odd number of digits at 100: the repeat stops
     * there, and says why as the send box would (it said "java.lang.IllegalStateException: the
     * first send built it", in English in every language).
     */
    @Test
    void aRepeatWhoseMacrosStopBuildingSaysWhyInWords(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            runFx(() -> {
                client.traffic().sendBox().hexProperty().set(true);
                client.traffic().sendBox().textProperty().set("01 {{COUNTER:2}}");
                for (int i = 0; i < 97; i++) {
                    client.traffic().sendBox().macros().nextCounter(); // the tab's counter, as earlier sends left it
                }
            });
            runFx(() -> FxTesting.lookup(robot, "#clientRepeatInterval").queryAs(TextField.class).setText("1"));
            runFx(() -> FxTesting.lookup(robot, "#clientRepeatCount").queryAs(TextField.class).setText("5"));
            click(robot, "#clientRepeat");
            awaitFx(() -> !client.traffic().sendTools().periodic().runningProperty().get()
                    && client.traffic().log().entries().stream().anyMatch(e -> e.kind() == LogEntry.Kind.ERROR),
                    "the repeat stopped with an error row");
            String said = onFx(() -> client.traffic().log().entries().stream()
                    .filter(e -> e.kind() == LogEntry.Kind.ERROR).findFirst().orElseThrow().message());
            assertEquals("Repeat stopped after 2 sends: Message 3 could not be built with its macros\u2019 new values."
                    + " Odd number of hex digits at character 4: \u201c100\u201d.", said);
            awaitFx(() -> echoed().length == 4, () -> "echoed: " + java.util.HexFormat.of().formatHex(echoed()));
            assertEquals("01980199", java.util.HexFormat.of().formatHex(echoed()), "98 and 99 went, nothing after");
        }
    }

    @Test
    void anUnknownMacroIsRefusedAtTheSendBoxNamingIt(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("AT{{NOPE}}"));
            click(robot, "#clientSend");
            Label error = FxTesting.lookup(robot, "#clientSendError").queryAs(Label.class);
            awaitFx(() -> error.getText().startsWith("Unknown macro at character 3: \u201c{{NOPE}}\u201d (macros: {{COUNTER}}"),
                    () -> "the message: " + onFx(error::getText));
            assertEquals(0L, onFx(() -> client.traffic().counters().txBytesProperty().get()), "nothing sent");
        }
    }


    @Test
    void aFileArrivesByteIdenticalOverTcp(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        Path file = Files.write(dir.resolve("firmware.bin"), content);
        try (SinkServer sink = new SinkServer()) {
            connectTo(sink.address());
            assertEquals(Boolean.TRUE, onFx(() -> client.traffic().sendTools().sendFile(file)));
            sink.awaitReceived(content.length, Duration.ofSeconds(20));
            awaitFx(() -> !client.traffic().sendTools().file().runningProperty().get(), "file send finished");
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content), sink.digest());
            awaitFx(() -> client.traffic().log().entries().stream().anyMatch(e -> e.message() != null
                    && e.message().startsWith("Sent firmware.bin: 3,145,745 bytes")), "the log says it was sent");
        }
    }

    /**
     * A file far bigger than the log keeps: only its end is read back for TX rows, the rest goes
     * straight from the file, counted, and a note says how much went without rows.
     */
    @Test
    void aFileBiggerThanTheLogShowsOnlyItsEndAndSaysSo(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(43).nextBytes(content);
        Path file = Files.write(dir.resolve("image.bin"), content);
        int keeps = 256 * 1024;
        try (SinkServer sink = new SinkServer()) {
            runFx(() -> client.traffic().log().setLimits(1_000, keeps));
            connectTo(sink.address());
            assertEquals(Boolean.TRUE, onFx(() -> client.traffic().sendTools().sendFile(file)));
            sink.awaitReceived(content.length, Duration.ofSeconds(20));
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content), sink.digest());
            // 3,145,745 - 262,144 = 2,883,601: the region at 2,883,584 (44 × 64 KiB) is the first kept.
            awaitFx(() -> client.traffic().log().entries().stream().anyMatch(e -> "image.bin: 2,883,584 bytes went out"
                    .concat(" straight from the file without TX rows: the log keeps only the end of a file this big,")
                    .concat(" and no capture recorded sent bytes").equals(e.message())), "the log says what has no rows");
            awaitFx(() -> client.traffic().counters().txBytesProperty().get() == content.length, "every byte counted as sent");
            long shownTx = onFx(() -> client.traffic().log().entries().stream().filter(e -> e.kind() == LogEntry.Kind.TX)
                    .mapToLong(e -> e.bytes().length).sum());
            assertTrue(shownTx > 0 && shownTx <= content.length - 2_883_584L, "TX rows hold " + shownTx + " bytes");
        }
    }

    /** With a capture recording sent bytes, the same file is read back whole: the capture has every byte. */
    @Test
    void aCaptureOfSentBytesGetsAllOfABigFile(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(44).nextBytes(content);
        Path file = Files.write(dir.resolve("image.bin"), content);
        CaptureOptions capture = CaptureOptions.raw(dir.resolve("capture.bin")).withIncludeSent(true);
        try (SinkServer sink = new SinkServer()) {
            runFx(() -> {
                client.traffic().log().setLimits(1_000, 256 * 1024);
                client.traffic().capture().start(capture);
            });
            awaitFx(() -> client.traffic().capture().runningProperty().get(), "capturing");
            connectTo(sink.address());
            assertEquals(Boolean.TRUE, onFx(() -> client.traffic().sendTools().sendFile(file)));
            sink.awaitReceived(content.length, Duration.ofSeconds(20));
            awaitFx(() -> !client.traffic().sendTools().file().runningProperty().get(), "file send finished");
            runFx(client::disconnect); // every TX event is told before the connection's end
            awaitFx(() -> client.stateProperty().get() == ConnectionState.IDLE, "closed");
            runFx(() -> client.traffic().capture().stop());
            awaitFx(() -> client.traffic().capture().stateProperty().get() == CaptureModel.State.IDLE,
                    "the capture's files closed");
        }
        assertArrayEquals(content, Files.readAllBytes(capture.sentFile()), "the capture has every byte sent");
        assertFalse(onFx(() -> client.traffic().log().entries().stream()
                .anyMatch(e -> e.message() != null && e.message().contains("without TX rows"))), "nothing went unread");
    }

    @Test
    void upAndDownWalkTheHistory(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            for (String text : List.of("first", "second")) {
                runFx(() -> input.setText(text));
                click(robot, "#clientSend");
            }
            runFx(() -> input.setText("draft"));
            click(robot, "#clientInput").type(KeyCode.UP);
            assertEquals("second", onFx(input::getText));
            robot.type(KeyCode.UP);
            assertEquals("first", onFx(input::getText));
            robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
            assertEquals("draft", onFx(input::getText));
        }
    }

    @Test
    void aRecalledSendGoesOutInTheModeItWasSentIn(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            javafx.scene.control.CheckBox hex = FxTesting.lookup(robot, "#clientHexSend")
                    .queryAs(javafx.scene.control.CheckBox.class);
            runFx(() -> {
                hex.setSelected(true);
                input.setText("48 69");
            });
            click(robot, "#clientSend");
            runFx(() -> {
                hex.setSelected(false);
                input.setText("ok");
            });
            click(robot, "#clientSend");
            awaitFx(() -> new String(echoed(), StandardCharsets.US_ASCII).equals("Hiok"), () -> "echoed: " + new String(echoed(), StandardCharsets.US_ASCII));
            click(robot, "#clientInput").type(KeyCode.UP).type(KeyCode.UP);
            assertEquals("48 69", onFx(input::getText));
            assertEquals(true, onFx(hex::isSelected), "the hex entry comes back as hex");
            click(robot, "#clientSend");
            awaitFx(() -> new String(echoed(), StandardCharsets.US_ASCII).equals("HiokHi"), () -> "echoed: " + new String(echoed(), StandardCharsets.US_ASCII));
            click(robot, "#clientInput").type(KeyCode.UP).type(KeyCode.UP);
            assertEquals("ok", onFx(input::getText));
            assertEquals(false, onFx(hex::isSelected), "the text entry comes back as text");
        }
    }

    @Test
    void notConnectedGoesAwayOnceConnected(FxRobot robot) throws Exception {
        javafx.scene.control.Label error = FxTesting.lookup(robot, "#clientSendError")
                .queryAs(javafx.scene.control.Label.class);
        runFx(() -> client.traffic().sendBox().textProperty().set("ping"));
        click(robot, "#clientSend");
        assertEquals("Not connected: connect first, then send.", onFx(error::getText));
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            assertEquals("", onFx(error::getText), "its cause is gone");
            runFx(() -> client.traffic().sendBox().textProperty().set("48 6"));
            runFx(() -> client.traffic().sendBox().hexProperty().set(true));
            click(robot, "#clientSend");
            String typo = onFx(error::getText);
            runFx(client::disconnect);
            awaitFx(() -> client.stateProperty().get() == ConnectionState.IDLE, "disconnected");
            assertEquals(typo, onFx(error::getText), "a message about the text stays: the text is still wrong");
        }
    }

    @Test
    void anUnsendableCharacterIsRefusedAtTheField(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            runFx(() -> {
                client.traffic().log().charsetProperty().set(Charset.forName("GBK"));
                client.traffic().sendBox().textProperty().set("温度 한");
            });
            click(robot, "#clientSend");
            String error = onFx(() -> FxTesting.lookup(robot, "#clientSendError")
                    .queryAs(javafx.scene.control.Label.class).getText());
            assertEquals("\u201c한\u201d at character 4 cannot be written in GBK: choose another encoding.", error);
            assertEquals(0L, onFx(() -> client.traffic().counters().txBytesProperty().get()));
            assertFalse(error.isBlank());
        }
    }

    @Test
    void repeatSendNeedsAValidInterval(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connectTo(peer.address());
            runFx(() -> {
                client.traffic().sendBox().textProperty().set("x");
                client.traffic().sendTools().periodic().intervalProperty().set("0");
            });
            click(robot, "#clientRepeat");
            Await.until(() -> onFx(() -> FxTesting.lookup(robot, "#clientSendError")
                    .queryAs(javafx.scene.control.Label.class)
                    .getText().startsWith("The interval must be")), Duration.ofSeconds(5), "interval error shown");
            assertFalse(onFx(() -> client.traffic().sendTools().periodic().runningProperty().get()));
        }
    }
}
