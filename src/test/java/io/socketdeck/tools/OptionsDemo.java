package io.socketdeck.tools;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Starts the real app, connects its TCP client tab with socket options of its own to a local
 * device that answers each line, and opens the options panel: the README's options picture.
 * Run it as the README's "Screenshots" says, with {@code -Dexec.mainClass=io.socketdeck.tools.OptionsDemo}.
 */
public final class OptionsDemo {

    private OptionsDemo() {
    }

    public static void main(String[] args) throws Exception {
        int port = startDevice();
        Settings settings = new Settings();
        settings.put("tcpClient.socketOptions.noDelay", false);
        settings.put("tcpClient.socketOptions.keepIdle", "10");
        settings.put("tcpClient.socketOptions.keepInterval", "3");
        settings.put("tcpClient.socketOptions.keepCount", "3");
        settings.put("tcpClient.socketOptions.receiveBuffer", "256K");
        settings.put("tcpClient.socketOptions.sendBuffer", "16M");
        settings.put("tcpClient.socketOptions.linger", "5");
        settings.put("tcpClient.socketOptions.trafficClass", "0xB8");
        Scene scene = DemoWindow.launch(args, "#clientPort", settings);
        DemoWindow.onFx(scene, s -> {
            ((TextField) s.lookup("#clientHost")).setText("127.0.0.1");
            ((TextField) s.lookup("#clientPort")).setText(Integer.toString(port));
            ((Button) s.lookup("#clientConnect")).fire();
        });
        Thread.sleep(1_500); // a demo, not a test: let the connection's rows arrive
        DemoWindow.onFx(scene, s -> {
            ((TextArea) s.lookup("#clientInput")).setText("STATUS?");
            ((Button) s.lookup("#clientSend")).fire();
        });
        Thread.sleep(800);
        DemoWindow.onFx(scene, s -> ((Button) s.lookup("#clientOptionsButton")).fire());
    }

    /** A device on loopback that answers every line. */
    private static int startDevice() {
        LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("demo-device"));
        AtomicReference<TcpServerSession> server = new AtomicReference<>();
        server.set(new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0), event -> {
            if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX) {
                server.get().reply(data, "OK uptime=3d 04:12\n".getBytes(StandardCharsets.UTF_8));
            }
        }, new TrafficCounters(), loops.next()));
        server.get().start();
        while (server.get().localAddress() == null) {
            Thread.onSpinWait();
        }
        return server.get().localAddress().getPort();
    }
}
