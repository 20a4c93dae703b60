package io.socketdeck.core.tcp;

import io.socketdeck.core.framing.Framer;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.RoundTrips;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SendTarget.SendCompletion;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.session.Unsent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One established TCP connection on a {@link SelectorLoop}, over any {@link Transport}: reads into
 * the session's shared buffer, queues writes the transport cannot take yet (within
 * {@link SendQueueLimits}, see {@link SendQueue}), and reports its Connected, data, counts and the
 * way it ended, each event with its id. Shared by the client session and every client of the
 * server session, and by every transport.
 *
 * <p>The peer's end of stream is not the end of the connection: the peer may have only shut its
 * output (a request, then {@code shutdown(SHUT_WR)}) and wait for our answer. It is reported as
 * {@link SessionEvent.PeerFinished}; reading stops, sending goes on, nothing queued is dropped.
 * The connection then closes (reason PEER) once nothing has been sent or waited to be sent for
 * the linger time (counted from the last byte that went out: a peer that does not read what waits
 * keeps it open), or when we close it, or when a write finds the peer gone (a reset).
 *
 * <p>What is thrown while handling the connection, by a listener's {@code onEvent} included, ends
 * this connection alone: a {@link SessionEvent.Failure} naming the exception, then
 * {@code Disconnected(ERROR)}; its session and the other connections go on. An {@link Error} (a
 * class that failed to load, out of memory) also goes to the session, which ends: code that threw
 * one cannot be trusted with the next connection either. Loop thread only, except
 * {@link #id()}, {@link #remote()}, {@link #asServerClient()} and {@link #isClosed()}, which any
 * thread may read (a server's client list is read by the UI).
 */
final class TcpConnection implements SelectorLoop.Handler {

    /** Reads per readiness before other connections get their turn. */
    private static final int READS_PER_TURN = 16;

    /** How a send was taken. */
    enum Offer {
        /** Written or queued: its completion will tell which. */
        TAKEN,
        /** Refused: too much waits already (the peer is not reading); completion told false. */
        FULL,
        /** Refused: the connection is closed; completion told false. */
        CLOSED
    }

    /**
     * What a session decides for its connections.
     *
     * @param limits         what may wait to be sent on one connection
     * @param budget         shared by all the connections of one server, or null
     * @param lingerNanos    how long a connection whose peer finished sending stays open while
     *                       nothing is sent; 0 closes it as soon as what waits has gone out
     * @param onPeerFinished told when the peer finished sending (a server keeps a few such open)
     * @param framing        what reads are cut into before they are reported, shared by the session
     */
    record Setup(SendQueueLimits limits, SendQueue.Budget budget, long lingerNanos,
                 Consumer<TcpConnection> onPeerFinished, ReceiveFraming framing) {
    }

    private final long id = ConnectionIds.next();
    private final SelectorLoop loop;
    private final Transport transport;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final ByteBuffer readBuffer;
    private final TrafficCounters sessionCounters;
    private final TrafficCounters ownCounters = new TrafficCounters();
    private final ServerClient asServerClient;
    private final SessionListener listener;
    private final Consumer<TcpConnection> onClosed;
    private final Consumer<Error> onError;
    private final SendQueue writeQueue;
    private final Setup setup;
    private final SendQueue.Written onWritten = new SendQueue.Written() {
        @Override
        public void written(byte[] bytes, int offset, int length, boolean copied, boolean reportTx,
                            SendCompletion done) {
            TcpConnection.this.written(bytes, offset, length, copied, reportTx, done);
        }

        @Override
        public void writtenRegion(FileChannel file, long position, int length, SendCompletion done) {
            TcpConnection.this.writtenRegion(file, position, length, done);
        }
    };
    /** True inside flush(): a completion that sends again only queues, the running flush writes it. */
    private boolean flushing;
    private SelectionKey key;
    private volatile boolean closed;
    private CloseReason closeReason;
    /** We asked to half-close: nothing more is taken to send; the FIN goes once the queue is empty. */
    private volatile boolean outputShutAsked;
    /** Our FIN is out (shutdownOutput): we only receive now. */
    private boolean outputShut;
    /** The peer finished sending (end of stream): we no longer read, we may still send. */
    private volatile boolean peerFinished;
    /**
     * The transport must write before it reads on ({@link Transport#mustWriteFirst()}): no OP_READ
     * until a flush has written what it owes. A peer that does not read stalls the reading too.
     */
    private boolean readsHeld;
    private long lastSendNanos;
    private SelectorLoop.Timer linger;
    /** Cuts the reads as the session's framing says, reported as rows (each read, or each frame). */
    private final ConnectionFramer framer;
    private final RoundTrips roundTrips = new RoundTrips();
    /** Gives up on a handshake that does not complete; null when none is awaited. */
    private SelectorLoop.Timer handshakeTimer;
    private long wireReceivedSeen;
    private long wireSentSeen;

    TcpConnection(SelectorLoop loop, Transport transport, ByteBuffer readBuffer,
                  TrafficCounters sessionCounters, SessionListener listener, Setup setup,
                  Consumer<TcpConnection> onClosed, Consumer<Error> onError) throws IOException {
        this.loop = loop;
        this.setup = setup;
        this.writeQueue = new SendQueue(setup.limits(), setup.budget());
        this.transport = transport;
        // A Unix socket's ends become event addresses too (see UnixSockets); an unnamed end, a
        // client's, takes the other end's path and this connection's number.
        SocketAddress remoteEnd = transport.channel().getRemoteAddress();
        SocketAddress localEnd = transport.channel().getLocalAddress();
        this.remote = UnixSockets.eventAddress(remoteEnd, () -> UnixSockets.eventAddress(localEnd, () -> "")
                .getHostString().substring(UnixSockets.SCHEME.length()) + "#" + id);
        this.local = UnixSockets.eventAddress(localEnd, () -> UnixSockets.eventAddress(remoteEnd, () -> "")
                .getHostString().substring(UnixSockets.SCHEME.length()) + "#" + id);
        this.readBuffer = readBuffer;
        this.sessionCounters = sessionCounters;
        this.listener = listener;
        this.onClosed = onClosed;
        this.onError = onError;
        this.framer = new ConnectionFramer(setup.framing(), this::scheduleGuarded, new Framer.Sink() {
            @Override
            public void frame(byte[] frame) {
                emitReceived(frame);
            }

            @Override
            public void oversized(long announced, byte[] held) {
                listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.FRAME_TOO_LONG,
                        remote, String.format(Locale.ROOT, "%,d", announced), id));
                emitReceived(held);
            }
        });
        this.asServerClient = new ServerClient(id, remote, System.currentTimeMillis(), ownCounters.readOnly(),
                this::peerFinished);
    }

    /**
     * Registers for reads, which makes the connection able to send, and only then reports it as
     * Connected: a listener may send from inside that event (a greeting, an auto-reply). A channel
     * already registered (a client that just connected) keeps its key, now for reads, with this
     * attached. A connection that cannot be registered is reported as failed and closed.
     */
    void start() {
        try {
            transport.channel().configureBlocking(false);
            key = loop.register(transport.channel(), SelectionKey.OP_READ, this);
        } catch (IOException e) {
            fail(e);
            return;
        }
        try {
            listener.onEvent(new SessionEvent.Connected(System.currentTimeMillis(), local, remote, id));
            if (!closed) {
                beginTransport();
            }
        } catch (Throwable fault) {
            crash(fault);
        }
    }

    /**
     * Lets the transport start its handshake, and gives up on it after the transport's timeout.
     * Sends made meanwhile (a greeting on Connected) wait in the queue: nothing goes out before
     * the transport is ready, so nothing meant for TLS is ever sent in plaintext.
     */
    private void beginTransport() {
        if (transport.ready()) {
            return;
        }
        long timeout = transport.handshakeTimeoutNanos();
        if (timeout > 0) {
            handshakeTimer = scheduleGuarded(timeout, () -> {
                handshakeTimer = null;
                if (!closed && !transport.ready()) {
                    listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(),
                            FailureKind.TLS_HANDSHAKE_TIMEOUT, remote,
                            Long.toString(TimeUnit.NANOSECONDS.toMillis(timeout)), id));
                    close(CloseReason.ERROR);
                }
            });
        }
        try {
            transport.begin();
        } catch (IOException e) {
            fail(e);
            return;
        }
        flushTransport();
    }

    /**
     * Reports a handshake the transport completed (once), then sends what waited for it. Called
     * after every read and write of the transport, before any data read with it is reported.
     */
    private void reportHandshake() {
        var handshake = transport.handshake();
        if (handshake == null) {
            return;
        }
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        listener.onEvent(new SessionEvent.Secured(System.currentTimeMillis(), remote, handshake, id));
        if (!closed && !writeQueue.isEmpty() && !flushing) {
            flush();
        }
    }

    /** Counts the encoded bytes the transport moved since last time (TLS records); plain TCP has none. */
    private void countWire() {
        long received = transport.wireReceived();
        long sent = transport.wireSent();
        if (received != wireReceivedSeen || sent != wireSentSeen) {
            ownCounters.addWire(received - wireReceivedSeen, sent - wireSentSeen);
            sessionCounters.addWire(received - wireReceivedSeen, sent - wireSentSeen);
            wireReceivedSeen = received;
            wireSentSeen = sent;
        }
    }

    /** This connection's id on every event about it. */
    long id() {
        return id;
    }

    InetSocketAddress remote() {
        return remote;
    }

    InetSocketAddress local() {
        return local;
    }

    /** This connection as a server's client list shows it: made once, any thread. */
    ServerClient asServerClient() {
        return asServerClient;
    }

    boolean isClosed() {
        return closed;
    }

    /** True once the peer has finished sending (its end of stream); any thread. */
    boolean peerFinished() {
        return peerFinished;
    }

    /** True while sends wait for the transport: the peer is not taking them as fast as they come. */
    boolean hasQueued() {
        return !writeQueue.isEmpty();
    }

    /** Bytes of the sends made that the transport has not taken yet. Loop thread. */
    long unsentBytes() {
        return writeQueue.unsentBytes();
    }

    /** Why it closed, or null while open. */
    CloseReason closeReason() {
        return closeReason;
    }

    /** What a listener or this code threw in {@link #ready}: this connection ends, with events. */
    @Override
    public boolean failed(SelectionKey failedKey, Throwable error) {
        crash(error);
        return true;
    }

    @Override
    public void ready(SelectionKey readyKey) {
        if (readyKey.isValid() && readyKey.isWritable()) {
            flush();
        }
        if (!closed && !peerFinished && !readsHeld && readyKey.isValid() && readyKey.isReadable()) {
            read();
        }
    }

    /**
     * End of stream: the peer will send nothing more, but may still read (it only shut its output).
     * Reading stops (an ended stream is always readable: the selector would spin); sending goes on.
     */
    private void finishedByPeer() {
        framer.handOverHeld(); // the peer's last, unfinished frame is a row before its end of stream
        peerFinished = true;
        if (key != null && key.isValid()) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
        }
        lastSendNanos = System.nanoTime();
        listener.onEvent(new SessionEvent.PeerFinished(System.currentTimeMillis(), remote, id));
        if (closed) {
            return; // the listener closed it
        }
        setup.onPeerFinished().accept(this);
        if (!closed) {
            lingerOrClose();
        }
    }

    /**
     * After the peer finished: closes once nothing waits and nothing was sent for the linger time;
     * with no linger, as soon as what waits has gone out. While sends wait no timer is set: the
     * linger counts from the last byte that went out, and {@link #flush} comes back here when the
     * queue has drained. (A timer due while they waited was set again at 0 ms, and again, for as
     * long as the peer did not read: the I/O thread spun.)
     */
    private void lingerOrClose() {
        if (closed || !peerFinished) {
            return;
        }
        if (outputShut) {
            close(CloseReason.PEER); // both sides finished sending: nothing more can happen on it
            return;
        }
        if (!writeQueue.isEmpty()) {
            return; // the peer reads them, or does not: either way nothing to time yet
        }
        long quietNanos = System.nanoTime() - lastSendNanos;
        if (quietNanos >= setup.lingerNanos()) {
            close(CloseReason.PEER);
            return;
        }
        if (linger == null) {
            linger = scheduleGuarded(setup.lingerNanos() - quietNanos, () -> {
                linger = null;
                lingerOrClose();
            });
        }
    }

    private void read() {
        for (int turn = 0; turn < READS_PER_TURN && !closed; turn++) {
            int count;
            try {
                readBuffer.clear();
                count = transport.read(readBuffer);
            } catch (IOException e) {
                countWire();
                // A peer that finished its handshake and left at once: the handshake happened, and is
                // reported before the way it ended.
                reportHandshake();
                fail(e);
                return;
            }
            countWire();
            reportHandshake(); // Secured comes before the first bytes it decrypted
            if (closed) {
                return;
            }
            if (count < 0) {
                finishedByPeer();
                return;
            }
            if (count == 0) {
                break;
            }
            byte[] bytes = new byte[count];
            readBuffer.flip();
            readBuffer.get(bytes);
            ownCounters.addReceived(count);
            sessionCounters.addReceived(count);
            framer.received(bytes);
            if (count < readBuffer.capacity()) {
                break; // drained the socket: no need for another read syscall that returns 0
            }
        }
        if (!closed) {
            // A transport that answers on its own (a TLS handshake) may have something to write now.
            flushTransport();
        }
        if (!closed && transport.mustWriteFirst()) {
            holdReads();
            return;
        }
        if (!closed && !peerFinished && transport.hasPending()) {
            loop.execute(this::readPending); // the socket may stay quiet: read what the transport holds
        }
    }

    /**
     * Reads no more until the transport has written what it owes the peer: the socket's
     * writability (OP_WRITE, asked by the flush that could not finish) brings the reading back.
     */
    private void holdReads() {
        readsHeld = true;
        if (key != null && key.isValid()) {
            key.interestOps((key.interestOps() & ~SelectionKey.OP_READ) | SelectionKey.OP_WRITE);
        }
    }

    /** After a write of the transport's: reads again once it owes nothing, first what it holds already. */
    private void resumeReads() {
        if (!readsHeld || closed || transport.mustWriteFirst()) {
            return;
        }
        readsHeld = false;
        if (peerFinished) {
            return;
        }
        if (key != null && key.isValid()) {
            key.interestOps(key.interestOps() | SelectionKey.OP_READ);
        }
        if (transport.hasPending()) {
            loop.execute(this::readPending);
        }
    }

    private void readPending() {
        try {
            if (!closed && !peerFinished && !readsHeld) {
                read();
            }
        } catch (Throwable fault) {
            crash(fault);
        }
    }

    /** One read or one frame, as an RX row. */
    private void emitReceived(byte[] bytes) {
        listener.onEvent(new SessionEvent.Data(System.currentTimeMillis(), Direction.RX, remote, bytes, id, false,
                roundTrips.receivedNow()));
    }

    /** Asks the loop to take up a changed framing; any thread. */
    void reframe() {
        loop.execute(() -> {
            try {
                framer.takeUpChange();
            } catch (Throwable fault) {
                crash(fault);
            }
        });
    }

    /**
     * Queues {@code bytes} and writes what the socket takes now; {@code done} learns whether they
     * were all written (true) or dropped (false: closed, or the queue is full, reported).
     */
    void send(byte[] bytes, SendCompletion done) {
        offer(bytes, true, true, done);
    }

    /**
     * Queues {@code bytes} for sending and writes what the transport takes now. The array is only
     * read, never changed, so one payload can be handed to many connections (a small one that
     * must wait is copied into a batch, see {@link SendQueue}).
     *
     * @param reportTx      false when the caller reports the send itself, once for many connections
     *                      (a server's broadcast); the bytes are counted either way
     * @param reportRefusal false when the caller reports a refusal itself, once for many
     * @param done          learns whether the bytes were all written (true) or dropped (false)
     * @return how the bytes were taken; refused ones were told to {@code done} already
     */
    Offer offer(byte[] bytes, boolean reportTx, boolean reportRefusal, SendCompletion done) {
        try {
            return queue(bytes, reportTx, reportRefusal, done);
        } catch (Throwable fault) {
            crash(fault); // a listener threw on TX data or a failure: ends this connection only
            return Offer.CLOSED;
        }
    }

    /** True when file regions can be sent as they are ({@link #sendRegion}): plain TCP, still sending. */
    boolean sendsFileRegions() {
        return transport.transfersFiles() && !closed && !outputShutAsked;
    }

    /**
     * Queues a region of {@code file}, sent from the file by the kernel when its turn comes (see
     * {@link SendTarget#sendFileRegion}); refused, reported, like a send when it cannot wait.
     */
    void sendRegion(FileChannel file, long position, int length, SendCompletion done) {
        try {
            if (refused(true, writeQueue.fitsRegion(), done) == null) {
                boolean wasEmpty = writeQueue.isEmpty();
                writeQueue.addRegion(file, position, length, done);
                queued(wasEmpty);
            }
        } catch (Throwable fault) {
            crash(fault);
        }
    }

    private Offer queue(byte[] bytes, boolean reportTx, boolean reportRefusal, SendCompletion done) {
        Offer refusal = refused(reportRefusal, writeQueue.fits(bytes.length), done);
        if (refusal != null) {
            return refusal;
        }
        boolean wasEmpty = writeQueue.isEmpty();
        writeQueue.add(bytes, reportTx, done);
        queued(wasEmpty);
        return Offer.TAKEN;
    }

    /** Why a send cannot be queued now (told to {@code done}, reported when asked), or null when it can. */
    private Offer refused(boolean reportRefusal, boolean fits, SendCompletion done) {
        if (closed) {
            refuse(reportRefusal, FailureKind.NOT_CONNECTED, "connection closed", done);
            return Offer.CLOSED;
        }
        if (outputShutAsked) {
            refuse(reportRefusal, FailureKind.OUTPUT_SHUT, "", done);
            return Offer.CLOSED;
        }
        if (!fits) {
            refuse(reportRefusal, FailureKind.SEND_BUFFER_FULL, String.format(Locale.ROOT,
                    "%,d bytes in %,d sends waiting", writeQueue.cost(), writeQueue.messages()), done);
            return Offer.FULL;
        }
        return null;
    }

    /** A send joined the queue: written now when it is the only one. */
    private void queued(boolean wasEmpty) {
        lastSendNanos = System.nanoTime();
        // Behind others the bytes wait for OP_WRITE: trying now would cost a write call that
        // takes nothing, per send, for every stalled connection.
        if (!flushing && wasEmpty) {
            flush();
        }
    }

    private void refuse(boolean report, FailureKind kind, String detail, SendCompletion done) {
        try {
            if (report) {
                listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), kind, remote, detail, id));
            }
        } finally {
            Faults.completeQuietly(done, false);
        }
    }

    /**
     * Hands queued writes to the transport, in order. Bytes count as the transport takes them; a
     * send counts as a message (and is reported, and its sender told) once it took all its bytes.
     */
    private void flush() {
        flushing = true;
        try {
            boolean drained = transport.flush();
            while (drained && transport.ready() && !writeQueue.isEmpty() && !closed) {
                long count;
                try {
                    count = writeQueue.writeHead(transport);
                } catch (IOException e) {
                    took(writeQueue.takenBeforeFailure()); // taken before the failure: counted, not lost
                    throw e;
                }
                if (count < 0) {
                    Faults.completeQuietly(writeQueue.dropHead(), false); // its file shrank: the sender says so
                    continue;
                }
                if (!took(count)) {
                    drained = false;
                    break;
                }
                drained = transport.flush();
            }
            if (!closed) {
                wantWrite(!drained);
            }
        } catch (IOException e) {
            countWire();
            fail(e);
        } finally {
            flushing = false;
        }
        countWire();
        resumeReads();
        if (!closed) {
            reportHandshake(); // a client's handshake ends with its own Finished written
        }
        if (outputShutAsked && !outputShut && !closed && writeQueue.isEmpty() && transport.ready()) {
            shutOutput(); // what was sent before the half-close went out first
            return;
        }
        if (peerFinished && writeQueue.isEmpty()) {
            lingerOrClose(); // with no linger, the peer that finished is closed once all went out
        }
    }

    /**
     * The transport took {@code count} bytes of the queue's head: counted now, as they go (a long
     * send's TX grows while it is under way), and the sends they complete told, in order.
     *
     * @return true when the head was taken whole
     */
    private boolean took(long count) {
        if (count > 0) {
            ownCounters.addSentBytes(count);
            sessionCounters.addSentBytes(count);
        }
        return writeQueue.advance(count, onWritten);
    }

    /**
     * Half-close: sends nothing more (our FIN goes out once what waits was written) and keeps
     * receiving until the peer closes too. Sends from now on are refused, saying why. Loop thread.
     */
    void halfClose() {
        if (closed || outputShutAsked) {
            return;
        }
        outputShutAsked = true;
        if (writeQueue.isEmpty() && transport.ready()) {
            shutOutput(); // else once what waits went out, or the handshake ended (flush)
        }
    }

    /** The transport's last records (a close_notify), then the FIN; waits for OP_WRITE between. */
    private void shutOutput() {
        try {
            boolean recordsOut = transport.closeOutput();
            countWire();
            resumeReads();
            if (!recordsOut) {
                wantWrite(true); // the writable socket's flush comes back here
                return;
            }
            transport.channel().shutdownOutput();
        } catch (IOException e) {
            fail(e);
            return;
        }
        outputShut = true;
        listener.onEvent(new SessionEvent.HalfClosed(System.currentTimeMillis(), remote, id));
        if (!closed && peerFinished) {
            lingerOrClose();
        }
    }

    /** True once our sending side is shut (half-closed by us); any thread may ask, loop thread sets. */
    boolean outputShut() {
        return outputShutAsked;
    }

    /**
     * Sets {@code settings} on the open socket and reads them back; a value the system refuses on a
     * connected socket is a grant saying so. Loop thread.
     */
    List<OptionGrant> applyOptions(TcpSocketSettings settings) {
        return settings.applyTo(transport.channel());
    }

    /** One send has been taken whole by the transport: a message sent, shown as TX, its sender told. */
    private void written(byte[] bytes, int offset, int length, boolean copied, boolean reportTx, SendCompletion done) {
        countSent();
        try {
            if (reportTx) {
                byte[] own = copied ? Arrays.copyOfRange(bytes, offset, offset + length) : bytes;
                reportSent(own, done);
            }
        } finally {
            Faults.completeQuietly(done, true);
        }
    }

    /**
     * A file region went out whole (the kernel sent it from the file): one message, shown as TX
     * with its bytes read back from the file, which the page cache still holds; or, when its
     * sender says nothing keeps them, reported by its length alone (reading a gigabyte back costs
     * more than sending it).
     */
    private void writtenRegion(FileChannel file, long position, int length, SendCompletion done) {
        countSent();
        try {
            if (done instanceof SendTarget.RegionCompletion region && !region.readBack()) {
                listener.onEvent(new SessionEvent.SentUnread(System.currentTimeMillis(), remote, length, id));
            } else {
                reportSent(FileRegions.readBack(file, position, length), done);
            }
        } finally {
            Faults.completeQuietly(done, true);
        }
    }

    /** A send went whole: its bytes were counted as the transport took them (flush), its message now. */
    private void countSent() {
        ownCounters.addSentMessage();
        sessionCounters.addSentMessage();
        lastSendNanos = System.nanoTime();
        roundTrips.sent(lastSendNanos); // the peer's next message answers it
    }

    private void reportSent(byte[] bytes, SendCompletion done) {
        listener.onEvent(new SessionEvent.Data(System.currentTimeMillis(), Direction.TX, remote, bytes, id,
                done instanceof SendTarget.Automatic));
    }

    private void flushTransport() {
        if (flushing || !writeQueue.isEmpty() && transport.ready()) {
            return; // the queue's flush, now or on OP_WRITE, flushes the transport first
        }
        try {
            wantWrite(!transport.flush());
        } catch (IOException e) {
            countWire();
            fail(e);
            return;
        }
        countWire();
        resumeReads();
        reportHandshake();
    }

    private void wantWrite(boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        int wanted = on ? ops | SelectionKey.OP_WRITE : ops & ~SelectionKey.OP_WRITE;
        if (wanted != ops) {
            key.interestOps(wanted);
        }
    }

    private void fail(IOException error) {
        if (closed) {
            return;
        }
        if (error instanceof TransportFailure failure) {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), failure.kind(), remote,
                    failure.detail(), id, failure.peerChain()));
            close(CloseReason.ERROR);
        } else if (IoFailures.isReset(error)) {
            close(CloseReason.RESET);
        } else {
            // Established: a timeout here is keepalive or retransmission giving up on the peer.
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(),
                    IoFailures.classifyEstablished(error), remote, IoFailures.detail(error), id));
            close(CloseReason.ERROR);
        }
    }

    /**
     * A timer of this connection's: what it throws (a listener, on the event the timer makes)
     * ends the connection with a Failure, as a throw while handling its reads does; the loop
     * would only log it, and the connection would stay open with no timer left.
     */
    private SelectorLoop.Timer scheduleGuarded(long delayNanos, Runnable task) {
        return loop.schedule(delayNanos, () -> {
            try {
                task.run();
            } catch (Throwable fault) {
                crash(fault);
            }
        });
    }

    /**
     * Something was thrown while handling this connection: reported as a Failure naming it (class
     * and message) and the connection closes with ERROR. Once closed, it can only be logged.
     */
    private void crash(Throwable fault) {
        Faults.log("handling the connection with " + remote + " failed", fault);
        if (!closed) {
            Faults.emitQuietly(listener, new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.IO, remote,
                    Faults.describe(fault), id));
            close(CloseReason.ERROR);
        }
        if (fault instanceof Error error) {
            onError.accept(error);
        }
    }

    /**
     * Closes the socket and reports why, with what it had not sent ({@link Unsent}: the sends
     * dropped, and how far a send cut off in the middle went); later calls do nothing, and nothing
     * is thrown: a session closing all its clients closes every one. A REJECTED client gets an
     * RST, so it learns at once rather than on its first write; ABORTED is the user's Reset, an
     * RST too.
     */
    void close(CloseReason reason) {
        if (closed) {
            return;
        }
        try {
            framer.handOverHeld(); // the unfinished frame is a row before the Disconnected one
        } catch (Throwable thrown) {
            Faults.log("listener failed on the last frame", thrown);
        }
        closed = true;
        closeReason = reason;
        if (key != null) {
            key.cancel();
        }
        framer.stop();
        if (linger != null) {
            linger.cancel();
            linger = null;
        }
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        transport.close(reason == CloseReason.REJECTED || reason == CloseReason.ABORTED);
        countWire(); // what closing wrote (a TLS close_notify), counted before Disconnected tells the end
        Unsent unsent = writeQueue.unsent(); // said with the end, once: what the end cut off
        SendCompletion[] dropped = writeQueue.clear();
        Throwable fault = null;
        try {
            listener.onEvent(new SessionEvent.Disconnected(System.currentTimeMillis(), remote, reason, id, unsent));
        } catch (Throwable thrown) {
            fault = thrown;
            Faults.log("listener failed on Disconnected", thrown);
        }
        for (SendCompletion done : dropped) {
            Faults.completeQuietly(done, false);
        }
        onClosed.accept(this);
        if (fault instanceof Error error) {
            onError.accept(error);
        }
    }
}
