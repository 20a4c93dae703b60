package io.socketdeck.tools;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;

/**
 * Starts the real app with its relay tab between two pretend devices' consoles and a pretend
 * PLC gateway that answers each line, with faults on (latency with jitter one way, slicing and a
 * rewrite the other) and traffic flowing: the README's relay picture. Run it as the README's
 * "Screenshots" says, with {@code -Dexec.mainClass=io.socketdeck.tools.RelayDemo}; {@code -Ddemo.faults=true}
 * opens the fault panel too.
 */
public final class RelayDemo {

    private RelayDemo() {
    }

    public static void main(String[] args) throws Exception {
        int gateway = startGateway();
        Settings settings = new Settings();
        settings.put("relay.listenHost", "127.0.0.1");
        settings.put("relay.listenPort", "0");
        settings.put("relay.targetHost", "127.0.0.1");
        settings.put("relay.targetPort", Integer.toString(gateway));
        settings.put("relay.up.latency", "50");
        settings.put("relay.up.jitter", "10");
        settings.put("relay.down.slice", "16");
        settings.put("relay.down.sliceDelay", "5");
        settings.put("relay.down.rewrites", List.of(Map.of("kind", "TEXT", "match", "21.5", "replacement", "99.9")));
        Scene scene = DemoWindow.launch(args, "#clientPort", settings);
        DemoWindow.onFx(scene, s -> {
            TabPane tabs = (TabPane) s.lookup(".session-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tab.getId().equals("tabRelay"))
                    .findFirst().orElseThrow());
        });
        Thread.sleep(1_000); // a demo, not a test: the tab is built on its first showing
        DemoWindow.onFx(scene, s -> ((Button) s.lookup("#relayStart")).fire());
        int port = 0;
        for (int i = 0; i < 50 && port == 0; i++) {
            Thread.sleep(100);
            port = DemoWindow.query(scene, RelayDemo::listeningPort);
        }
        InetSocketAddress relay = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (Socket boiler = new Socket(); Socket pump = new Socket()) {
            boiler.connect(relay);
            pump.connect(relay);
            for (int round = 0; round < 4; round++) {
                say(boiler.getOutputStream(), "READ temperature");
                Thread.sleep(250);
                say(pump.getOutputStream(), round == 3 ? "STATUS?" : "READ pressure");
                Thread.sleep(250);
            }
            DemoWindow.onFx(scene, s -> s.getRoot().lookupAll("#relayConnections").stream().findFirst()
                    .map(Node.class::cast).ifPresent(table -> ((javafx.scene.control.TableView<?>) table)
                            .getSelectionModel().select(0)));
            if (Boolean.getBoolean("demo.faults")) { // the fault panel open, for a second picture
                DemoWindow.onFx(scene, s -> ((Button) s.lookup("#relayFaults")).fire());
            }
            Thread.sleep(60_000); // keep both consoles connected while the picture is taken
        }
    }

    private static int listeningPort(Scene scene) {
        String status = scene.lookup("#relayStatus") instanceof javafx.scene.control.Label label ? label.getText() : "";
        int arrow = status.indexOf(' ');
        String listen = arrow < 0 ? "" : status.substring(0, arrow);
        int colon = listen.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException notYet) {
            return 0;
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A pretend PLC gateway on loopback that answers every line: what the relay sits in front of. */
    private static int startGateway() {
        LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("demo-gateway"));
        AtomicReference<TcpServerSession> server = new AtomicReference<>();
        server.set(new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0), event -> {
            if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX) {
                String line = new String(data.bytes(), StandardCharsets.UTF_8).trim();
                String answer = line.contains("temperature") ? "temperature=21.5 C\r\n"
                        : line.contains("pressure") ? "pressure=1.013 bar\r\n" : "OK uptime=3d 04:12 alarms=0\r\n";
                server.get().reply(data, answer.getBytes(StandardCharsets.UTF_8));
            }
        }, new TrafficCounters(), loops.next()));
        server.get().start();
        while (server.get().localAddress() == null) {
            Thread.onSpinWait();
        }
        return server.get().localAddress().getPort();
    }
}
