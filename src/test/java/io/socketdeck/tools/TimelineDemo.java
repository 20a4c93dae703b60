package io.socketdeck.tools;

import io.socketdeck.core.settings.Settings;
import io.socketdeck.testsupport.RestartableServer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;

/**
 * Starts the real app with auto-reconnect on and connects its TCP client tab to a local device
 * that reboots three times (once with a reset), for the README's timeline picture: the strip
 * beside the counters shows the connected stretches, the traffic, the losses and the planned
 * reconnects, and the last reboot leaves the countdown showing ({@code -Ddemo.reconnectSettings=true}
 * then opens the reconnect settings). Run it as the README's
 * "Screenshots" says, with {@code -Dexec.mainClass=io.socketdeck.tools.TimelineDemo}.
 */
public final class TimelineDemo {

    private TimelineDemo() {
    }

    public static void main(String[] args) throws Exception {
        RestartableServer device = RestartableServer.start();
        Settings settings = new Settings();
        settings.put("tcpClient.host", "127.0.0.1");
        settings.put("tcpClient.port", Integer.toString(device.port()));
        settings.put("tcpClient.reconnect.enabled", true);
        settings.put("tcpClient.reconnect.initialDelay", "1000");
        settings.put("tcpClient.reconnect.maxDelay", "4000");
        settings.put("tcpClient.reconnect.jitter", "10");
        Scene scene = DemoWindow.launch(args, "#clientPort", settings);
        DemoWindow.onFx(scene, s -> ((Button) s.lookup("#clientConnect")).fire());
        // A demo, not a test: it paces itself by the wall clock.
        for (int reboot = 1; reboot <= 3; reboot++) {
            chat(scene, 4);
            device.stop(reboot == 2);
            Thread.sleep(5_000); // refused while down: the backoff grows
            device.restart();
            Thread.sleep(3_000);
        }
        chat(scene, 6);
        device.stop(false);
        if (Boolean.getBoolean("demo.reconnectSettings")) {
            DemoWindow.onFx(scene, s -> ((Button) s.lookup("#clientReconnectSettings")).fire());
        }
    }

    private static void chat(Scene scene, int lines) throws Exception {
        for (int i = 0; i < 200 && !"Disconnect".equals(DemoWindow.query(scene,
                s -> ((Button) s.lookup("#clientConnect")).getText())); i++) {
            Thread.sleep(100); // until the reconnect made it: a busy machine starts slower
        }
        for (int i = 0; i < lines; i++) {
            int n = i;
            DemoWindow.onFx(scene, s -> {
                // Growing answers make bursts of different heights in the strip.
                ((TextArea) s.lookup("#clientInput")).setText("LOG " + n + "\n"
                        + ("2026-12-02 10:00:0" + n + " temp=22.5 hum=41 state=OK\n").repeat(n + 1));
                ((Button) s.lookup("#clientSend")).fire();
            });
            Thread.sleep(700);
        }
    }
}
