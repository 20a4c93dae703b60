package io.socketdeck.core.tcp;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SendTarget.SendCompletion;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One established TCP connection on a {@link SelectorLoop}, over any {@link Transport}: reads into
 * the session's shared buffer, queues writes the transport cannot take yet, and reports its
 * Connected, data, counts and the way it ended, each event with its id. Shared by the client
 * session and every client of the server session, and by every transport.
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
    /** A peer that stops reading must not make us buffer without bound. */
    static final long MAX_QUEUED_BYTES = 64L << 20;

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
    private final ArrayDeque<PendingWrite> writeQueue = new ArrayDeque<>();
    private long queuedBytes;
    /** True inside flush(): a completion that sends again only queues, the running flush writes it. */
    private boolean flushing;
    private SelectionKey key;
    private volatile boolean closed;
    private CloseReason closeReason;

    TcpConnection(SelectorLoop loop, Transport transport, ByteBuffer readBuffer,
                  TrafficCounters sessionCounters, SessionListener listener,
                  Consumer<TcpConnection> onClosed, Consumer<Error> onError) throws IOException {
        this.loop = loop;
        this.transport = transport;
        this.remote = (InetSocketAddress) transport.channel().getRemoteAddress();
        this.local = (InetSocketAddress) transport.channel().getLocalAddress();
        this.readBuffer = readBuffer;
        this.sessionCounters = sessionCounters;
        this.listener = listener;
        this.onClosed = onClosed;
        this.onError = onError;
        this.asServerClient = new ServerClient(id, remote, System.currentTimeMillis(), ownCounters.readOnly());
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
        } catch (Throwable fault) {
            crash(fault);
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
        if (!closed && readyKey.isValid() && readyKey.isReadable()) {
            read();
        }
    }

    private void read() {
        for (int turn = 0; turn < READS_PER_TURN && !closed; turn++) {
            int count;
            try {
                readBuffer.clear();
                count = transport.read(readBuffer);
            } catch (IOException e) {
                fail(e);
                return;
            }
            if (count < 0) {
                close(CloseReason.PEER);
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
            listener.onEvent(new SessionEvent.Data(System.currentTimeMillis(), Direction.RX, remote, bytes, id));
            if (count < readBuffer.capacity()) {
                break; // drained the socket: no need for another read syscall that returns 0
            }
        }
        if (!closed) {
            // A transport that answers on its own (a TLS handshake) may have something to write now.
            flushTransport();
        }
    }

    /**
     * Queues {@code bytes} and writes what the socket takes now; {@code done} learns whether they
     * were all written (true) or dropped (false: closed, or the queue is full).
     */
    void send(byte[] bytes, SendCompletion done) {
        send(bytes, true, done);
    }

    /**
     * Queues {@code bytes} for sending and writes what the transport takes now. The array is only
     * read, never copied, so one payload can be handed to many connections.
     *
     * @param reportTx false when the caller reports the send itself, once for many connections
     *                 (a server's broadcast); the bytes are counted either way
     * @param done     learns whether the bytes were all written (true) or dropped (false)
     * @return false when the bytes were refused (closed, or too much already waiting), which
     *         has been reported as a failure
     */
    boolean send(byte[] bytes, boolean reportTx, SendCompletion done) {
        try {
            return queue(bytes, reportTx, done);
        } catch (Throwable fault) {
            crash(fault); // a listener threw on TX data or a failure: ends this connection only
            return false;
        }
    }

    private boolean queue(byte[] bytes, boolean reportTx, SendCompletion done) {
        if (closed) {
            refuse(FailureKind.NOT_CONNECTED, "connection closed", done);
            return false;
        }
        if (queuedBytes + bytes.length > MAX_QUEUED_BYTES) {
            refuse(FailureKind.SEND_BUFFER_FULL, queuedBytes + " bytes waiting", done);
            return false;
        }
        writeQueue.add(new PendingWrite(ByteBuffer.wrap(bytes), reportTx, done));
        queuedBytes += bytes.length;
        if (!flushing) {
            flush();
        }
        return true;
    }

    private void refuse(FailureKind kind, String detail, SendCompletion done) {
        try {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), kind, remote, detail, id));
        } finally {
            Faults.completeQuietly(done, false);
        }
    }

    /**
     * Hands queued writes to the transport, in order. A write counts (and is reported, and its
     * sender told) once the transport has taken all its bytes.
     */
    private void flush() {
        flushing = true;
        try {
            boolean drained = transport.flush();
            while (drained && !writeQueue.isEmpty() && !closed) {
                PendingWrite head = writeQueue.peek();
                transport.write(head.buffer());
                if (head.buffer().hasRemaining()) {
                    drained = false;
                    break;
                }
                writeQueue.poll();
                int length = head.buffer().limit();
                queuedBytes -= length;
                ownCounters.addSent(length);
                sessionCounters.addSent(length);
                try {
                    if (head.reportTx()) {
                        listener.onEvent(new SessionEvent.Data(System.currentTimeMillis(), Direction.TX, remote,
                                head.buffer().array(), id));
                    }
                } finally {
                    Faults.completeQuietly(head.done(), true);
                }
                drained = transport.flush();
            }
            if (!closed) {
                wantWrite(!drained);
            }
        } catch (IOException e) {
            fail(e);
        } finally {
            flushing = false;
        }
    }

    private void flushTransport() {
        if (flushing || !writeQueue.isEmpty()) {
            return; // the queue's flush, now or on OP_WRITE, flushes the transport first
        }
        try {
            wantWrite(!transport.flush());
        } catch (IOException e) {
            fail(e);
        }
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
        if (IoFailures.isReset(error)) {
            close(CloseReason.RESET);
        } else {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(error),
                    remote, IoFailures.detail(error), id));
            close(CloseReason.ERROR);
        }
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
     * Closes the socket and reports why; later calls do nothing, and nothing is thrown: a session
     * closing all its clients closes every one. A REJECTED client gets an RST, so it learns at once
     * rather than on its first write.
     */
    void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        closeReason = reason;
        if (key != null) {
            key.cancel();
        }
        transport.close(reason == CloseReason.REJECTED);
        List<PendingWrite> dropped = List.copyOf(writeQueue);
        writeQueue.clear();
        queuedBytes = 0;
        Throwable fault = null;
        try {
            listener.onEvent(new SessionEvent.Disconnected(System.currentTimeMillis(), remote, reason, id));
        } catch (Throwable thrown) {
            fault = thrown;
            Faults.log("listener failed on Disconnected", thrown);
        }
        for (PendingWrite write : dropped) {
            Faults.completeQuietly(write.done(), false);
        }
        onClosed.accept(this);
        if (fault instanceof Error error) {
            onError.accept(error);
        }
    }

    /** Bytes waiting for the transport, whether they are reported as TX data, and who waits for them. */
    private record PendingWrite(ByteBuffer buffer, boolean reportTx, SendCompletion done) {
    }
}
