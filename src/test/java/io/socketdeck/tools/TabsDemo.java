package io.socketdeck.tools;

import io.socketdeck.core.settings.Settings;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Starts the real app with two TCP client tabs, the second renamed "PLC line 2" and connected to a
 * {@link DemoDevice} while the first stays idle, for the README's picture of several tabs of a
 * kind: {@code SCREENSHOT_CMD="mvn -q -o exec:java -Dexec.mainClass=io.socketdeck.tools.TabsDemo
 * -Dexec.classpathScope=test"}.
 */
public final class TabsDemo {

    private TabsDemo() {
    }

    public static void main(String[] args) throws Exception {
        DemoDevice device = new DemoDevice();
        Settings settings = new Settings()
                .put("tabs.open", List.of(tab("tabTcpClient", 1, ""), tab("tabTcpClient", 2, "PLC line 2"),
                        tab("tabTcpServer", 1, ""), tab("tabUdp", 1, "")))
                .put("tabs.selected", "tabTcpClient2")
                .put("tabs.kinds", List.of("tabTcpClient", "tabTcpServer", "tabUdp"))
                .put("tcpClient.2.log.encoding", "GBK")
                .put("tcpClient.2.port", Integer.toString(device.port()));
        Scene scene = DemoWindow.launch(args, "#clientPort2", settings);
        DemoWindow.onFx(scene, s -> ((Button) s.lookup("#clientConnect2")).fire());
        Thread.sleep(2_500); // let the greeting and a telemetry line arrive: this is a demo, not a test
        DemoWindow.onFx(scene, s -> {
            ((TextArea) s.lookup("#clientInput2")).setText("读取温度");
            ((Button) s.lookup("#clientSend2")).fire();
            ((TextField) s.lookup("#clientPort2")).end();
        });
        if (Boolean.getBoolean("demo.fileMenu")) { // the File menu open, to look at its New items
            DemoWindow.onFx(scene, s -> ((javafx.scene.control.MenuBar) s.lookup(".menu-bar")).getMenus().get(0).show());
        }
    }

    private static Map<String, Object> tab(String kind, int number, String name) {
        return Map.of("kind", kind, "number", number, "name", name);
    }
}
