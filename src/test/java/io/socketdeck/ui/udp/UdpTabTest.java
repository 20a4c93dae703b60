package io.socketdeck.ui.udp;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The UDP tab against real peers on loopback: python3 scripts and plain Java sockets. */
@ExtendWith(ApplicationExtension.class)
class UdpTabTest {

    private static final Duration T = Duration.ofSeconds(10);
    private static final Charset GBK = Charset.forName("GBK");

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
    void enterInTheLocalPortOpensTheSocketAsEnterConnectsInTheTcpTabs(FxRobot robot) {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("127.0.0.1", "0");
        click(robot, "#udpBindPort").type(javafx.scene.input.KeyCode.ENTER);
        tab.awaitState(io.socketdeck.ui.tab.ConnectionState.OPEN);
        tab.close();
    }

    @Test
    void aWrongTtlInTheHiddenMulticastRowShowsTheRowWithItsMessageWhenOpenStops(FxRobot robot) {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("127.0.0.1", "");
        tab.showMulticast();
        tab.type("#udpMulticastTtl", "256");
        click(robot, "#udpMulticast"); // hides the row again, the wrong TTL still in it
        awaitFx(() -> !tab.viewModel().multicast().shownProperty().get(), "the multicast row is hidden");

        click(robot, "#udpOpen");
        awaitFx(() -> FxTesting.isShown(FxTesting.lookup(robot, "#udpMulticastTtlError").query()),
                "the TTL's message is shown, in its row shown again");
        assertEquals("The TTL must be a number from 0 to 255.", tab.label("#udpMulticastTtlError"));
        assertEquals(io.socketdeck.ui.tab.ConnectionState.IDLE, onFx(() -> tab.viewModel().stateProperty().get()));

        tab.type("#udpMulticastTtl", "4");
        tab.open();
        tab.close();
    }

    @Test
    void anUnboundTabSendsToAReceiverAndShowsItsGbkReplyWithItsSender(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("127.0.0.1", ""); // no port: the system picks one
        tab.open();
        String local = onFx(() -> tab.viewModel().localAddressProperty().get());
        assertTrue(local.startsWith("127.0.0.1:") && !local.endsWith(":0"), "the picked port is shown: " + local);
        assertEquals("Open on " + local, tab.label("#udpStatus"));

        tab.encoding("GBK");
        String reply = "收到：你好，设备";
        if (PythonPeer.available()) {
            try (PythonPeer receiver = PythonPeer.udpReply("127.0.0.1", "gbk", reply)) {
                tab.remote("127.0.0.1", receiver.port());
                tab.send("你好");
                LogEntry rx = tab.awaitRx(reply);
                assertEquals("127.0.0.1:" + receiver.port(), rx.peer(), "the reply shows its sender");
                assertArrayEquals(reply.getBytes(GBK), rx.bytes());
                String got = "GOT " + HexFormat.of().formatHex("你好".getBytes(GBK)) + " FROM 127.0.0.1 "
                        + local.substring(local.lastIndexOf(':') + 1);
                Await.until(() -> receiver.stdout().contains(got), T, () -> "python got our GBK datagram: " + receiver.stdout());
            }
        } else {
            try (UdpProbe receiver = UdpProbe.bind()) {
                tab.remote("127.0.0.1", receiver.port());
                tab.send("你好");
                UdpProbe.Datagram got = receiver.receive(T);
                assertArrayEquals("你好".getBytes(GBK), got.bytes());
                receiver.send(reply.getBytes(GBK), got.sender());
                assertEquals("127.0.0.1:" + receiver.port(), tab.awaitRx(reply).peer());
            }
        }
        assertEquals("1", tab.label("#udpRxMessages"), "one datagram in");
        assertEquals(Long.toString(reply.getBytes(GBK).length), tab.label("#udpRxBytes"));
        assertEquals("4", tab.label("#udpTxBytes"), "你好 is 4 bytes in GBK");
        assertTrue(onFx(() -> FxTesting.lookup(robot, ".counter-unit").queryAllAs(Label.class).stream()
                .filter(unit -> unit.isVisible() && unit.getText().startsWith("datagram")).map(Label::getText).toList()
                .equals(List.of("datagram", "datagram"))), "the counters count datagrams, one each way: singular");
    }

    @Test
    void aBoundTabHearsTwoSendersAndRepliesToTheLastOne(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        int port = UdpProbe.closedPort("127.0.0.1"); // free a moment ago: the user's own choice of port
        tab.bindTo("127.0.0.1", Integer.toString(port));
        tab.open();
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", port);
        try (UdpProbe first = UdpProbe.bind(); UdpProbe second = UdpProbe.bind()) {
            first.send(utf8("from first"), local);
            tab.awaitRx("from first");
            second.send(utf8("from second"), local);
            assertEquals("127.0.0.1:" + second.port(), tab.awaitRx("from second").peer());

            click(robot, "#udpReplyToSender");
            awaitFx(() -> Integer.toString(second.port()).equals(FxTesting.lookup(robot, "#udpRemotePort")
                    .queryAs(TextField.class).getText()),
                    "the remote fields follow the last sender");
            tab.send("to second");
            assertEquals("to second", text(second.receive(T).bytes()));

            first.send(utf8("first again"), local);
            tab.awaitRx("first again");
            tab.send("to first");
            assertEquals("to first", text(first.receive(T).bytes()), "the reply follows the newest sender");

            MenuButton recent = FxTesting.lookup(robot, "#udpRecentSenders").queryAs(MenuButton.class);
            List<String> offered = onFx(() -> recent.getItems().stream().map(MenuItem::getText).toList());
            assertEquals(List.of("127.0.0.1:" + first.port(), "127.0.0.1:" + second.port()), offered, "newest first");
            assertEquals(List.of("udpRecentSender1", "udpRecentSender2"),
                    onFx(() -> recent.getItems().stream().map(MenuItem::getId).toList()), "numbered, newest first");
            runFx(() -> recent.getItems().get(1).fire()); // pick the second sender from the list
            assertEquals(false, onFx(() -> tab.viewModel().remote().replyToSenderProperty().get()), "picking ends reply mode");
            tab.send("picked");
            assertEquals("picked", text(second.receive(T).bytes()));
        }
        assertEquals("3", tab.label("#udpRxMessages"));
        Await.until(() -> "3".equals(tab.label("#udpTxMessages")), T, () -> "3 datagrams out, shown " + tab.label("#udpTxMessages"));
    }

    @Test
    void theOpenRecentMenuKeepsItsItemsWhileSendersAlternate(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("127.0.0.1", "");
        tab.open();
        String local = onFx(() -> tab.viewModel().localAddressProperty().get());
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)));
        MenuButton recent = FxTesting.lookup(robot, "#udpRecentSenders").queryAs(MenuButton.class);
        try (UdpProbe first = UdpProbe.bind(); UdpProbe second = UdpProbe.bind()) {
            List<String> older = List.of("127.0.0.1:" + second.port(), "127.0.0.1:" + first.port());
            List<String> newer = List.of("127.0.0.1:" + first.port(), "127.0.0.1:" + second.port());
            first.send(utf8("one"), to);
            tab.awaitRx("one");
            second.send(utf8("two"), to);
            awaitFx(() -> recentInModel(tab).equals(older), "second is the newest sender");

            click(robot, "#udpRecentSenders");
            awaitFx(recent::isShowing, "the menu shows");
            first.send(utf8("three"), to);
            awaitFx(() -> recentInModel(tab).equals(newer), "first is the newest sender again");
            assertEquals(older, onFx(() -> recent.getItems().stream().map(MenuItem::getText).toList()),
                    "the open menu's items stay where the pointer is");

            runFx(recent::hide);
            assertEquals(newer, onFx(() -> recent.getItems().stream().map(MenuItem::getText).toList()),
                    "closed, the menu follows the senders again");
        }
        tab.close();
    }

    private static List<String> recentInModel(UdpTabDriver tab) {
        return tab.viewModel().remote().recentSenders().stream().map(io.socketdeck.core.net.Addresses::format).toList();
    }

    @Test
    void aFileArrivesByteIdenticalInDatagrams(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] content = new byte[200 * 1024 + 123];
        new java.util.Random(3).nextBytes(content);
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("table.bin"), content);
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("127.0.0.1", "");
        tab.open();
        // UDP on loopback drops what overflows the receiver's buffer, and a loaded machine can stall
        // this reader for longer than the buffer lasts. So: a large buffer, a paced sender as a user
        // would choose for a one-thread receiver, and every datagram either arrives as the next
        // slice of the file or is one the kernel says it dropped at this socket. Nothing else.
        try (UdpProbe receiver = UdpProbe.bind().receiveBuffer(4 << 20)) {
            tab.remote("127.0.0.1", receiver.port());
            io.socketdeck.ui.fx.FxTesting.runFx(() -> {
                tab.viewModel().traffic().sendTools().chunkSizeProperty().set("1000");
                tab.viewModel().traffic().sendTools().chunkDelayProperty().set("1");
            });
            assertEquals(Boolean.TRUE, onFx(() -> tab.viewModel().traffic().sendTools().sendFile(file)));
            int chunks = (content.length + 999) / 1000;
            int received = 0;
            int next = 0;
            UdpProbe.Datagram datagram;
            while (next < chunks && (datagram = receiver.receiveOrNull(T)) != null) {
                int index = sliceIndex(content, datagram.bytes(), next);
                assertTrue(index >= next, "datagram " + received + " is a later slice of the file, in order");
                next = index + 1;
                received++;
            }
            Await.until(() -> Integer.toString(chunks).equals(tab.label("#udpTxMessages")), T,
                    () -> chunks + " datagrams sent, shown " + tab.label("#udpTxMessages"));
            long dropped = receiver.kernelDrops();
            if (received < chunks) {
                assertEquals(chunks - received, dropped, "every datagram that did not arrive was dropped by the kernel at the"
                        + " receiver's full buffer (received " + received + " of " + chunks + ")");
            } else {
                assertTrue(dropped <= 0, "nothing dropped when all arrived");
            }
        }
    }

    /** Where {@code datagram} sits in the file as a 1000-byte slice at or after {@code from}; -1 if nowhere. */
    private static int sliceIndex(byte[] content, byte[] datagram, int from) {
        for (int index = from; index * 1000 < content.length; index++) {
            int length = Math.min(1000, content.length - index * 1000);
            if (datagram.length == length
                    && java.util.Arrays.equals(content, index * 1000, index * 1000 + length, datagram, 0, length)) {
                return index;
            }
        }
        return -1;
    }

    @Test
    void anIpv6RoundTripOnLoopback(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("::1", "");
        tab.open();
        String local = onFx(() -> tab.viewModel().localAddressProperty().get());
        assertTrue(local.startsWith("[::1]:"), local);
        try (AutoCloseable peer = ipv6Echo()) {
            int peerPort = peer instanceof PythonPeer python ? python.port() : ((JavaEcho) peer).probe.port();
            tab.remote("::1", peerPort);
            tab.send("hello over IPv6");
            LogEntry echo = tab.awaitRx("hello over IPv6");
            assertEquals("[::1]:" + peerPort, echo.peer());
            LogEntry sent = tab.awaitEntry(e -> e.kind() == LogEntry.Kind.TX, "TX row");
            assertEquals("[::1]:" + peerPort, sent.peer());
        }
        assertNotEquals("", tab.label("#udpStatus"));
    }

    /** python3's UDP echo on ::1 when available, otherwise a Java probe that echoes once. */
    private static AutoCloseable ipv6Echo() throws Exception {
        if (PythonPeer.available()) {
            return PythonPeer.udpEcho("::1");
        }
        return new JavaEcho(UdpProbe.bind("::1"));
    }

    private record JavaEcho(UdpProbe probe) implements AutoCloseable {
        JavaEcho {
            Thread echo = new Thread(() -> {
                try {
                    UdpProbe.Datagram got = probe.receive(T);
                    probe.send(got.bytes(), got.sender());
                } catch (Exception | AssertionError ignored) {
                    // the test's own wait reports the missing echo
                }
            }, "java-udp-echo");
            echo.setDaemon(true);
            echo.start();
        }

        @Override
        public void close() throws IOException {
            probe.close();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
