package io.socketdeck.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Accepts TCP connections on {@code 127.0.0.1:0} and ends them on command: {@link #resetAll()}
 * closes them with {@code SO_LINGER 0} so the client sees a TCP RST ("Connection reset"),
 * {@link #closeGracefully()} closes them normally (FIN, the client reads EOF).
 *
 * <p>Each accepted connection has a daemon thread that reads (and keeps) what the client sends, so
 * a graceful close is not turned into a reset by unread data.
 */
public final class ResettingServer implements AutoCloseable {

    private static final Duration NEXT_TIMEOUT = Duration.ofSeconds(5);

    private final ServerSocket server;
    private final InetSocketAddress address;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private static final class Conn {
        final Socket socket;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile boolean ended;
        /** The reader met the end of the client's stream, or a reset, or the socket closed here. */
        volatile boolean readEnded;

        Conn(Socket socket) {
            this.socket = socket;
        }

        void readLoop() {
            try {
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) != -1) {
                    synchronized (received) {
                        received.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // closed or reset
            } finally {
                readEnded = true;
            }
        }

        byte[] received() {
            synchronized (received) {
                return received.toByteArray();
            }
        }
    }

    /** Listens on {@code 127.0.0.1:0}. */
    public ResettingServer() throws IOException {
        this(Loopback.IPV4);
    }

    /** Listens on {@code HOST:0}; HOST must be {@code 127.0.0.1} or {@code ::1}. */
    public ResettingServer(String host) throws IOException {
        server = new ServerSocket();
        try {
            server.bind(Loopback.anyPort(host), 64);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        address = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        acceptor = new Thread(this::acceptLoop, "resetting-accept-" + address.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            Conn c = new Conn(s);
            conns.add(c);
            if (closed) {
                end(c, true);
                return;
            }
            Thread reader = new Thread(c::readLoop, "resetting-read-" + s.getPort());
            reader.setDaemon(true);
            reader.start();
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** Connections accepted so far (including ones already ended). */
    public int acceptedCount() {
        return conns.size();
    }

    /** Waits until at least {@code n} connections have been accepted. */
    public void awaitAccepted(int n, Duration timeout) {
        Await.until(() -> conns.size() >= n, timeout,
                () -> "resetting server on " + address + ": accepted " + conns.size() + " of " + n);
    }

    /** Bytes received so far on the {@code index}-th accepted connection (0-based). */
    public byte[] received(int index) {
        return conns.get(index).received();
    }

    /**
     * Waits until the {@code index}-th accepted connection's reader is done (the client closed or
     * reset it; or this server ended it) and returns every byte it received: all the client ever
     * sent on it, not what had come so far.
     */
    public byte[] awaitReadEnded(int index, Duration timeout) {
        awaitAccepted(index + 1, timeout);
        Conn conn = conns.get(index);
        Await.until(() -> conn.readEnded, timeout,
                () -> "the client to end connection " + index + " to " + address + "; received so far "
                        + conn.received().length + " bytes");
        return conn.received();
    }

    /** Resets (RST) every accepted connection that is still open; returns how many. */
    public int resetAll() {
        int n = 0;
        for (Conn c : conns) {
            if (end(c, true)) {
                n++;
            }
        }
        return n;
    }

    /** Resets (RST) the oldest still-open connection, waiting up to 5 s for one to be accepted. */
    public void resetNext() {
        end(awaitOpen(), true);
    }

    /**
     * Writes {@code data} to every open connection, then resets it; waits up to 5 s for at least
     * one connection. On Linux the client still reads the data first, then gets "Connection reset".
     * Returns how many connections were reset.
     */
    public int sendThenReset(byte[] data) {
        awaitOpen();
        int n = 0;
        for (Conn c : conns) {
            if (c.ended) {
                continue;
            }
            try {
                OutputStream out = c.socket.getOutputStream();
                out.write(data);
                out.flush();
            } catch (IOException ignored) {
                // the client went first: reset anyway
            }
            if (end(c, true)) {
                n++;
            }
        }
        return n;
    }

    /** Closes every open connection normally (FIN: the client reads EOF); returns how many. */
    public int closeGracefully() {
        int n = 0;
        for (Conn c : conns) {
            if (end(c, false)) {
                n++;
            }
        }
        return n;
    }

    private Conn awaitOpen() {
        return Await.value(() -> conns.stream().filter(c -> !c.ended).findFirst().orElse(null),
                c -> c != null, NEXT_TIMEOUT, "an open accepted connection on " + address);
    }

    private static boolean end(Conn c, boolean reset) {
        synchronized (c) {
            if (c.ended) {
                return false;
            }
            c.ended = true;
        }
        Socket s = c.socket;
        try {
            if (reset) {
                s.setSoLinger(true, 0);
            } else {
                s.shutdownOutput(); // FIN first, whatever the reader thread is doing
            }
        } catch (IOException ignored) {
            // already closed by the peer side
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // best effort
        }
        return true;
    }

    /** Stops listening and resets whatever is still open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
        resetAll();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "resetting server on " + address + " (" + conns.size() + " accepted)";
    }
}
