package io.socketdeck.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP receiver on {@code 127.0.0.1:0} for send tests: accepts one connection and reads every
 * byte into a SHA-256 digest. It can hold off reading (to make the sender's queue fill) and can
 * close after a number of bytes (to make the sender's target go away mid-send).
 */
public final class SinkServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong received = new AtomicLong();
    private final MessageDigest digest;
    private final CountDownLatch go;
    private final long closeAfter;
    private final Thread reader;
    private volatile Socket client;
    private volatile boolean sawEof;

    /** Reads at once, until the peer closes. */
    public SinkServer() throws IOException {
        this(false, Long.MAX_VALUE);
    }

    /**
     * @param paused     wait for {@link #resume()} before reading anything
     * @param closeAfter close the connection once this many bytes have been read
     */
    public SinkServer(boolean paused, long closeAfter) throws IOException {
        server = new ServerSocket();
        server.bind(Loopback.anyPort(Loopback.IPV4));
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        go = new CountDownLatch(paused ? 1 : 0);
        this.closeAfter = closeAfter;
        reader = new Thread(this::readAll, "sink-" + server.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        try (Socket accepted = server.accept(); InputStream in = accepted.getInputStream()) {
            client = accepted;
            go.await();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, closeAfter - received.get()))) > 0) {
                synchronized (digest) {
                    digest.update(buffer, 0, n);
                }
                received.addAndGet(n);
            }
            sawEof = n < 0;
        } catch (IOException | InterruptedException e) {
            // closed by the test
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    public long received() {
        return received.get();
    }

    /** True once the peer closed its side after sending. */
    public boolean sawEof() {
        return sawEof;
    }

    /** SHA-256 of everything read so far. */
    public byte[] digest() {
        synchronized (digest) {
            try {
                return ((MessageDigest) digest.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public void resume() {
        go.countDown();
    }

    public void awaitReceived(long bytes, Duration timeout) {
        Await.until(() -> received.get() >= bytes, timeout,
                () -> "sink received " + received.get() + " of " + bytes + " bytes");
    }

    @Override
    public void close() {
        go.countDown();
        try {
            server.close();
            Socket current = client;
            if (current != null) {
                current.close();
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (IOException | InterruptedException e) {
            // best effort
        }
    }
}
