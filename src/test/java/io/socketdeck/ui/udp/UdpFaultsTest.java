package io.socketdeck.ui.udp;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.tab.ConnectionState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Bad input gets a message at its field, faults are events in the log, and the tab stays usable. */
@ExtendWith(ApplicationExtension.class)
class UdpFaultsTest {

    private static final Duration T = Duration.ofSeconds(10);

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    /** Proves the tab still works: open on loopback, send a datagram that arrives, close. */
    private static void assertStillUsable(UdpTabDriver tab) throws Exception {
        try (UdpProbe peer = UdpProbe.bind()) {
            tab.bindTo("127.0.0.1", "");
            tab.open();
            tab.remote("127.0.0.1", peer.port());
            tab.send("ok");
            assertEquals("ok", new String(peer.receive(T).bytes(), StandardCharsets.UTF_8));
            tab.close();
        }
    }

    @Test
    void anOversizedPayloadIsRejectedBeforeSending(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        try (UdpProbe peer = UdpProbe.bind()) {
            tab.bindTo("127.0.0.1", "");
            tab.open();
            tab.remote("127.0.0.1", peer.port());
            tab.send("x".repeat(65_508));
            assertEquals("The payload is 65,508 bytes; one UDP datagram carries at most 65,507 bytes.",
                    tab.label("#udpSendError"));
            assertEquals("0", tab.label("#udpTxBytes"), "nothing was sent");

            tab.send("y".repeat(65_507));
            assertEquals(65_507, peer.receive(T).bytes().length, "the largest datagram still goes");
            assertEquals("", tab.label("#udpSendError"));
        }
    }

    @Test
    void invalidLocalAddressesAreRejectedAtTheirFields(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        String notLocal = "Not an IP address of this computer: type e.g. 0.0.0.0, ::, 127.0.0.1.";
        for (String host : new String[] {"localhost", "300.1.2.3", "1.2.3", ""}) {
            tab.bindTo(host, "");
            tab.click("#udpOpen");
            assertEquals(host.isEmpty() ? "Choose or type a local address." : notLocal, tab.label("#udpBindHostError"), host);
        }
        tab.bindTo("127.0.0.1", "65536");
        tab.click("#udpOpen");
        assertEquals("The port must be between 0 and 65535 (0 lets the system pick).", tab.label("#udpBindPortError"));
        tab.type("#udpBindPort", "port");
        tab.click("#udpOpen");
        assertEquals("The port must be a number.", tab.label("#udpBindPortError"));
        assertEquals(ConnectionState.IDLE, onFx(() -> tab.viewModel().stateProperty().get()));
        assertStillUsable(tab);
    }

    @Test
    void invalidRemotesAreRejectedAtTheirFields(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("127.0.0.1", "");
        tab.open();
        String local = onFx(() -> tab.viewModel().localAddressProperty().get());

        tab.remote("my device", 7);
        tab.send("x");
        assertEquals("Not a valid host name or IP address.", tab.label("#udpRemoteHostError"));
        tab.type("#udpRemoteHost", "127.0.0.1");
        tab.type("#udpRemotePort", "0");
        tab.click("#udpSend");
        assertEquals("The port must be between 1 and 65535.", tab.label("#udpRemotePortError"));
        tab.remote("::1", 7);
        tab.click("#udpSend");
        assertEquals("The socket on " + local + " cannot reach IPv6 addresses: open it on :: to reach both IPv4 and IPv6.",
                tab.label("#udpRemoteHostError"));
        assertEquals("0", tab.label("#udpTxMessages"), "nothing was sent");

        tab.remote("no-such-host.invalid", 7);
        tab.click("#udpSend");
        tab.awaitEntry(e -> e.kind() == LogEntry.Kind.ERROR && e.message().startsWith("Unknown host \u201cno-such-host.invalid\u201d"),
                "unknown host event");
        assertEquals(ConnectionState.OPEN, onFx(() -> tab.viewModel().stateProperty().get()));
        tab.close();
        assertStillUsable(tab);
    }

    @Test
    void invalidGroupsAndTtlAreRejectedAtTheirFields(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.bindTo("127.0.0.1", "");
        tab.open();
        tab.showMulticast();
        tab.type("#udpMulticastGroup", "10.1.2.3");
        tab.click("#udpJoin");
        assertEquals("Not a multicast group: use 224.0.0.0\u2013239.255.255.255 (IPv4) or ff00::/8 (IPv6).",
                tab.label("#udpMulticastGroupError"));
        tab.type("#udpMulticastGroup", "lobby");
        tab.click("#udpJoin");
        assertEquals("Not an IP address: type e.g. 239.255.0.1 or ff15::1.", tab.label("#udpMulticastGroupError"));
        tab.type("#udpMulticastGroup", "ff15::1");
        tab.click("#udpJoin");
        assertTrue(tab.label("#udpMulticastGroupError").contains("cannot reach IPv6 addresses"), tab.label("#udpMulticastGroupError"));
        tab.type("#udpMulticastTtl", "256");
        assertEquals("The TTL must be a number from 0 to 255.", tab.label("#udpMulticastTtlError"));
        tab.type("#udpMulticastTtl", "4");
        assertEquals("", tab.label("#udpMulticastTtlError"));
        assertTrue(onFx(() -> tab.viewModel().multicast().joined().isEmpty()));
    }

    @Test
    void sendingWhenClosedOrWithNobodyToReplyToSaysSoAtTheSendBox(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        tab.send("hello");
        assertEquals("The socket is not open: click Open first, then send.", tab.label("#udpSendError"));
        tab.bindTo("127.0.0.1", "");
        tab.open();
        tab.click("#udpReplyToSender");
        tab.send("hello");
        assertEquals("Nobody has sent a datagram yet: there is no one to reply to.", tab.label("#udpSendError"));
        tab.click("#udpReplyToSender");
        tab.close();
        assertStillUsable(tab);
    }

    @Test
    void aPortInUseIsAnEventAndTheTabStaysUsable(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        try (UdpProbe taken = UdpProbe.bind()) {
            tab.bindTo("127.0.0.1", Integer.toString(taken.port()));
            tab.click("#udpOpen");
            tab.awaitEntry(e -> e.kind() == LogEntry.Kind.ERROR && e.message().startsWith("The port is already in use"),
                    "port in use event");
            assertTrue(tab.lastErrorEntry().message().contains("127.0.0.1:" + taken.port()), "the row names the address: "
                    + tab.lastErrorEntry().message());
            tab.awaitState(ConnectionState.IDLE);
        }
        assertStillUsable(tab);
    }

    @Test
    void aConnectedSocketShowsPortUnreachableAsAnEvent(FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        int closed = UdpProbe.closedPort("127.0.0.1");
        tab.bindTo("127.0.0.1", "");
        tab.remote("127.0.0.1", closed);
        tab.click("#udpReplyToSender");
        tab.click("#udpConnected");
        assertEquals(false, onFx(() -> tab.viewModel().remote().replyToSenderProperty().get()),
                "a connected socket has no other sender to reply to");
        tab.open();
        assertTrue(tab.label("#udpStatus").endsWith(" \u2192 127.0.0.1:" + closed), tab.label("#udpStatus"));
        tab.send("anyone there?");
        tab.awaitEntry(e -> e.kind() == LogEntry.Kind.ERROR
                && e.message().startsWith("Port unreachable at 127.0.0.1:" + closed), "ICMP port unreachable event");
        assertEquals(ConnectionState.OPEN, onFx(() -> tab.viewModel().stateProperty().get()), "the socket stays open");
        tab.close();
        tab.click("#udpConnected");
        awaitFx(() -> !tab.viewModel().connectToRemoteProperty().get(), "connect mode off");
        assertStillUsable(tab);
    }
}
