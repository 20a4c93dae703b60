package io.socketdeck.ui.udp;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Multicast through the loopback interface only: the tab binds to the group address itself (so it
 * listens on no address outside loopback), joins on {@code lo}, and a Java sender sends to the
 * group through {@code lo}. Where the OS refuses multicast on loopback the test is skipped and says
 * so: Linux carries IPv4 groups on {@code lo}, but refuses to send IPv6 multicast through it unless
 * the interface has the MULTICAST flag.
 */
@ExtendWith(ApplicationExtension.class)
class UdpMulticastTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    @ParameterizedTest(name = "group {0}")
    @ValueSource(strings = {"239.255.77.2", "ff15::77:2"})
    void joiningAGroupOnLoopbackReceivesAGroupDatagram(String group, FxRobot robot) throws Exception {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        String lo = UdpProbe.loopbackInterface().getName();
        tab.bindTo(group, "");
        tab.open();
        int port = Integer.parseInt(onFx(() -> tab.viewModel().localAddressProperty().get()).replaceAll(".*:", ""));

        tab.showMulticast();
        tab.type("#udpMulticastGroup", group);
        tab.multicastInterface(lo);
        tab.click("#udpJoin");
        awaitFx(() -> !tab.viewModel().multicast().joined().isEmpty() || tab.lastError().isPresent(), "join answered");
        tab.lastError().ifPresent(error -> Assumptions.abort("the OS refused to join " + group + " on " + lo + ": " + error));
        assertEquals("Joined: " + group + " via " + lo, tab.label("#udpJoinedGroups"));
        assertEquals("Leave", onFx(() -> FxTesting.lookup(robot, "#udpJoin").queryAs(Button.class).getText()));

        InetAddress groupAddress = InetAddress.getByName(group);
        try (UdpProbe sender = UdpProbe.bind(groupAddress instanceof Inet6Address ? "::1" : "127.0.0.1")) {
            try {
                sender.multicastThroughLoopback().send("组播 hello".getBytes(StandardCharsets.UTF_8),
                        new InetSocketAddress(groupAddress, port));
            } catch (IOException refused) {
                Assumptions.abort("joined " + group + " on " + lo + ", but the OS refuses to send "
                        + (groupAddress instanceof Inet6Address ? "IPv6" : "IPv4") + " multicast through " + lo
                        + " (" + refused.getMessage() + "), so receiving cannot be tested on this machine");
            }
            LogEntry rx = tab.awaitRx("组播 hello");
            assertEquals(sender.address().getAddress(), InetAddress.getByName(rx.peer().replaceAll("^\\[?(.*?)\\]?:\\d+$", "$1")));
        }

        tab.click("#udpJoin");
        awaitFx(() -> tab.viewModel().multicast().joined().isEmpty(), "left the group");
        tab.awaitEntry(e -> e.kind() == LogEntry.Kind.INFO && e.message().startsWith("Left multicast group " + group),
                "the leave is in the log");
        assertEquals("Join", onFx(() -> FxTesting.lookup(robot, "#udpJoin").queryAs(Button.class).getText()));
    }
}
