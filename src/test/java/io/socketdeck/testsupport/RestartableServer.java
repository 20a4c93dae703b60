package io.socketdeck.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP server on loopback that a test can stop and start again on the same port, as a
 * device that reboots: the first start binds port 0, later starts bind that port again with
 * SO_REUSEADDR (the connections it closed may linger in TIME_WAIT on it). Each accepted
 * connection's received text is kept, in order of arrival. Stopping closes the listener and
 * every connection, with a FIN, or with an RST when asked.
 */
public final class RestartableServer implements AutoCloseable {

    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** What each connection sent, by connection in order of accept. */
    private final List<StringBuffer> received = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private int port;

    /** Listens on a port the system picks. */
    public static RestartableServer start() throws IOException {
        RestartableServer server = new RestartableServer();
        server.listen(0);
        return server;
    }

    private void listen(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
        port = socket.getLocalPort();
        listener = socket;
        Thread acceptor = new Thread(() -> acceptAll(socket), "restartable-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptAll(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                StringBuffer text = new StringBuffer();
                open.add(client);
                received.add(text);
                Thread reader = new Thread(() -> readAll(client, text), "restartable-server-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void readAll(Socket client, StringBuffer text) {
        byte[] buffer = new byte[4096];
        try (InputStream in = client.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException gone) {
            // closed by stop(): the text so far is kept
        }
    }

    /** Stops listening and closes every connection: with an RST when {@code reset}, else a FIN. */
    public void stop(boolean reset) throws IOException {
        listener.close();
        for (Socket client : open) {
            if (reset) {
                client.setSoLinger(true, 0);
            }
            client.close();
        }
        open.clear();
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        listen(port);
    }

    public int port() {
        return port;
    }

    /** How many connections were accepted since the first start. */
    public int accepted() {
        return received.size();
    }

    /** What connection {@code index} (0 first) sent so far. */
    public String receivedOn(int index) {
        return received.get(index).toString();
    }

    @Override
    public void close() throws IOException {
        stop(false);
    }
}
