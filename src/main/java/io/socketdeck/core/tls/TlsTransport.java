package io.socketdeck.core.tls;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.TlsHandshake.Trust;
import io.socketdeck.core.tcp.PlainTransport;
import io.socketdeck.core.tcp.Transport;
import io.socketdeck.core.tcp.TransportFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * TLS over one non-blocking socket with an {@link SSLEngine}: no thread of its own, no blocking
 * socket. Reads decrypt into the connection's buffer, writes encrypt into records, and the
 * handshake runs inside both, on the connection's loop thread. Renegotiation is refused;
 * TLS 1.3's post-handshake messages (tickets, key updates) are not renegotiation and go through.
 *
 * <p>Buffers: {@code netIn} holds records read and not yet decrypted (write mode), {@code netOut}
 * records made and not yet written (write mode: its position is what waits), {@code appIn}
 * decrypted bytes the caller had no room for (read mode).
 */
final class TlsTransport implements Transport {

    /** Records made per write before they are written: one write call carries several. */
    private static final int RECORDS_PER_WRITE = 4;

    private final PlainTransport socket;
    private final SSLEngine engine;
    private final long handshakeTimeoutNanos;
    private final Trust untrustedPeer;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    private long startNanos;
    private long startMillis;
    private boolean handshaken;
    private TlsHandshake agreed;
    /** The peer's close_notify or end of stream came after the bytes still buffered. */
    private boolean inboundDone;
    /** True while netIn may hold a whole record: decrypting is worth trying without a read. */
    private boolean netInDecodable;
    private long wireReceived;
    private long wireSent;

    /**
     * @param untrustedPeer what a handshake with no trust verdict reports: NONE for a server that
     *                      asks no client certificate
     */
    TlsTransport(SocketChannel channel, SSLEngine engine, long handshakeTimeoutNanos, Trust untrustedPeer) {
        this.socket = new PlainTransport(channel);
        this.engine = engine;
        this.handshakeTimeoutNanos = handshakeTimeoutNanos;
        this.untrustedPeer = untrustedPeer;
        SSLSession session = engine.getSession();
        this.netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        this.netOut = ByteBuffer.allocate(session.getPacketBufferSize() * RECORDS_PER_WRITE);
        this.appIn = ByteBuffer.allocate(session.getApplicationBufferSize()).flip();
    }

    @Override
    public SocketChannel channel() {
        return socket.channel();
    }

    @Override
    public void begin() throws IOException {
        startNanos = System.nanoTime();
        startMillis = System.currentTimeMillis();
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            throw TlsFailures.classify(e);
        }
        flush();
    }

    @Override
    public boolean ready() {
        return handshaken;
    }

    @Override
    public TlsHandshake handshake() {
        TlsHandshake once = agreed;
        agreed = null;
        return once;
    }

    @Override
    public long handshakeTimeoutNanos() {
        return handshakeTimeoutNanos;
    }

    @Override
    public long wireReceived() {
        return wireReceived;
    }

    @Override
    public long wireSent() {
        return wireSent;
    }

    /**
     * Also true once the peer's close_notify was decrypted with the last data: that read returned
     * the data, and its end (-1) is still to be told. In TLS 1.3 the peer may keep the socket open
     * after it (a half-close), so no readiness would ever come to tell it.
     */
    @Override
    public boolean hasPending() {
        return appIn.hasRemaining() || netInDecodable || inboundDone;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        drainAppIn(dst);
        boolean socketDrained = false;
        while (dst.hasRemaining() && !appIn.hasRemaining()) {
            decrypt(dst);
            if (!dst.hasRemaining() || appIn.hasRemaining() || inboundDone || socketDrained) {
                break;
            }
            int count = readSocket();
            if (count < 0) {
                endOfStream();
                break;
            }
            socketDrained = count == 0;
            if (socketDrained && !netInDecodable) {
                break;
            }
        }
        int produced = dst.position() - start;
        if (produced == 0 && inboundDone && !appIn.hasRemaining() && !netInDecodable) {
            return -1;
        }
        return produced;
    }

    private int readSocket() throws IOException {
        if (!netIn.hasRemaining()) {
            // A record larger than the buffer (a peer's big certificate chain): make room for it.
            ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
            netIn.flip();
            netIn = bigger.put(netIn);
        }
        int count;
        try {
            count = socket.read(netIn);
        } catch (IOException e) {
            if (!handshaken) {
                throw new TransportFailure(FailureKind.TLS_PEER_LEFT_HANDSHAKE,
                        IoFailures.isReset(e) ? "RST" : IoFailures.detail(e), List.of(), e);
            }
            throw e;
        }
        if (count > 0) {
            wireReceived += count;
            netInDecodable = true;
        }
        return count;
    }

    private void endOfStream() throws IOException {
        if (!handshaken) {
            throw new TransportFailure(FailureKind.TLS_PEER_LEFT_HANDSHAKE, "", List.of(), null);
        }
        inboundDone = true; // without close_notify: a truncation the peer may mean; reported as its end
    }

    private void drainAppIn(ByteBuffer dst) {
        if (!appIn.hasRemaining()) {
            return;
        }
        int n = Math.min(appIn.remaining(), dst.remaining());
        ByteBuffer slice = appIn.slice(appIn.position(), n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
    }

    /** Decrypts the whole records in {@code netIn}, into {@code dst} while it has room, then into {@code appIn}. */
    private void decrypt(ByteBuffer dst) throws IOException {
        netIn.flip();
        boolean dstTooShort = false;
        try {
            while (netIn.hasRemaining() && !inboundDone) {
                // Straight into the caller's buffer when a whole record fits: no copy.
                boolean direct = !dstTooShort && dst.remaining() >= engine.getSession().getApplicationBufferSize();
                ByteBuffer target = direct ? dst : appIn.clear();
                SSLEngineResult result;
                try {
                    result = engine.unwrap(netIn, target);
                } catch (SSLException e) {
                    appIn.clear().flip();
                    throw failed(e);
                }
                if (!direct) {
                    appIn.flip();
                    drainAppIn(dst);
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    inboundDone = true; // the peer's close_notify: nothing follows it
                    answerCloseNotify();
                    break;
                } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    netInDecodable = false;
                    break;
                } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    if (direct) {
                        dstTooShort = true; // the next turn goes through appIn
                        continue;
                    }
                    appIn = ByteBuffer.allocate(appIn.capacity() * 2).flip();
                    continue;
                }
                afterEngine(result);
                if (!dst.hasRemaining() || appIn.hasRemaining()) {
                    break; // the caller's buffer is full; what is left waits for the next read
                }
            }
            if (!netIn.hasRemaining()) {
                netInDecodable = false;
            }
        } finally {
            netIn.compact();
        }
    }

    /**
     * Sends the close_notify the engine owes the peer's: TLS 1.2 answers one at once (the engine
     * closed its side, RFC 5246 7.2.1), and a peer such as socat waits for it; TLS 1.3 leaves our
     * side open (a half-close), so nothing is due. A peer that closed its socket right after its
     * alert gets nothing: its close_notify said all, it is not a failure.
     */
    private void answerCloseNotify() {
        try {
            flush();
        } catch (IOException e) {
            // gone already
        }
    }

    /** Runs what the handshake asks after a wrap or unwrap: tasks, records to send, its end. */
    private void afterEngine(SSLEngineResult result) throws IOException {
        HandshakeStatus status = result.getHandshakeStatus();
        if (status == HandshakeStatus.FINISHED) {
            completed();
            return;
        }
        // A closing engine wraps its close_notify (NEED_WRAP): that is no new handshake.
        if (handshaken && status != HandshakeStatus.NOT_HANDSHAKING && !engine.isInboundDone()
                && !engine.isOutboundDone() && isRenegotiation()) {
            throw TlsFailures.failure(FailureKind.TLS_RENEGOTIATION_REFUSED, "", null);
        }
        if (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
            flush();
        }
    }

    /** TLS 1.2 and older renegotiate by a new handshake; TLS 1.3 has none (its key updates are not one). */
    private boolean isRenegotiation() {
        String protocol = engine.getSession().getProtocol();
        return !"TLSv1.3".equals(protocol);
    }

    private void runTasks() {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run(); // certificate checks and key agreement: on the loop, as there is no thread per connection
        }
    }

    private void completed() {
        if (handshaken) {
            return; // a TLS 1.3 post-handshake message that ended (a ticket): nothing new agreed
        }
        handshaken = true;
        SSLSession session = engine.getSession();
        Object verdict = session.getValue(PeerTrust.VERDICT);
        List<PeerCertificate> chain = peerChain(session);
        Trust trust = verdict instanceof Trust t ? t : chain.isEmpty() ? untrustedPeer : Trust.VERIFIED;
        boolean resumed = session.getCreationTime() < startMillis;
        agreed = new TlsHandshake(session.getProtocol(), session.getCipherSuite(), engine.getApplicationProtocol(),
                resumed, System.nanoTime() - startNanos, chain, trust);
    }

    private static List<PeerCertificate> peerChain(SSLSession session) {
        try {
            Certificate[] certificates = session.getPeerCertificates();
            List<X509Certificate> x509 = new ArrayList<>();
            for (Certificate certificate : certificates) {
                if (certificate instanceof X509Certificate c) {
                    x509.add(c);
                }
            }
            return PeerCertificate.chain(x509.toArray(X509Certificate[]::new));
        } catch (SSLPeerUnverifiedException e) {
            return List.of(); // a client that presented none
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!handshaken || !flush()) {
            return 0;
        }
        int taken = 0;
        while (src.hasRemaining()) {
            int packet = engine.getSession().getPacketBufferSize();
            if (netOut.remaining() < packet) {
                if (!writeNetOut()) {
                    break; // the socket is full: the rest waits for OP_WRITE
                }
                if (netOut.remaining() < packet) {
                    netOut = grow(netOut, packet);
                }
            }
            SSLEngineResult result;
            try {
                result = engine.wrap(src, netOut);
            } catch (SSLException e) {
                throw failed(e);
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new IOException("the TLS connection is closed");
            }
            taken += result.bytesConsumed();
            afterEngine(result);
        }
        writeNetOut();
        return taken;
    }

    /**
     * Writes the records waiting, and makes and writes those the handshake (or a closing) asks
     * for.
     *
     * @return true when nothing waits any more
     */
    @Override
    public boolean flush() throws IOException {
        while (true) {
            if (!writeNetOut()) {
                return false;
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (status == HandshakeStatus.NEED_WRAP) {
                if (netOut.remaining() < engine.getSession().getPacketBufferSize()) {
                    netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                }
                SSLEngineResult result;
                try {
                    result = engine.wrap(empty, netOut);
                } catch (SSLException e) {
                    throw failed(e);
                }
                if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                    completed();
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED && netOut.position() == 0) {
                    return true;
                }
            } else {
                if (status == HandshakeStatus.NOT_HANDSHAKING && !handshaken && startNanos != 0
                        && !"SSL_NULL_WITH_NULL_NULL".equals(engine.getSession().getCipherSuite())) {
                    completed(); // finished by a task, with no FINISHED result to tell
                }
                return true; // NEED_UNWRAP: the peer's turn; the next read goes on
            }
        }
    }

    private boolean writeNetOut() throws IOException {
        if (netOut.position() == 0) {
            return true;
        }
        netOut.flip();
        try {
            wireSent += socket.write(netOut);
        } catch (IOException e) {
            if (!handshaken) {
                throw new TransportFailure(FailureKind.TLS_PEER_LEFT_HANDSHAKE,
                        IoFailures.isReset(e) ? "RST" : IoFailures.detail(e), List.of(), e);
            }
            throw e;
        } finally {
            netOut.compact();
        }
        return netOut.position() == 0;
    }

    private static ByteBuffer grow(ByteBuffer buffer, int room) {
        ByteBuffer bigger = ByteBuffer.allocate(buffer.position() + room);
        buffer.flip();
        return bigger.put(buffer);
    }

    /** The engine failed: the alert it has to send goes out if the socket takes it, then the cause, named. */
    private TransportFailure failed(SSLException error) {
        try {
            flush();
        } catch (IOException | RuntimeException alsoFailed) {
            error.addSuppressed(alsoFailed);
        }
        return TlsFailures.classify(error);
    }

    /**
     * Closes: cleanly with a close_notify when the handshake was done and the socket takes it at
     * once (never waiting for it), or with an RST when {@code abort}.
     */
    @Override
    public void close(boolean abort) {
        if (!abort && handshaken && !engine.isOutboundDone()) {
            engine.closeOutbound();
            try {
                flush();
            } catch (IOException | RuntimeException e) {
                // The peer is gone already: nothing to tell it.
            }
        }
        socket.close(abort);
    }
}
