package io.socketdeck.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A tiny blocking TCP client for tests. Reads take a timeout (applied as {@code SO_TIMEOUT}
 * against a deadline), so no test waits forever.
 */
public final class TcpProbe implements AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean resetByPeer;
    private volatile boolean eofFromPeer;

    private TcpProbe(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to a tab's "host:port" (a server's listening address as the tab shows it). */
    public static TcpProbe connect(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        return connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
    }

    /** Connects with a 5 s connect timeout. */
    public static TcpProbe connect(InetSocketAddress address) throws IOException {
        return connect(address, DEFAULT_CONNECT_TIMEOUT);
    }

    /** Connects with the given connect timeout ({@link SocketTimeoutException} when it passes). */
    public static TcpProbe connect(InetSocketAddress address, Duration connectTimeout) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("not a loopback address: " + address);
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, (int) Math.max(1, connectTimeout.toMillis()));
            return new TcpProbe(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public void send(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** Sends the UTF-8 bytes of {@code text}. */
    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads exactly {@code n} bytes. Throws {@link SocketTimeoutException} if they do not all arrive
     * in time, {@link EOFException} if the peer closes first, {@link SocketException} ("Connection
     * reset") if the peer resets.
     */
    public byte[] readExactly(int n, Duration timeout) throws IOException {
        byte[] buf = new byte[n];
        int got = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got < n) {
            int r;
            try {
                r = readBefore(deadline, buf, got, n - got);
            } catch (SocketTimeoutException e) {
                SocketTimeoutException t = new SocketTimeoutException(
                        "read " + got + " of " + n + " bytes within " + timeout.toMillis() + " ms");
                t.initCause(e);
                throw t;
            }
            if (r == -1) {
                throw new EOFException("peer closed after " + got + " of " + n + " bytes");
            }
            got += r;
        }
        return buf;
    }

    /** Reads exactly as many bytes as the UTF-8 form of {@code expected} and decodes them. */
    public String readUtf8(String expected, Duration timeout) throws IOException {
        return new String(readExactly(expected.getBytes(StandardCharsets.UTF_8).length, timeout),
                StandardCharsets.UTF_8);
    }

    /**
     * Waits up to {@code timeout} for the first byte, then returns every byte readable without
     * blocking. Returns an empty array if nothing arrived in time; throws {@link EOFException} if
     * the peer closed before sending anything.
     */
    public byte[] readAvailable(Duration timeout) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int r;
        try {
            r = readBefore(System.nanoTime() + timeout.toNanos(), buf, 0, buf.length);
        } catch (SocketTimeoutException e) {
            return new byte[0];
        }
        if (r == -1) {
            throw new EOFException("peer closed");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(buf, 0, r);
        int avail;
        while ((avail = in.available()) > 0) {
            int m = in.read(buf, 0, Math.min(avail, buf.length));
            if (m <= 0) {
                if (m == -1) {
                    eofFromPeer = true;
                }
                break;
            }
            all.write(buf, 0, m);
        }
        return all.toByteArray();
    }

    /**
     * Reads (and discards) until the peer closes: returns true on EOF or reset (see
     * {@link #wasResetByPeer()}), false if the connection is still open when {@code timeout} passes.
     */
    public boolean awaitClosedByPeer(Duration timeout) throws IOException {
        if (eofFromPeer || resetByPeer) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (true) {
            try {
                if (readBefore(deadline, buf, 0, buf.length) == -1) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                if (resetByPeer) {
                    return true;
                }
                throw e;
            }
        }
    }

    private int readBefore(long deadline, byte[] buf, int off, int len) throws IOException {
        long leftMs = (deadline - System.nanoTime()) / 1_000_000;
        if (leftMs <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
        try {
            int r = in.read(buf, off, len);
            if (r == -1) {
                eofFromPeer = true;
            }
            return r;
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (SocketException e) {
            if (isReset(e)) {
                resetByPeer = true;
            }
            throw e;
        }
    }

    private static boolean isReset(SocketException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connection reset");
    }

    /** True once a read saw "Connection reset". */
    public boolean wasResetByPeer() {
        return resetByPeer;
    }

    /** True once a read returned EOF. */
    public boolean sawEof() {
        return eofFromPeer;
    }

    /** Half-closes: sends FIN, keeps reading possible. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /** The underlying socket, for options a test wants to set itself. */
    public Socket socket() {
        return socket;
    }

    /** Closes; with {@code reset} the close sends RST ({@code SO_LINGER 0}) instead of FIN. */
    public void close(boolean reset) {
        try {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // closed already
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "tcp probe " + socket.getLocalSocketAddress() + " -> " + socket.getRemoteSocketAddress()
                + (resetByPeer ? " (reset)" : eofFromPeer ? " (eof)" : "");
    }
}
