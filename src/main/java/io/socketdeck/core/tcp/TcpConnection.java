package io.socketdeck.core.tcp;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SendTarget.SendCompletion;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One established TCP connection on a {@link SelectorLoop}: reads into the loop's shared buffer,
 * queues writes the socket cannot take yet, and reports data, counts and the way it ended.
 * Shared by the client session and every client of the server session. Loop thread only, except
 * {@link #remote()}, {@link #connectedAtMillis()}, {@link #counters()} and {@link #isClosed()}, which
 * any thread may read (a server's client list is read by the UI).
 */
final class TcpConnection implements SelectorLoop.Handler {

    /** Reads per readiness before other connections get their turn. */
    private static final int READS_PER_TURN = 16;
    /** A peer that stops reading must not make us buffer without bound. */
    static final long MAX_QUEUED_BYTES = 64L << 20;

    private final long id = ConnectionIds.next();
    private final SelectorLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final ByteBuffer readBuffer;
    private final TrafficCounters sessionCounters;
    private final TrafficCounters ownCounters = new TrafficCounters();
    private final SessionListener listener;
    private final Consumer<TcpConnection> onClosed;
    private final ArrayDeque<PendingWrite> writeQueue = new ArrayDeque<>();
    private final long connectedAtMillis;
    private long queuedBytes;
    /** True inside flush(): a completion that sends again only queues, the running flush writes it. */
    private boolean flushing;
    private SelectionKey key;
    private volatile boolean closed;
    private CloseReason closeReason;

    TcpConnection(SelectorLoop loop, SocketChannel channel, ByteBuffer readBuffer,
                  TrafficCounters sessionCounters, SessionListener listener,
                  Consumer<TcpConnection> onClosed) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.readBuffer = readBuffer;
        this.sessionCounters = sessionCounters;
        this.listener = listener;
        this.onClosed = onClosed;
        this.connectedAtMillis = System.currentTimeMillis();
    }

    /**
     * Starts reading and makes the connection able to send; only then may the caller report it,
     * since a listener may send on Connected. A channel already registered (a client that just
     * connected) keeps its key, now for reads, with this attached.
     */
    void start() throws IOException {
        channel.configureBlocking(false);
        key = loop.register(channel, SelectionKey.OP_READ, this);
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

    long connectedAtMillis() {
        return connectedAtMillis;
    }

    TrafficCounters counters() {
        return ownCounters;
    }

    boolean isClosed() {
        return closed;
    }

    /** Why it closed, or null while open. */
    CloseReason closeReason() {
        return closeReason;
    }

    <T> void setOption(SocketOption<T> option, T value) throws IOException {
        channel.setOption(option, value);
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
                count = channel.read(readBuffer);
            } catch (IOException e) {
                fail(e);
                return;
            }
            if (count < 0) {
                close(CloseReason.PEER);
                return;
            }
            if (count == 0) {
                return;
            }
            byte[] bytes = new byte[count];
            readBuffer.flip();
            readBuffer.get(bytes);
            ownCounters.addReceived(count);
            sessionCounters.addReceived(count);
            listener.onEvent(new SessionEvent.Data(System.currentTimeMillis(), Direction.RX, remote, bytes, id));
            if (count < readBuffer.capacity()) {
                return; // drained the socket: no need for another read syscall that returns 0
            }
        }
    }

    /** Queues {@code bytes} for sending, writes what the socket takes now, and reports it as TX data. */
    void send(byte[] bytes) {
        send(bytes, true, SendCompletion.IGNORE);
    }

    /**
     * Queues {@code bytes} and writes what the socket takes now; {@code done} learns whether they
     * were all written (true) or dropped (false: closed, or the queue is full).
     */
    void send(byte[] bytes, SendCompletion done) {
        send(bytes, true, done);
    }

    /** As {@link #send(byte[], boolean, SendCompletion)} without a completion. */
    boolean send(byte[] bytes, boolean reportTx) {
        return send(bytes, reportTx, SendCompletion.IGNORE);
    }

    /**
     * Queues {@code bytes} for sending and writes what the socket takes now. The array is only
     * read, never copied, so one payload can be handed to many connections.
     *
     * @param reportTx false when the caller reports the send itself, once for many connections
     *                 (a server's broadcast); the bytes are counted either way
     * @param done     learns whether the bytes were all written (true) or dropped (false)
     * @return false when the bytes were refused (closed, or too much already waiting), which
     *         has been reported as a failure
     */
    boolean send(byte[] bytes, boolean reportTx, SendCompletion done) {
        if (closed) {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.NOT_CONNECTED,
                    remote, "connection closed", id));
            done.completed(false);
            return false;
        }
        if (queuedBytes + bytes.length > MAX_QUEUED_BYTES) {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.SEND_BUFFER_FULL,
                    remote, queuedBytes + " bytes waiting", id));
            done.completed(false);
            return false;
        }
        writeQueue.add(new PendingWrite(ByteBuffer.wrap(bytes), reportTx, done));
        queuedBytes += bytes.length;
        if (!flushing) {
            flush();
        }
        return true;
    }

    private void flush() {
        flushing = true;
        try {
            while (!writeQueue.isEmpty() && !closed) {
                PendingWrite head = writeQueue.peek();
                channel.write(head.buffer());
                if (head.buffer().hasRemaining()) {
                    key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                    return;
                }
                writeQueue.poll();
                int length = head.buffer().limit();
                queuedBytes -= length;
                ownCounters.addSent(length);
                sessionCounters.addSent(length);
                if (head.reportTx()) {
                    listener.onEvent(new SessionEvent.Data(System.currentTimeMillis(), Direction.TX, remote,
                            head.buffer().array(), id));
                }
                head.done().completed(true);
            }
            if (key.isValid()) {
                key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            fail(e);
        } finally {
            flushing = false;
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

    /** Closes the socket and reports why; later calls do nothing. */
    void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        closeReason = reason;
        if (key != null) {
            key.cancel();
        }
        if (reason == CloseReason.REJECTED) {
            abort();
        }
        SelectorLoop.closeQuietly(channel);
        List<PendingWrite> dropped = List.copyOf(writeQueue);
        writeQueue.clear();
        queuedBytes = 0;
        listener.onEvent(new SessionEvent.Disconnected(System.currentTimeMillis(), remote, reason, id));
        for (PendingWrite write : dropped) {
            write.done().completed(false);
        }
        onClosed.accept(this);
    }

    // A rejected client gets an RST so it learns at once rather than on its first write.
    private void abort() {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // the close below still ends the connection, with a FIN
        }
    }

    /** Bytes waiting for the socket, whether they are reported as TX data, and who waits for them. */
    private record PendingWrite(ByteBuffer buffer, boolean reportTx, SendCompletion done) {
    }
}
