package io.socketdeck.tools;

import io.socketdeck.Launcher;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Starts the real app and drives its TCP client tab against {@link DemoDevice}, so a screenshot
 * shows the window at work. Used with ../shared/tools/screenshot.sh:
 * {@code SCREENSHOT_CMD="mvn -q -o test-compile exec:java -Dexec.mainClass=io.socketdeck.tools.DemoScenario -Dexec.classpathScope=test"}.
 */
public final class DemoScenario {

    private DemoScenario() {
    }

    public static void main(String[] args) throws Exception {
        DemoDevice device = new DemoDevice();
        useDemoSettings();
        Thread app = new Thread(() -> Launcher.main(args), "app");
        app.start();
        Scene scene = awaitScene();
        onFx(scene, s -> {
            ((TextField) s.lookup("#clientPort")).setText(Integer.toString(device.port()));
            @SuppressWarnings("unchecked")
            ComboBox<Charset> encoding = (ComboBox<Charset>) s.lookup("#clientEncoding");
            encoding.setValue(Charset.forName("GBK"));
            ((Button) s.lookup("#clientConnect")).fire();
        });
        Thread.sleep(2_500); // let the greeting and a telemetry line arrive: this is a demo, not a test
        send(scene, "读取温度", false);
        Thread.sleep(1_200);
        send(scene, "查询设备序列号", false);
        Thread.sleep(1_200);
        send(scene, "设置上报间隔=500ms", false);
        app.join();
    }

    /**
     * A settings file of the demo's own (never the user's), with the quick commands a user of this
     * device would keep at hand.
     */
    private static void useDemoSettings() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("socketdeck-demo").resolve("settings.json");
        var settings = new io.socketdeck.core.settings.Settings();
        settings.put("quickCommands", io.socketdeck.core.send.QuickCommandJson.toTree(java.util.List.of(
                new io.socketdeck.core.send.QuickCommand("读取温度", "读取温度", false, "GBK", false,
                        io.socketdeck.core.send.LineEnding.NONE, io.socketdeck.core.send.Checksum.NONE),
                new io.socketdeck.core.send.QuickCommand("Modbus 读保持寄存器", "01 03 00 00 00 02", true, "UTF-8", false,
                        io.socketdeck.core.send.LineEnding.NONE, io.socketdeck.core.send.Checksum.CRC16_MODBUS),
                io.socketdeck.core.send.QuickCommand.text("心跳 PING", "PING"))));
        settings.put("tcpClient.log.encoding", "GBK");
        new io.socketdeck.core.settings.SettingsStore(file).save(settings);
        System.setProperty(io.socketdeck.core.settings.SettingsStore.PATH_PROPERTY, file.toString());
    }

    private static void send(Scene scene, String text, boolean hex) throws Exception {
        onFx(scene, s -> {
            ((CheckBox) s.lookup("#clientHexSend")).setSelected(hex);
            ((TextArea) s.lookup("#clientInput")).setText(text);
            ((Button) s.lookup("#clientSend")).fire();
        });
    }

    private static Scene awaitScene() throws Exception {
        for (int i = 0; i < 300; i++) {
            CompletableFuture<Scene> found = new CompletableFuture<>();
            try {
                Platform.runLater(() -> found.complete(Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(s -> s != null && s.lookup("#clientPort") != null)
                        .findFirst().orElse(null)));
                Scene scene = found.get(1, TimeUnit.SECONDS);
                if (scene != null) {
                    return scene;
                }
            } catch (IllegalStateException | java.util.concurrent.TimeoutException notYetUp) {
                // the toolkit is starting or busy building the window: keep polling
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the window did not appear");
    }

    private static void onFx(Scene scene, Consumer<Scene> action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.accept(scene);
            done.complete(null);
        });
        done.get(5, TimeUnit.SECONDS);
    }
}
