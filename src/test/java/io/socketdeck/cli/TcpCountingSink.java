package io.socketdeck.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP receiver on {@code 127.0.0.1:0} for the generator's tests: accepts any number of
 * connections and reads each to its end on a thread of its own, keeping its bytes (up to 16 MiB
 * each) and whether it ended.
 */
final class TcpCountingSink implements AutoCloseable {

    private static final int KEPT = 16 << 20;

    /** One accepted connection. */
    static final class Connection {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long count;
        private boolean ended;

        synchronized long count() {
            return count;
        }

        synchronized boolean ended() {
            return ended;
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized void add(byte[] buffer, int n) {
            count += n;
            if (bytes.size() < KEPT) {
                bytes.write(buffer, 0, n);
            }
        }

        synchronized void end() {
            ended = true;
        }
    }

    private final ServerSocket server;
    private final List<Connection> connections = new ArrayList<>();

    TcpCountingSink() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptAll, "tcp-sink-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Connection> connections() {
        synchronized (connections) {
            return List.copyOf(connections);
        }
    }

    private void acceptAll() {
        try {
            while (true) {
                Socket socket = server.accept();
                Connection connection = new Connection();
                synchronized (connections) {
                    connections.add(connection);
                }
                Thread reader = new Thread(() -> read(socket, connection), "tcp-sink-reader");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static void read(Socket socket, Connection connection) {
        byte[] buffer = new byte[64 * 1024];
        try (socket; InputStream in = socket.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                connection.add(buffer, n);
            }
        } catch (IOException reset) {
            // counted what came
        } finally {
            connection.end();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
