package io.socketdeck.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * A pretend GBK device for screenshots: greets, answers each line, and reports telemetry twice a
 * second. Loopback only, port 0.
 */
final class DemoDevice implements AutoCloseable {

    private static final Charset GBK = Charset.forName("GBK");
    private final ServerSocket server = new ServerSocket();

    DemoDevice() throws IOException {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "demo-device");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                Thread talker = new Thread(() -> talk(client), "demo-device-client");
                talker.setDaemon(true);
                talker.start();
            }
        } catch (IOException closed) {
            // demo over
        }
    }

    private void talk(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            write(out, "欢迎使用 温湿度采集器 V2.3（GBK）\r\n");
            Thread telemetry = new Thread(() -> {
                try {
                    for (int seq = 1; ; seq++) {
                        Thread.sleep(2_000); // a device's reporting interval, not synchronisation
                        write(out, String.format(Locale.ROOT, "#%03d 温度=%.1f℃ 湿度=%d%% 状态=正常\r\n",
                                seq, 22.5 + (seq % 7) * 0.3, 40 + seq % 5));
                    }
                } catch (IOException | InterruptedException stopped) {
                    // connection gone
                }
            });
            telemetry.setDaemon(true);
            telemetry.start();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                String command = new String(buffer, 0, n, GBK).strip();
                write(out, "应答: " + command + " -> OK\r\n");
            }
        } catch (IOException closed) {
            // connection gone
        }
    }

    private static synchronized void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(GBK));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
