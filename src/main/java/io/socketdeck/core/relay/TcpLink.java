package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One relayed TCP connection: the accepted client, its connection to the target, and a
 * {@link LegPipe} each way. Ends the way the peers end it: FIN for FIN (one direction at a time),
 * RST for RST. Loop thread only, but for the fields a snapshot reads.
 */
final class TcpLink extends AbstractRelayLink {

    /** A target that neither accepts nor refuses (a dropped SYN) is given up after this long. */
    static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SocketChannel client;
    private final SelectorLoop.Handler clientHandler = endsThisLink(this::clientReady);
    private final SelectorLoop.Handler targetHandler = endsThisLink(this::targetReady);
    private SelectionKey clientKey;
    private SocketChannel target;
    private SelectionKey targetKey;
    private SelectorLoop.Timer connectTimer;
    private volatile boolean linked;
    private volatile boolean halfClosed;
    private boolean clientReads = true;
    private boolean clientWrites;
    private boolean targetReads = true;
    private boolean targetWrites;
    private boolean clientEnded;
    private boolean targetEnded;

    TcpLink(long id, RelayContext context, SelectorLoop loop, SocketChannel client, InetSocketAddress clientAddress) {
        super(id, context, loop, clientAddress, true);
        this.client = client;
    }

    /** Starts reading the client; the target connection is made by {@link #connect}. */
    void register() throws IOException {
        clientKey = loop.register(client, SelectionKey.OP_READ, clientHandler);
    }

    /** Both sides are reset: what was held is lost, which a FIN would hide. */
    @Override
    protected void endCrashed() {
        end(CloseReason.ERROR, true);
    }

    /** Connects to the target, looked up already. */
    void connect(InetSocketAddress address) {
        if (closed) {
            return;
        }
        targetAddress = address;
        try {
            target = SocketChannel.open();
            target.configureBlocking(false);
            target.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (target.connect(address)) {
                targetKey = loop.register(target, SelectionKey.OP_READ, targetHandler);
                linked();
            } else {
                targetKey = loop.register(target, SelectionKey.OP_CONNECT, targetHandler);
                connectTimer = context.schedule(CONNECT_TIMEOUT_NANOS, () -> targetFailed(FailureKind.CONNECT_TIMEOUT,
                        Long.toString(TimeUnit.NANOSECONDS.toMillis(CONNECT_TIMEOUT_NANOS))));
            }
        } catch (IOException | RuntimeException e) {
            targetFailed(e instanceof IOException ? IoFailures.classify(e) : FailureKind.IO, IoFailures.detail(e));
        }
    }

    /** The target cannot be reached: the client is closed (or reset) with an event naming why. */
    void targetFailed(FailureKind kind, String detail) {
        if (closed) {
            return;
        }
        InetSocketAddress where = targetAddress != null ? targetAddress
                : InetSocketAddress.createUnresolved(context.options().targetHost(), context.options().targetPort());
        context.emit(new SessionEvent.Failure(System.currentTimeMillis(), kind, where, detail, id));
        end(CloseReason.ERROR, context.options().onTargetFailure() == TargetFailureAction.RESET);
    }

    private void linked() throws IOException {
        if (connectTimer != null) {
            connectTimer.cancel();
            connectTimer = null;
        }
        linked = true;
        updateTarget();
        context.emit(new SessionEvent.Linked(System.currentTimeMillis(), id, clientAddress, targetAddress));
        context.changed();
        up.connect(new SocketSink(target));
        down.connect(new SocketSink(client));
    }

    private void clientReady(SelectionKey key) {
        if (key.isReadable()) {
            read(Leg.UP);
        }
        if (key.isValid() && key.isWritable()) {
            down.writable();
        }
    }

    private void targetReady(SelectionKey key) {
        if (key.isConnectable()) {
            try {
                if (target.finishConnect()) {
                    linked();
                }
            } catch (IOException e) {
                targetFailed(IoFailures.classify(e), IoFailures.detail(e));
            }
            return;
        }
        if (key.isReadable()) {
            read(Leg.DOWN);
        }
        if (key.isValid() && key.isWritable()) {
            up.writable();
        }
    }

    private void read(Leg leg) {
        if (closed) {
            return;
        }
        LegPipe pipe = pipe(leg);
        SocketChannel source = leg == Leg.UP ? client : target;
        int room = pipe.readRoom();
        if (room == 0) {
            wantRead(leg, false);
            return;
        }
        ByteBuffer buffer = context.readBuffer();
        buffer.clear();
        if (room < buffer.capacity()) {
            buffer.limit(room);
        }
        int count;
        try {
            count = source.read(buffer);
        } catch (IOException e) {
            failed(leg, e);
            return;
        }
        if (count < 0) {
            sourceEnded(leg);
            return;
        }
        if (count == 0) {
            return;
        }
        byte[] bytes = new byte[count];
        buffer.flip();
        buffer.get(bytes);
        context.counters().addReceived(count);
        context.read(leg, count);
        InetSocketAddress from;
        InetSocketAddress to;
        if (leg == Leg.UP) {
            upBytes += count;
            from = clientAddress;
            to = targetOrPending();
        } else {
            downBytes += count;
            from = targetAddress;
            to = clientAddress;
        }
        context.emit(new SessionEvent.Relayed(System.currentTimeMillis(), id, leg, from, to, bytes, false));
        int written = 0;
        if (pipe.canPassThrough()) {
            buffer.rewind(); // the bytes just read, still in the direct buffer
            try {
                written = (leg == Leg.UP ? target : client).write(buffer);
            } catch (IOException e) {
                sinkFailed(leg, e);
                return;
            }
            context.counters().addSent(written);
            pipe.passedThrough(written);
        }
        if (written < count) { // what the sink did not take (or all, with faults) queues as before
            pipe.accept(written == 0 ? bytes : Arrays.copyOfRange(bytes, written, count), false);
        }
    }

    private void sourceEnded(Leg leg) {
        wantRead(leg, false);
        if (leg == Leg.UP) {
            clientEnded = true;
        } else {
            targetEnded = true;
        }
        halfClosed = true;
        context.emit(new SessionEvent.PeerFinished(System.currentTimeMillis(),
                leg == Leg.UP ? clientAddress : targetAddress, id));
        context.changed();
        // Before the target answered, the FIN waits in the leg behind the bytes that came before it
        // (a request sent and shut at once is still delivered, then finished).
        pipe(leg).sourceEnded();
        endIfDone();
    }

    /** A read failed: a reset is passed on as a reset, anything else ends the connection too. */
    private void failed(Leg leg, IOException error) {
        if (IoFailures.isReset(error)) {
            end(CloseReason.RESET, true);
            return;
        }
        InetSocketAddress where = leg == Leg.UP ? clientAddress : targetAddress;
        context.emit(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classifyEstablished(error),
                where, IoFailures.detail(error), id));
        end(CloseReason.ERROR, true);
    }

    @Override
    public void sinkFailed(Leg leg, IOException error) {
        failed(leg.opposite(), error);
    }

    @Override
    public void resetByFault(Leg leg) {
        end(CloseReason.RESET, true);
    }

    @Override
    public void finished(Leg leg) {
        halfClosed = true;
        context.changed();
        endIfDone();
    }

    /**
     * Both receivers have their FIN (from their peers, or from a close-after fault): nothing more
     * can go anywhere, the connection is over, cleanly.
     */
    private void endIfDone() {
        if (up.finished() && down.finished()) {
            end(CloseReason.PEER, false);
        }
    }

    /** Writes to one side's socket and counts what it took; its FIN is a shutdown of our output. */
    private final class SocketSink implements LegPipe.Sink {
        private final SocketChannel channel;

        SocketSink(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int write(byte[] bytes, int offset, int length) throws IOException {
            int written = channel.write(ByteBuffer.wrap(bytes, offset, length));
            if (written > 0) {
                context.counters().addSent(written);
            }
            return written;
        }

        @Override
        public void finish() throws IOException {
            channel.shutdownOutput();
        }
    }

    @Override
    public void wantWrite(Leg leg, boolean on) {
        if (leg == Leg.UP) {
            targetWrites = on;
            updateTarget();
        } else {
            clientWrites = on;
            updateClient();
        }
    }

    @Override
    public void wantRead(Leg leg, boolean on) {
        if (leg == Leg.UP) {
            clientReads = on && !clientEnded;
            updateClient();
        } else {
            targetReads = on && !targetEnded;
            updateTarget();
        }
    }

    private void updateClient() {
        if (clientKey != null && clientKey.isValid()) {
            clientKey.interestOps((clientReads ? SelectionKey.OP_READ : 0) | (clientWrites ? SelectionKey.OP_WRITE : 0));
        }
    }

    private void updateTarget() {
        if (linked && targetKey != null && targetKey.isValid()) {
            targetKey.interestOps((targetReads ? SelectionKey.OP_READ : 0) | (targetWrites ? SelectionKey.OP_WRITE : 0));
        }
    }

    /**
     * Ends the connection once: both sockets closed (reset when {@code reset}), pipes emptied,
     * {@code Disconnected(reason)} reported with the client's address.
     */
    void end(CloseReason reason, boolean reset) {
        if (closed) {
            return;
        }
        closed = true;
        if (connectTimer != null) {
            connectTimer.cancel();
        }
        up.clear();
        down.clear();
        close(client, reset);
        close(target, reset);
        try {
            context.emit(new SessionEvent.Disconnected(System.currentTimeMillis(), clientAddress, reason, id));
        } finally {
            context.removed(this); // a listener that throws must not leave a closed row in the table
        }
    }

    private static void close(SocketChannel channel, boolean reset) {
        if (channel == null) {
            return;
        }
        if (reset && channel.isOpen()) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException e) {
                // Not connected (yet): a plain close says the same.
            }
        }
        SelectorLoop.closeQuietly(channel);
    }

    @Override
    public RelayConnection snapshot() {
        RelayConnectionState state;
        if (!linked) {
            state = RelayConnectionState.CONNECTING;
        } else if (context.held()) {
            state = RelayConnectionState.HELD;
        } else if (up.stalled() || down.stalled()) {
            state = RelayConnectionState.STALLED;
        } else if (halfClosed) {
            state = RelayConnectionState.HALF_CLOSED;
        } else {
            state = RelayConnectionState.OPEN;
        }
        return new RelayConnection(id, clientAddress, targetAddress, sinceMillis, upBytes, downBytes, state,
                heldBytes());
    }

    @Override
    protected boolean isStream() {
        return true;
    }

    @Override
    public void close(CloseReason reason) {
        end(reason, false);
    }
}
