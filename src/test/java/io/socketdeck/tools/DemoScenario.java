package io.socketdeck.tools;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandJson;
import io.socketdeck.core.settings.Settings;
import java.nio.charset.Charset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Starts the real app and drives its TCP client tab against {@link DemoDevice}, so a screenshot
 * shows the window at work: run it under Xvfb as the README's "Screenshots" says, with
 * {@code mvn -q -o test-compile exec:java -Dexec.mainClass=io.socketdeck.tools.DemoScenario -Dexec.classpathScope=test}.
 * It connects to a {@link DemoDevice} and sends a few commands.
 */
public final class DemoScenario {

    private DemoScenario() {
    }

    public static void main(String[] args) throws Exception {
        DemoDevice device = new DemoDevice();
        Scene scene = DemoWindow.launch(args, "#clientPort", demoSettings());
        DemoWindow.onFx(scene, s -> {
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
        if (Boolean.getBoolean("demo.rules")) { // the auto-reply list in front, its first rule selected
            DemoWindow.onFx(scene, s -> {
                ((javafx.scene.control.ToggleButton) s.lookup("#clientRulesTab")).fire();
                ((javafx.scene.control.ListView<?>) s.lookup("#clientRules")).getSelectionModel().select(0);
            });
        }
        if (Boolean.getBoolean("demo.framingDialog")) { // a dialog over the window, for its screenshot
            Thread.sleep(1_200);
            DemoWindow.onFx(scene, s -> javafx.application.Platform.runLater(
                    ((Button) s.lookup(System.getProperty("demo.dialogButton", "#clientFraming")))::fire));
        }
    }

    /** The quick commands a user of this device would keep at hand, and its encoding. */
    private static Settings demoSettings() {
        Settings settings = new Settings();
        settings.put("quickCommands", QuickCommandJson.toTree(List.of(
                new QuickCommand("读取温度", "读取温度", false, "GBK", false, LineEnding.NONE, Checksum.NONE),
                new QuickCommand("Modbus 读保持寄存器", "01 03 00 00 00 02", true, "UTF-8", false, LineEnding.NONE,
                        Checksum.CRC16_MODBUS),
                QuickCommand.text("心跳 PING", "PING"))));
        settings.put("tcpClient.log.encoding", "GBK");
        if (Boolean.getBoolean("demo.rules")) {
            settings.put("tcpClient.respond.rules", io.socketdeck.core.respond.RuleJson.toTree(List.of(
                    new io.socketdeck.core.respond.Rule(true, io.socketdeck.core.respond.Rule.Match.REGEX,
                            "#(\\d+) 温度=(\\S+)", new QuickCommand("确认上报", "ACK $1 {{TIME:HH:mm:ss.SSS}}", false,
                                    "GBK", false, LineEnding.CRLF, Checksum.NONE), 0),
                    new io.socketdeck.core.respond.Rule(true, io.socketdeck.core.respond.Rule.Match.HEX,
                            "01 03 ?? ?? 00 02", new QuickCommand("Modbus 读 2 个寄存器", "01 03 04 00 0A 00 0B", true,
                                    "UTF-8", false, LineEnding.NONE, Checksum.CRC16_MODBUS), 20))));
        }
        settings.put("tcpClient.log.view", System.getProperty("demo.view", "TEXT")); // e.g. DUMP
        // e.g. delimiter_0D0A_strip: underscores for spaces, so it passes through a shell and Maven
        settings.put("tcpClient.framing", System.getProperty("demo.framing", "as-read").replace('_', ' '));
        return settings;
    }

    private static void send(Scene scene, String text, boolean hex) throws Exception {
        DemoWindow.onFx(scene, s -> {
            ((CheckBox) s.lookup("#clientHexSend")).setSelected(hex);
            ((TextArea) s.lookup("#clientInput")).setText(text);
            ((Button) s.lookup("#clientSend")).fire();
        });
    }


}
