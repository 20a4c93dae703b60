package io.socketdeck.ui.udp;

import io.socketdeck.core.net.MulticastInterfaces;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tab.ConnectionState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Not a test: the real window with the UDP tab in a state worth a screenshot. Two "devices" on
 * loopback send to the tab (one in GBK, one plain ASCII), the tab replies to the last sender, and
 * a group datagram arrives through {@code lo}. Run it under Xvfb as the README's "Screenshots"
 * says, with {@code mvn -q -o test-compile exec:java -Dexec.mainClass=io.socketdeck.ui.udp.UdpScreenshotDemo
 * -Dexec.classpathScope=test}; {@code -Ddemo.theme=DARK} for the dark theme.
 */
public final class UdpScreenshotDemo extends Application {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String GROUP = "239.255.0.1";

    private MainWindow window;

    public static void main(String[] args) {
        launch(UdpScreenshotDemo.class, args);
    }

    @Override
    public void start(Stage stage) {
        I18n.use(Locale.getDefault());
        Settings settings = new Settings().put("ui.theme", System.getProperty("demo.theme", "LIGHT"));
        window = new MainWindow(locale -> { }, settings);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds(); // 1280 x 800, or the screen when smaller
        Scene scene = new Scene(window.root(), Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.setTitle(I18n.text("app.title"));
        stage.show();
        MainWindowFixture.showTab(scene.getRoot(), "tabUdp");

        UdpViewModel udp = window.tab(UdpViewModel.class);
        udp.bindHostProperty().set("0.0.0.0");
        udp.bindPortProperty().set("9000");
        udp.traffic().log().charsetProperty().set(GBK);
        udp.multicast().shownProperty().set(true);
        udp.multicast().groupProperty().set(GROUP);
        udp.multicast().interfaces().stream().filter(MulticastInterfaces.Choice::loopback).findFirst()
                .ifPresent(lo -> udp.multicast().interfaceProperty().set(lo));
        udp.open();
        Thread traffic = new Thread(() -> play(udp), "demo-traffic");
        traffic.setDaemon(true);
        traffic.start();
    }

    private void play(UdpViewModel udp) {
        try (UdpProbe meter = UdpProbe.bind(); UdpProbe console = UdpProbe.bind()) {
            await(() -> udp.stateProperty().get() == ConnectionState.OPEN);
            InetSocketAddress tab = new InetSocketAddress("127.0.0.1", 9000);
            fx(udp::toggleJoin);
            await(() -> !udp.multicast().joined().isEmpty());
            for (int i = 0; i < 3; i++) {
                meter.send(("温度=" + (23 + i) + ".5℃ 湿度=4" + i + "% 状态=正常").getBytes(GBK), tab);
                pause(120);
            }
            console.send("PING seq=17 uptime=86400s".getBytes(StandardCharsets.US_ASCII), tab);
            pause(200);
            fx(() -> {
                udp.remote().replyToSenderProperty().set(true);
                udp.traffic().sendBox().textProperty().set("PONG seq=17");
                udp.send();
            });
            pause(200);
            meter.send("报警：门已打开".getBytes(GBK), tab);
            pause(200);
            fx(() -> {
                udp.traffic().sendBox().textProperty().set("收到，已处理");
                udp.send();
            });
            pause(200);
            try (UdpProbe announcer = UdpProbe.bind()) {
                announcer.multicastThroughLoopback().send("DISCOVER model=SD-42 fw=1.3.0".getBytes(StandardCharsets.US_ASCII),
                        new InetSocketAddress(InetAddress.getByName(GROUP), 9000));
            }
            pause(200);
            fx(() -> udp.traffic().sendBox().textProperty().set("GET status"));
            pause(60_000);
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private static void fx(Runnable action) {
        Platform.runLater(action);
        pause(50);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            pause(25);
        }
    }

    // A demo paces its traffic so the log shows distinct times; nothing waits on it.
    private static void pause(long millis) {
        LockSupport.parkNanos(millis * 1_000_000L);
    }

    @Override
    public void stop() {
        window.shutdown();
    }
}
