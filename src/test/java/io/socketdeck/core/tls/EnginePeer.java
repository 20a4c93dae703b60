package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.RecordingListener;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client (or server, {@link #accept}) driven by hand: a JDK {@link SSLEngine} over a blocking loopback socket, so a test
 * decides which records go out in one write (a close_notify with a byte after it) and when the
 * peer reads at all. Not an SSLSocket: that one never lets its records be put together with others.
 * The socket is a channel's, in blocking mode but for {@link #writeNow}, which says when it is full.
 */
final class EnginePeer implements AutoCloseable {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Socket socket;
    private final InputStream input;
    private final SSLEngine engine;
    /** Bytes read and not unwrapped yet; write mode. */
    private ByteBuffer netIn;
    /** Decrypted bytes not taken yet; write mode. */
    private ByteBuffer app;
    /** Bytes of our next records that went out early: the next write leaves them out. */
    private byte[] sentAhead = new byte[0];
    private boolean begun;

    private EnginePeer(Socket socket, SSLEngine engine) throws IOException {
        this.socket = socket;
        this.input = socket.getInputStream();
        this.engine = engine;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /**
     * Connects to 127.0.0.1:{@code port}, speaking only {@code protocol} and trusting {@code trusted}.
     *
     * @param receiveBuffer SO_RCVBUF asked before connecting (so the window is small from the start); 0 for the system's
     */
    static EnginePeer connect(int port, X509Certificate trusted, String protocol, int receiveBuffer) throws IOException {
        return connect(port, trusted, protocol, receiveBuffer, 0);
    }

    /** As {@link #connect(int, X509Certificate, String, int)}, with SO_SNDBUF {@code sendBuffer} too (0: the system's). */
    static EnginePeer connect(int port, X509Certificate trusted, String protocol, int receiveBuffer, int sendBuffer)
            throws IOException {
        Socket socket = SocketChannel.open().socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            if (sendBuffer > 0) {
                socket.setSendBufferSize(sendBuffer);
            }
            socket.setTcpNoDelay(true); // each write goes out at once, as one segment
            socket.setSoTimeout((int) RecordingListener.TIMEOUT.toMillis()); // a silent server fails the test, never hangs it
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            SSLEngine engine = context(trusted).createSSLEngine("localhost", port);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setProtocols(new String[] {protocol});
            engine.setSSLParameters(parameters);
            return new EnginePeer(socket, engine);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Accepts one connection on {@code listener} (blocking) and serves TLS on it, presenting
     * {@code key}, speaking only {@code protocol}; a receive buffer is set on the listener.
     *
     * @param sendBuffer SO_SNDBUF; 0 for the system's
     */
    static EnginePeer accept(ServerSocketChannel listener, KeyMaterial key, String protocol, int sendBuffer)
            throws IOException {
        Socket socket = listener.accept().socket();
        try {
            if (sendBuffer > 0) {
                socket.setSendBufferSize(sendBuffer);
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) RecordingListener.TIMEOUT.toMillis());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(key.keyManagers(), null, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setProtocols(new String[] {protocol});
            engine.setSSLParameters(parameters);
            return new EnginePeer(socket, engine);
        } catch (GeneralSecurityException e) {
            socket.close();
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLContext context(X509Certificate trusted) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", trusted);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Its first flight (a client's ClientHello), made and not sent: the test sends it. */
    byte[] hello() throws IOException {
        begin();
        return wrapHandshake();
    }

    /**
     * {@code bytes} were sent ahead of the records that will start with them: the next write
     * checks that they do and leaves them out.
     */
    void sentAhead(byte... bytes) {
        sentAhead = bytes.clone();
    }

    /** Runs the handshake to its end, from wherever it is. */
    void handshake() throws IOException {
        begin();
        HandshakeStatus status = engine.getHandshakeStatus();
        while (status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED) {
            switch (status) {
                case NEED_WRAP -> write(wrapHandshake());
                case NEED_TASK -> runTasks();
                default -> unwrapSome();
            }
            status = engine.getHandshakeStatus();
        }
    }

    private void begin() throws IOException {
        if (!begun) {
            begun = true;
            engine.beginHandshake();
        }
    }

    private byte[] wrapHandshake() throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            SSLEngineResult result = engine.wrap(EMPTY, out);
            records.write(out.array(), 0, out.position());
            if (result.getStatus() == SSLEngineResult.Status.CLOSED || result.bytesProduced() == 0) {
                break;
            }
        }
        runTasks();
        return records.toByteArray();
    }

    private void runTasks() {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    /** Unwraps one record, reading the socket first when no whole one is here. */
    private void unwrapSome() throws IOException {
        while (true) {
            netIn.flip();
            SSLEngineResult result = engine.unwrap(netIn, app);
            netIn.compact();
            switch (result.getStatus()) {
                case OK, CLOSED -> {
                    return;
                }
                case BUFFER_OVERFLOW -> app = bigger(app, engine.getSession().getApplicationBufferSize());
                case BUFFER_UNDERFLOW -> {
                    if (netIn.remaining() < engine.getSession().getPacketBufferSize()) {
                        netIn = bigger(netIn, engine.getSession().getPacketBufferSize());
                    }
                    int count = input.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
                    if (count < 0) {
                        throw new EOFException("the server closed the connection");
                    }
                    netIn.position(netIn.position() + count);
                }
            }
        }
    }

    private static ByteBuffer bigger(ByteBuffer full, int room) {
        ByteBuffer grown = ByteBuffer.allocate(full.capacity() + room);
        full.flip();
        return grown.put(full);
    }

    /** The records that carry {@code data}, made and not sent. */
    byte[] records(byte[] data) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        while (src.hasRemaining()) {
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(src, out);
            records.write(out.array(), 0, out.position());
        }
        return records.toByteArray();
    }

    /**
     * A KeyUpdate asking for the other side's own (update_requested), made and not sent: a TLS 1.3
     * engine makes one when a handshake is begun again after the first. From then on this side
     * encrypts with its new keys; it needs no answer to go on.
     */
    byte[] keyUpdate() throws IOException {
        engine.beginHandshake();
        return wrapHandshake();
    }

    /** Our close_notify alert, made and not sent. */
    byte[] closeNotify() throws IOException {
        engine.closeOutbound();
        return wrapHandshake();
    }

    /** Writes {@code parts} together, in one write: they leave in one segment. */
    void write(byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part);
        }
        byte[] bytes = all.toByteArray();
        int skip = sentAhead.length;
        if (skip > 0) {
            assertEquals(ByteBuffer.wrap(sentAhead), ByteBuffer.wrap(bytes, 0, skip), "the bytes sent ahead start these");
            sentAhead = new byte[0];
        }
        socket.getOutputStream().write(bytes, skip, bytes.length - skip);
    }

    /**
     * Writes what the socket takes of {@code bytes} now, without waiting: 0 when its buffers are
     * full (the other side is not reading, or not yet).
     */
    int writeNow(ByteBuffer bytes) throws IOException {
        SocketChannel channel = socket.getChannel();
        channel.configureBlocking(false);
        try {
            return channel.write(bytes);
        } finally {
            channel.configureBlocking(true);
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Reads and decrypts until {@code count} application bytes came, and returns them. */
    byte[] read(int count) throws IOException {
        while (app.position() < count) {
            unwrapSome();
            if (engine.isInboundDone() && app.position() < count) {
                throw new EOFException("close_notify after " + app.position() + " of " + count + " bytes");
            }
        }
        app.flip();
        byte[] bytes = new byte[count];
        app.get(bytes);
        app.compact();
        return bytes;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
