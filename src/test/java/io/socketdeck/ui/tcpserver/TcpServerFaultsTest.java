package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.doubleClick;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.testsupport.LowPorts;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every fault gets a clear message at its field or in the log, and the tab stays usable. */
@ExtendWith(ApplicationExtension.class)
class TcpServerFaultsTest {

    private static final Duration TIMEOUT = FxTesting.TIMEOUT;

    private MainWindow window;
    private ServerTabDriver tab;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    private ServerTabDriver tab(FxRobot robot) {
        tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        return tab;
    }

    /** Proves the tab still works: listen, a real client talks, stop. */
    private void assertStillUsable() throws Exception {
        runFx(() -> window.tab(TcpServerViewModel.class).maxClientsProperty().set(""));
        InetSocketAddress server = tab.listenOnLoopback(0);
        try (TcpProbe client = TcpProbe.connect(server)) {
            tab.awaitTableRows(1);
            client.send("ok");
            tab.awaitLog(e -> e.kind() == LogEntry.Kind.RX && "ok".equals(e.text()), "a client after the fault");
        }
        tab.stop();
    }

    @ParameterizedTest(name = "port \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''       | Enter a port.",
        "http     | The port must be a number.",
        "-1       | The port must be a number.",
        "65536    | The port must be between 0 and 65535 (0 lets the system pick)."})
    void invalidPortIsRejectedAtTheField(String port, String message, FxRobot robot) {
        tab(robot).typeBindAddress("127.0.0.1"); // were the port taken after all, never on the network
        tab.type("#serverPort", port);
        click(robot, "#serverListen");
        assertEquals(message, tab.label("#serverPortError"));
        assertEquals(ConnectionState.IDLE, onFx(() -> window.tab(TcpServerViewModel.class).stateProperty().get()));
        tab.type("#serverPort", "0");
        assertEquals("", tab.label("#serverPortError"), "editing the field clears its message");
    }

    @Test
    void anInvalidBindAddressIsRejectedAtTheField(FxRobot robot) throws Exception {
        tab(robot).typeBindAddress("my-laptop");
        tab.type("#serverPort", "0");
        click(robot, "#serverListen");
        assertEquals("Not an IP address of this computer: type e.g. 0.0.0.0, ::, 127.0.0.1.", tab.label("#serverBindError"));
        assertEquals(ConnectionState.IDLE, onFx(() -> window.tab(TcpServerViewModel.class).stateProperty().get()));
        assertStillUsable();
    }

    @Test
    void anAddressTypedOverAChosenOneStaysAsTypedWithItsMessage(FxRobot robot) throws Exception {
        tab(robot).type("#serverPort", "0");
        @SuppressWarnings("unchecked")
        ComboBox<BindAddress> bind = FxTesting.lookup(robot, "#serverBind").queryAs(ComboBox.class);
        runFx(() -> bind.setValue(bind.getItems().stream()
                .filter(a -> a.kind() == BindAddress.Kind.LOOPBACK).findFirst().orElseThrow()));
        doubleClick(robot, bind.getEditor()).push(KeyCode.SHORTCUT, KeyCode.A).write("my-laptop");
        click(robot, "#serverListen"); // the editor loses focus first, which commits what was typed
        assertEquals("my-laptop", onFx(() -> bind.getEditor().getText()), "what was typed stays for correcting");
        assertEquals("Not an IP address of this computer: type e.g. 0.0.0.0, ::, 127.0.0.1.", tab.label("#serverBindError"));
        assertStillUsable();
    }

    @Test
    void anAddressThisComputerDoesNotHaveIsShownAtTheBindField(FxRobot robot) throws Exception {
        // TEST-NET-1 (RFC 5737): a valid IP that no interface here has; the bind fails locally.
        tab(robot).typeBindAddress("192.0.2.1");
        tab.type("#serverPort", "0");
        click(robot, "#serverListen");
        tab.awaitState(ConnectionState.IDLE);
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && e.message().startsWith("This address is not available"),
                "the failure is in the log too");
        assertEquals("192.0.2.1 is not an address of this computer.", tab.label("#serverBindError"));
        assertStillUsable();
    }

    @Test
    void aPortInUseIsShownAtThePortField(FxRobot robot) throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();
            tab(robot).typeBindAddress("127.0.0.1");
            tab.type("#serverPort", Integer.toString(port));
            click(robot, "#serverListen");
            tab.awaitState(ConnectionState.IDLE);
            assertEquals("Port " + port + " is already in use on 127.0.0.1: stop the program using it, or choose another port.",
                    tab.label("#serverPortError"));
            tab.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && ("127.0.0.1:" + port).equals(e.peer()),
                    "the log names the address that was busy");
        }
        assertStillUsable();
    }

    @Test
    void aPortBelow1024WithoutPrivilegeIsShownAtThePortField(FxRobot robot) throws Exception {
        String expected = "Permission denied for port 1: ports below 1024 need administrator rights.";
        if (LowPorts.deniedInThisJvm()) {
            tab(robot).typeBindAddress("127.0.0.1");
            tab.type("#serverPort", Integer.toString(LowPorts.PRIVILEGED_PORT));
            click(robot, "#serverListen");
            tab.awaitState(ConnectionState.IDLE);
            assertEquals(expected, tab.label("#serverPortError"));
            assertStillUsable();
            return;
        }
        // Root may bind port 1; the same window in a child JVM without CAP_NET_BIND_SERVICE gets
        // the kernel's real EACCES, as a normal user would.
        Assumptions.assumeTrue(LowPorts.canDropPrivilege(),
                "this JVM may bind ports below 1024 (root) and setpriv cannot drop CAP_NET_BIND_SERVICE here");
        String output = LowPorts.runWithoutPrivilege(LowPortFieldProbe.class, headlessOptions(), Duration.ofSeconds(90));
        assertEquals("FIELD " + expected, output.strip());
    }

    /** The child shows the window the way this JVM does: Monocle, headless, software rendering. */
    private static List<String> headlessOptions() {
        return Stream.of("glass.platform", "monocle.platform", "prism.order", "prism.text", "java.awt.headless")
                .filter(key -> System.getProperty(key) != null)
                .map(key -> "-D" + key + "=" + System.getProperty(key))
                .toList();
    }

    @Test
    void anInvalidMaxClientsIsRejectedAtTheField(FxRobot robot) {
        tab(robot).typeBindAddress("127.0.0.1"); // were the field taken after all, never on the network
        tab.type("#serverPort", "0");
        tab.type("#serverMaxClients", "many");
        click(robot, "#serverListen");
        assertEquals("Enter a whole number from 1 to 1,000,000, or leave it empty for no limit.",
                tab.label("#serverMaxClientsError"));
        tab.type("#serverMaxClients", "0");
        click(robot, "#serverListen");
        assertTrue(tab.label("#serverMaxClientsError").startsWith("Enter a whole number"), "0 is no limit: leave it empty");
    }

    @Test
    void aClientBeyondMaxClientsIsClosedAtOnceAndLogged(FxRobot robot) throws Exception {
        tab(robot).type("#serverMaxClients", "1");
        InetSocketAddress server = tab.listenOnLoopback(0);
        try (TcpProbe first = TcpProbe.connect(server); Socket excess = new Socket()) {
            tab.awaitTableRows(1);
            excess.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String excessAddress = Addresses.format((InetSocketAddress) excess.getLocalSocketAddress());
            String seen;
            try {
                excess.connect(server, (int) TIMEOUT.toMillis()); // the reset may answer the connect or the read
                excess.setSoTimeout((int) TIMEOUT.toMillis());
                seen = "read " + excess.getInputStream().read();
            } catch (SocketException e) {
                seen = e.getMessage();
            }
            assertTrue(seen.contains("Connection reset"), "the excess client is reset: " + seen);
            tab.awaitLog(e -> (excessAddress + " refused: too many clients").equals(e.message()), "rejection event");
            assertEquals(List.of(Addresses.format(first.localAddress())), tab.tableAddresses());
        }
        tab.stop();
        assertStillUsable();
    }

    @Test
    void sendingWithoutATargetSaysWhyAtTheSendBox(FxRobot robot) throws Exception {
        tab(robot).send("hello");
        assertEquals("Not listening: start the server first.", tab.label("#serverSendError"));

        InetSocketAddress server = tab.listenOnLoopback(0);
        tab.send("hello");
        assertEquals("No client is connected.", tab.label("#serverSendError"));

        try (TcpProbe client = TcpProbe.connect(server)) {
            tab.awaitTableRows(1);
            tab.recipients(Recipients.SELECTED);
            assertEquals("", tab.label("#serverSendError"), "changing the target clears the message");
            tab.send("hello");
            assertEquals("No client selected: select clients in the table, or send to all clients.",
                    tab.label("#serverSendError"));
            assertEquals(0L, onFx(() -> window.tab(TcpServerViewModel.class).traffic().counters().txBytesProperty().get()), "nothing was sent");
            tab.recipients(Recipients.ALL);
            tab.send("now");
            assertEquals("now", client.readUtf8("now", TIMEOUT), "with a client and all as the target it goes");
        }
        tab.stop();
        assertStillUsable();
    }
}
