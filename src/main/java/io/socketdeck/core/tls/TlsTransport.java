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
 * A key update the peer asks for owes it one of ours: while the socket cannot take that answer
 * nothing more is decrypted ({@link #mustWriteFirst()}), or a peer that asks again and again and
 * never reads would have the engine keep an answer, with its keys, for each.
 *
 * <p>Buffers: the working buffers are the loop thread's ({@link LoopBuffers}); a connection
 * keeps only what is left over between calls, and nothing when nothing is: {@code heldIn} the
 * records read and not yet decrypted (the buffer the next reads go on in, while anything is left), {@code heldApp} decrypted bytes the caller had no room
 * for, {@code heldOut} records the socket did not take yet. All three are in read mode, or null.
 */
final class TlsTransport implements Transport {

    private final PlainTransport socket;
    private final SSLEngine engine;
    private final long handshakeTimeoutNanos;
    private final Trust untrustedPeer;
    private final int packetSize;
    private final int appSize;
    private ByteBuffer heldIn;
    private ByteBuffer heldApp;
    private ByteBuffer heldOut;
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    /** True inside flush: a failure met there sends its alert without flushing again. */
    private boolean flushing;
    private long startNanos;
    private long startMillis;
    private boolean handshaken;
    private TlsHandshake agreed;
    /** The peer's close_notify or end of stream came after the bytes still buffered. */
    private boolean inboundDone;
    /** True while heldIn may hold a whole record: decrypting is worth trying without a read. */
    private boolean netInDecodable;
    /** After the handshake, records the engine asked for wait for the socket: nothing is decrypted until they went. */
    private boolean owesWrite;
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
        this.packetSize = session.getPacketBufferSize();
        this.appSize = session.getApplicationBufferSize();
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
        return heldApp != null || netInDecodable && !owesWrite || inboundDone;
    }

    @Override
    public boolean mustWriteFirst() {
        return owesWrite;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        drainApp(dst);
        if (owesWrite) {
            return dst.position() - start; // the records read stay in heldIn until our answer went
        }
        LoopBuffers buffers = LoopBuffers.ofThisThread();
        // Records left from the last read are read on in the connection's own buffer (a flood keeps
        // one); with none left, the loop thread's buffer takes the socket's bytes, and only what it
        // does not decrypt now is kept.
        ByteBuffer in = heldIn != null ? heldIn.compact() : buffers.in(packetSize * LoopBuffers.RECORDS_PER_CALL);
        try {
            while (dst.hasRemaining() && heldApp == null && !inboundDone) {
                if (!netInDecodable) {
                    if (in.remaining() < packetSize) {
                        in = grow(in, packetSize * LoopBuffers.RECORDS_PER_CALL); // a record larger than the buffer
                    }
                    int count = readSocket(in);
                    if (count < 0) {
                        endOfStream();
                        break;
                    }
                    if (count == 0) {
                        break;
                    }
                }
                in.flip();
                boolean decrypting;
                try {
                    decrypting = decrypt(in, dst, buffers);
                } finally {
                    in.compact();
                }
                if (!decrypting) {
                    break; // reading more would only pile it up behind the engine
                }
            }
        } finally {
            in.flip();
            heldIn = !in.hasRemaining() ? null
                    : in == heldIn ? in
                    : LoopBuffers.keep(in, null, in.remaining() + packetSize * LoopBuffers.RECORDS_PER_CALL);
            if (heldIn == null) {
                netInDecodable = false;
            }
        }
        int produced = dst.position() - start;
        if (produced == 0 && inboundDone && heldApp == null && !netInDecodable) {
            return -1;
        }
        return produced;
    }

    /** {@code full}'s bytes (write mode) in a buffer with {@code room} more. */
    private static ByteBuffer grow(ByteBuffer full, int room) {
        ByteBuffer bigger = ByteBuffer.allocate(full.position() + room);
        full.flip();
        return bigger.put(full);
    }

    private int readSocket(ByteBuffer in) throws IOException {
        int count;
        try {
            count = socket.read(in);
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

    private void drainApp(ByteBuffer dst) {
        if (heldApp == null) {
            return;
        }
        copy(heldApp, dst);
        if (!heldApp.hasRemaining()) {
            heldApp = null;
        }
    }

    private static void copy(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        to.put(from.slice(from.position(), n));
        from.position(from.position() + n);
    }

    /**
     * Decrypts the whole records in {@code in} (read mode): into {@code dst} while a record fits,
     * else through the loop's buffer, keeping what {@code dst} has no room for in heldApp.
     *
     * @return false when the engine takes no input until the socket takes records, or when it
     *         must take none: an answer it owes waits for the socket ({@link #owesWrite})
     */
    private boolean decrypt(ByteBuffer in, ByteBuffer dst, LoopBuffers buffers) throws IOException {
        while (in.hasRemaining() && !inboundDone) {
            boolean direct = dst.remaining() >= appSize; // straight into the caller's buffer: no copy
            ByteBuffer target = direct ? dst : buffers.app(appSize);
            SSLEngineResult result;
            try {
                result = engine.unwrap(in, target);
            } catch (SSLException e) {
                throw failed(e);
            }
            if (!direct) {
                target.flip();
                copy(target, dst);
                heldApp = LoopBuffers.keep(target, null, 0);
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                // The peer's close_notify: what came after it in the same read is ignored (RFC 8446
                // 6.1), not kept, or it would stay "decodable" forever and the read never end.
                in.position(in.limit());
                netInDecodable = false;
                inboundDone = true;
                answerCloseNotify();
                return true;
            } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                netInDecodable = false;
                break;
            } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                throw new IOException("a TLS record larger than the session's application buffer");
            }
            boolean flushed = afterEngine(result);
            if (!flushed && handshaken && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                // What the engine asks to wrap (a key update's answer: the peer asked for one)
                // waits for the socket. The engine would decrypt on, and owe one more answer, with
                // its own keys, for each key update the peer asks for: a peer that asks and never
                // reads would fill the memory. So the rest waits here until flush() wrote it.
                owesWrite = true;
                return false;
            }
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0 && !flushed) {
                // The engine took nothing until something of its own is done that needs the full
                // socket (a task or a wrap during the handshake): asking again now gets the same
                // answer, forever. The records wait for OP_WRITE, the input for the next read.
                // (flushRecords makes the handshake's records even when the socket is full, so
                // the JDK's engine does not get here: this is the guard for any that would.)
                netInDecodable = false;
                return false;
            }
            if (!dst.hasRemaining() || heldApp != null) {
                return true; // the caller's buffer is full; the rest waits for the next read
            }
        }
        if (!in.hasRemaining()) {
            netInDecodable = false;
        }
        return true;
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

    /**
     * Runs what the handshake asks after a wrap or unwrap: tasks, records to send, its end.
     *
     * @return false when records wait for the socket
     */
    private boolean afterEngine(SSLEngineResult result) throws IOException {
        HandshakeStatus status = result.getHandshakeStatus();
        if (status == HandshakeStatus.FINISHED) {
            completed();
            return true;
        }
        // A closing engine wraps its close_notify (NEED_WRAP): that is no new handshake.
        if (handshaken && status != HandshakeStatus.NOT_HANDSHAKING && !closing() && isRenegotiation()) {
            throw TlsFailures.failure(FailureKind.TLS_RENEGOTIATION_REFUSED, "", null);
        }
        if (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
            return flush();
        }
        return true;
    }

    private boolean closing() {
        return engine.isInboundDone() || engine.isOutboundDone();
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
        LoopBuffers buffers = LoopBuffers.ofThisThread();
        int taken = 0;
        boolean engineWants = false;
        while (src.hasRemaining() && !engineWants) {
            ByteBuffer out = buffers.out(packetSize * LoopBuffers.RECORDS_PER_CALL);
            while (src.hasRemaining() && out.remaining() >= packetSize) {
                SSLEngineResult result;
                try {
                    result = engine.wrap(src, out);
                } catch (SSLException e) {
                    throw failed(e);
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new IOException("the TLS connection is closed");
                }
                taken += result.bytesConsumed();
                HandshakeStatus status = result.getHandshakeStatus();
                if (status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED) {
                    if (!closing() && isRenegotiation()) {
                        throw TlsFailures.failure(FailureKind.TLS_RENEGOTIATION_REFUSED, "", null);
                    }
                    engineWants = true; // a TLS 1.3 key update to answer: after these records
                    break;
                }
            }
            out.flip();
            if (!writeOut(out)) {
                break; // the socket is full: the rest waits for OP_WRITE
            }
        }
        if (engineWants) {
            flush();
        }
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
        if (flushing) {
            return heldOut == null;
        }
        flushing = true;
        try {
            boolean flushed = flushRecords();
            if (flushed) {
                owesWrite = false;
            }
            return flushed;
        } finally {
            flushing = false;
        }
    }

    private boolean flushRecords() throws IOException {
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks(); // no socket needed: done even while records wait for it
                continue;
            }
            boolean clear = writeHeld();
            // During the handshake the engine takes no input until it has made its records
            // (SSLEngine.unwrap answers "wrap first", consuming nothing), so they are made even
            // when the socket is full, and wait behind the others: a flight is bounded (our
            // certificates), and input read meanwhile is decrypted at once, never asked again and
            // again. After it, only what the socket takes is made.
            if (!clear && (handshaken || status != HandshakeStatus.NEED_WRAP)) {
                return false;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                ByteBuffer out = LoopBuffers.ofThisThread().out(packetSize * LoopBuffers.RECORDS_PER_CALL);
                SSLEngineResult result;
                try {
                    result = engine.wrap(empty, out);
                } catch (SSLException e) {
                    throw failed(e);
                }
                if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                    completed();
                }
                out.flip();
                boolean written = writeOut(out);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED || result.bytesProduced() == 0) {
                    return written; // closed: the close_notify is made; nothing made: nothing more to make now
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

    /**
     * Writes {@code out} (read mode); keeps what the socket did not take, after the records still
     * waiting when there are some. True when all went.
     */
    private boolean writeOut(ByteBuffer out) throws IOException {
        if (heldOut != null) {
            heldOut = ByteBuffer.allocate(heldOut.remaining() + out.remaining()).put(heldOut).put(out).flip();
            return false;
        }
        if (out.hasRemaining()) {
            wireSent += writeSocket(out);
        }
        heldOut = LoopBuffers.keep(out, null, 0);
        return heldOut == null;
    }

    private boolean writeHeld() throws IOException {
        if (heldOut == null) {
            return true;
        }
        wireSent += writeSocket(heldOut);
        if (heldOut.hasRemaining()) {
            return false;
        }
        heldOut = null;
        return true;
    }

    private int writeSocket(ByteBuffer records) throws IOException {
        try {
            return socket.write(records);
        } catch (IOException e) {
            if (!handshaken) {
                throw new TransportFailure(FailureKind.TLS_PEER_LEFT_HANDSHAKE,
                        IoFailures.isReset(e) ? "RST" : IoFailures.detail(e), List.of(), e);
            }
            throw e;
        }
    }

    /** The engine failed: the alert it has to send goes out if the socket takes it, then the cause, named. */
    private TransportFailure failed(SSLException error) {
        try {
            sendAlert();
        } catch (IOException | RuntimeException alsoFailed) {
            error.addSuppressed(alsoFailed);
        }
        return TlsFailures.classify(error);
    }

    /**
     * After a failure: the alert the engine made, written if the socket takes it now, so the peer
     * learns why (openssl prints it). Not {@link #flush()}, which may be the caller: a failure
     * met inside it would find it busy and the alert would stay unsent.
     */
    private void sendAlert() throws IOException {
        if (!writeHeld()) {
            return;
        }
        for (int record = 0; record < 4 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; record++) {
            ByteBuffer out = LoopBuffers.ofThisThread().out(packetSize * LoopBuffers.RECORDS_PER_CALL);
            SSLEngineResult result;
            try {
                result = engine.wrap(empty, out);
            } catch (SSLException again) {
                return;
            }
            out.flip();
            if (!writeOut(out) || result.bytesProduced() == 0) {
                return;
            }
        }
    }

    /**
     * A half-close: our close_notify, then the connection's FIN. TLS 1.3 keeps the peer's side
     * open (RFC 8446 6.1); a TLS 1.2 peer answers with its own close_notify (RFC 5246 7.2.1), which
     * ends the reading as the peer's end of stream.
     */
    @Override
    public boolean closeOutput() throws IOException {
        if (!engine.isOutboundDone()) {
            engine.closeOutbound();
        }
        return flush();
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
