package io.socketdeck.tools;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsServerConfig;
import io.socketdeck.core.tls.TlsTransports;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Starts the real app and connects its TCP client tab over TLS to a local TLS device that answers
 * each line, for the README's two TLS pictures: {@code -Ddemo.tls=verified} (the device's CA file
 * given, so the handshake is verified) or {@code -Ddemo.tls=refused} (none given: the self-signed
 * certificate is refused, and the tab offers to trust it by its fingerprint). Run it as the
 * README's "Screenshots" says, with {@code -Dexec.mainClass=io.socketdeck.tools.TlsDemo}.
 */
public final class TlsDemo {

    private TlsDemo() {
    }

    public static void main(String[] args) throws Exception {
        boolean verified = !"refused".equals(System.getProperty("demo.tls", "verified"));
        KeyMaterial key = SelfSigned.generate(List.of("gateway.local", "127.0.0.1"), SelfSigned.ONE_YEAR);
        Path ca = Files.createTempDirectory("socketdeck-demo").resolve("gateway-ca.pem");
        SelfSigned.writePem(key, ca, ca.resolveSibling("gateway-key.pem"));
        int port = startGateway(key);

        Settings settings = new Settings();
        settings.put("tcpClient.tls.on", true);
        settings.put("tcpClient.tls.alpn", "mqtt");
        settings.put("tcpClient.tls.serverName", "gateway.local");
        settings.put("tcpClient.tls.caFile", verified ? ca.toString() : "");
        Scene scene = DemoWindow.launch(args, "#clientPort", settings);
        DemoWindow.onFx(scene, s -> {
            ((TextField) s.lookup("#clientHost")).setText("127.0.0.1");
            ((TextField) s.lookup("#clientPort")).setText(Integer.toString(port));
            ((Button) s.lookup("#clientConnect")).fire();
        });
        Thread.sleep(2_500); // a demo, not a test: let the handshake's rows arrive
        if (verified) {
            send(scene, "STATUS?");
            Thread.sleep(800);
            send(scene, "READ temperature");
        }
        if (!verified) {
            return; // the TLS section is open at the refused certificate's fingerprint
        }
        Thread.sleep(800);
        DemoWindow.onFx(scene, s -> s.getRoot().lookupAll(".log-more").stream().filter(Node::isVisible).findFirst()
                .ifPresent(more -> Event.fireEvent(more, new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                        MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false,
                        null)))); // the first row's certificate chain, opened under it
    }

    /** A TLS device on loopback that answers every line it gets: what an MQTT-over-TLS gateway's console does. */
    private static int startGateway(KeyMaterial key) {
        LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("demo-gateway"));
        AtomicReference<TcpServerSession> server = new AtomicReference<>();
        server.set(new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0), event -> {
            if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX) {
                String line = new String(data.bytes(), StandardCharsets.UTF_8).trim();
                String answer = line.startsWith("READ") ? "temperature=21.5 C\n" : "OK uptime=3d 04:12 clients=2\n";
                server.get().reply(data, answer.getBytes(StandardCharsets.UTF_8));
            }
        }, new TrafficCounters(), loops.next(),
                TlsTransports.server(TlsServerConfig.of(key).withAlpn(List.of("mqtt")))));
        server.get().start();
        while (server.get().localAddress() == null) {
            Thread.onSpinWait();
        }
        return server.get().localAddress().getPort();
    }

    private static void send(Scene scene, String text) throws Exception {
        DemoWindow.onFx(scene, s -> {
            ((TextArea) s.lookup("#clientInput")).setText(text);
            ((Button) s.lookup("#clientSend")).fire();
        });
    }
}
