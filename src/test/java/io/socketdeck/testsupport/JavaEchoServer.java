package io.socketdeck.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Multi-client TCP echo server in plain Java: a {@link ServerSocket} on {@code 127.0.0.1:0}
 * (or {@code ::1}), one daemon thread per client, every byte written back.
 */
public final class JavaEchoServer implements EchoPeer {

    private final ServerSocket server;
    private final InetSocketAddress address;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    /** Listens on {@code 127.0.0.1:0}. */
    public JavaEchoServer() throws IOException {
        this(Loopback.IPV4);
    }

    /** Listens on {@code HOST:0}; HOST must be {@code 127.0.0.1} or {@code ::1}. */
    public JavaEchoServer(String host) throws IOException {
        server = new ServerSocket();
        try {
            server.bind(Loopback.anyPort(host), 128);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        address = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        acceptor = new Thread(this::acceptLoop, "java-echo-accept-" + address.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            clients.add(s);
            accepted.incrementAndGet();
            if (closed) {
                closeQuietly(s);
                return;
            }
            Thread t = new Thread(() -> echo(s), "java-echo-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // reset or closed: the client is gone
        } finally {
            clients.remove(s);
        }
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public String description() {
        return "java echo";
    }

    /** Connections accepted so far. */
    public int acceptedCount() {
        return accepted.get();
    }

    /** Connections currently open on the server side. */
    public int openCount() {
        return clients.size();
    }

    /** Waits until at least {@code n} connections have been accepted. */
    public void awaitClients(int n, Duration timeout) {
        Await.until(() -> accepted.get() >= n, timeout,
                () -> "java echo on " + address + ": accepted " + accepted.get() + " of " + n + " clients");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        for (Socket s : clients) {
            closeQuietly(s);
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "java echo on " + address;
    }
}
