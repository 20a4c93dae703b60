package io.socketdeck.tools;

import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.app.MainWindowFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Starts the real app, listens on its TCP server tab and lets a few simulated devices connect
 * and talk (GBK text, as many Chinese devices send), then selects two of them, sends them a
 * command and broadcasts to all, so a screenshot shows the tab at work. A demo, not a test:
 * it waits on the wall clock. Run it under Xvfb as the README's "Screenshots" says, with
 * {@code mvn -q -o test-compile exec:java -Dexec.mainClass=io.socketdeck.tools.ServerDemo -Dexec.classpathScope=test}.
 */
public final class ServerDemo {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String[] DEVICES = {
        "1号温控器", "2号温控器", "仓库门禁", "水泵控制柜", "光照传感器"};

    private ServerDemo() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings();
        settings.put("tcpServer.log.encoding", "GBK");
        Scene scene = DemoWindow.launch(args, "#clientPort", settings); // the tab in front at start
        DemoWindow.onFx(scene, s -> {
            MainWindowFixture.showTab(s.getRoot(), "tabTcpServer");
            @SuppressWarnings("unchecked")
            ComboBox<Charset> encoding = (ComboBox<Charset>) s.lookup("#serverEncoding");
            encoding.setValue(GBK);
            ((ComboBox<?>) s.lookup("#serverBind")).getEditor().setText("0.0.0.0");
            ((TextField) s.lookup("#serverPort")).setText("8080");
            ((Button) s.lookup("#serverListen")).fire();
        });
        Thread.sleep(1_000);
        int port = DemoWindow.query(scene, s -> {
            String status = ((javafx.scene.control.Label) s.lookup("#serverStatus")).getText();
            return status.startsWith("Listening") || status.startsWith("正在监听") ? 8080 : -1;
        });
        if (port < 0) { // 8080 taken on this machine: let the system pick
            DemoWindow.onFx(scene, s -> {
                ((TextField) s.lookup("#serverPort")).setText("0");
                ((Button) s.lookup("#serverListen")).fire();
            });
            Thread.sleep(1_000);
            port = DemoWindow.query(scene, s -> {
                String status = ((javafx.scene.control.Label) s.lookup("#serverStatus")).getText();
                return Integer.parseInt(status.replaceAll(".*:(\\d+).*", "$1"));
            });
        }
        List<Socket> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES.length; i++) {
            Socket device = new Socket();
            device.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            devices.add(device);
            startDevice(device, i);
            Thread.sleep(350);
        }
        Thread.sleep(1_200);
        DemoWindow.onFx(scene, s -> {
            @SuppressWarnings("unchecked")
            TableView<Object> table = (TableView<Object>) s.lookup("#serverClients");
            table.getSelectionModel().selectIndices(0, 2);
            @SuppressWarnings("unchecked")
            ComboBox<Object> target = (ComboBox<Object>) s.lookup("#serverTarget");
            target.setValue(target.getItems().get(1));
        });
        send(scene, "读取状态");
        Thread.sleep(1_000);
        DemoWindow.onFx(scene, s -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> target = (ComboBox<Object>) s.lookup("#serverTarget");
            target.setValue(target.getItems().get(0));
        });
        send(scene, "校时 2026-11-23 14:00:00");
        Thread.sleep(1_000);
        DemoWindow.onFx(scene, s -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> target = (ComboBox<Object>) s.lookup("#serverTarget");
            target.setValue(target.getItems().get(1));
            ((TextArea) s.lookup("#serverInput")).setText("设置上报间隔=500ms");
            Node table = s.lookup("#serverClients");
            table.requestFocus();
        });
    }

    /** A device: says hello, reports now and then, and answers every command it gets. */
    private static void startDevice(Socket socket, int index) {
        Thread device = new Thread(() -> {
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write((DEVICES[index] + " 上线, 固件 V2." + (index + 1) + "\r\n").getBytes(GBK));
                InputStream in = socket.getInputStream();
                socket.setSoTimeout(20_000 + 3_000 * index); // rare reports: the shot should show the conversation
                byte[] buffer = new byte[1024];
                for (int seq = 1; ; seq++) {
                    try {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return;
                        }
                        String command = new String(buffer, 0, n, GBK);
                        out.write(("应答: " + command + " -> OK\r\n").getBytes(GBK));
                    } catch (java.net.SocketTimeoutException quiet) {
                        out.write(String.format("#%03d 温度=%.1f℃ 湿度=%d%%\r\n", seq, 22.5 + index + seq * 0.1,
                                40 + index).getBytes(GBK));
                    }
                }
            } catch (IOException e) {
                // the app went away
            }
        }, "device-" + index);
        device.setDaemon(true);
        device.start();
    }

    private static void send(Scene scene, String text) throws Exception {
        DemoWindow.onFx(scene, s -> {
            ((TextArea) s.lookup("#serverInput")).setText(text);
            ((Button) s.lookup("#serverSend")).fire();
        });
    }



}
