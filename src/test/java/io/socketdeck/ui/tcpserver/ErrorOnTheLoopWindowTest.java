package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.udp.UdpViewModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9, item 10, in the window: an Error on an I/O thread (seen: a NoClassDefFoundError when
 * file descriptors ran out while classes were still loading) ends the session it hit with a row
 * naming the cause, and the window stays usable: the tab listens again, other tabs go on. The
 * Error is raised where the real one was, in code run for an event on the I/O thread: decoding a
 * read, in an encoding whose decoder throws it.
 */
@ExtendWith(ApplicationExtension.class)
class ErrorOnTheLoopWindowTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    /** An encoding whose decoder fails the way a class that cannot be loaded fails. */
    private static final class BrokenCharset extends Charset {
        BrokenCharset() {
            super("x-socketdeck-broken", new String[0]);
        }

        @Override
        public boolean contains(Charset other) {
            return false;
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1, 1) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    throw new NoClassDefFoundError("io/socketdeck/core/codec/Row (Too many open files)");
                }
            };
        }

        @Override
        public CharsetEncoder newEncoder() {
            return StandardCharsets.UTF_8.newEncoder();
        }
    }

    @Test
    void anErrorOnTheLoopEndsTheSessionWithItsCauseAndTheWindowGoesOn(FxRobot robot) throws Exception {
        UdpViewModel udp = window.tab(UdpViewModel.class);
        runFx(() -> {
            udp.bindHostProperty().set("127.0.0.1");
            udp.toggleOpen();
        });
        awaitFx(() -> udp.stateProperty().get() == ConnectionState.OPEN, "a bystander UDP socket open");
        String udpAddress = onFx(() -> udp.localAddressProperty().get());
        InetSocketAddress bystander = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(udpAddress.substring(udpAddress.lastIndexOf(':') + 1)));

        TcpServerViewModel viewModel = window.tab(TcpServerViewModel.class);
        ServerTabDriver tab = new ServerTabDriver(robot, viewModel);
        InetSocketAddress server = tab.listenOnLoopback(0);
        runFx(() -> viewModel.traffic().log().charsetProperty().set(new BrokenCharset()));
        try (TcpProbe client = TcpProbe.connect(server)) {
            client.send("hello");
            tab.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && e.message().contains(
                    "java.lang.NoClassDefFoundError: io/socketdeck/core/codec/Row (Too many open files)"),
                    "a row names the Error");
            tab.awaitState(ConnectionState.IDLE);
        }

        runFx(() -> viewModel.traffic().log().charsetProperty().set(StandardCharsets.UTF_8));
        InetSocketAddress again = tab.listenOnLoopback(0);
        try (TcpProbe client = TcpProbe.connect(again)) {
            client.send("still here");
            tab.awaitLog(e -> e.kind() == LogEntry.Kind.RX && "still here".equals(e.text()), "the tab serves again");
        }
        try (UdpProbe probe = UdpProbe.bind()) {
            probe.send("bystander".getBytes(StandardCharsets.US_ASCII), bystander);
            awaitFx(() -> udp.traffic().log().entries().stream()
                    .anyMatch(e -> e.kind() == LogEntry.Kind.RX && "bystander".equals(e.text())), "the UDP tab goes on");
        }
    }
}
