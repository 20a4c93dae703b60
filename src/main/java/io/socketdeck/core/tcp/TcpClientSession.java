package io.socketdeck.core.tcp;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP client: resolves the host, connects with a timeout, then reads and writes on its own
 * {@link SelectorLoop} on the thread that calls {@link #run()}. It is its own {@link SendTarget}:
 * periodic and file sends go through the connection's write queue, in order with typed sends.
 */
public final class TcpClientSession implements Session, SendTarget {

    private static final Logger LOGGER = LoggerFactory.getLogger(TcpClientSession.class);

    private final TcpClientOptions options;
    private final SessionListener listener;
    private final TrafficCounters counters;
    private final SelectorLoop loop = new SelectorLoop();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile TcpConnection connection;
    private CloseReason endReason = CloseReason.LOCAL;

    public TcpClientSession(TcpClientOptions options, SessionListener listener, TrafficCounters counters) {
        this.options = options;
        this.listener = listener;
        this.counters = counters;
    }

    @Override
    public TrafficCounters counters() {
        return counters;
    }

    @Override
    public boolean isOpen() {
        TcpConnection current = connection;
        return current != null && !current.isClosed() && !closeRequested.get();
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a session runs once");
        }
        try {
            if (!closeRequested.get()) {
                startConnecting();
                loop.run();
            }
        } finally {
            TcpConnection current = connection;
            if (current != null) {
                current.close(CloseReason.LOCAL); // no-op when it already ended
            }
            loop.close();
            listener.onEvent(new SessionEvent.Closed(System.currentTimeMillis(), endReason));
        }
    }

    private void startConnecting() {
        InetSocketAddress target;
        try {
            target = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
        } catch (UnknownHostException | SecurityException e) {
            failBeforeConnect(FailureKind.UNKNOWN_HOST, null, options.host());
            return;
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, options.noDelay());
            if (channel.connect(target)) {
                onConnected(channel);
                return;
            }
            SocketChannel pending = channel;
            SelectorLoop.Timer timeout = loop.schedule(options.connectTimeout().toNanos(), () -> {
                SelectorLoop.closeQuietly(pending);
                failBeforeConnect(FailureKind.CONNECT_TIMEOUT, target,
                        "no answer within " + options.connectTimeout().toMillis() + " ms");
            });
            loop.register(channel, SelectionKey.OP_CONNECT, key -> finishConnect(pending, target, timeout));
        } catch (IOException e) {
            SelectorLoop.closeQuietly(channel);
            failBeforeConnect(IoFailures.classify(e), target, IoFailures.detail(e));
        }
    }

    private void finishConnect(SocketChannel channel, InetSocketAddress target, SelectorLoop.Timer timeout) {
        timeout.cancel();
        try {
            channel.finishConnect();
            onConnected(channel); // registering again reuses this key for reads, with the connection attached
        } catch (IOException e) {
            SelectorLoop.closeQuietly(channel);
            failBeforeConnect(IoFailures.classify(e), target, IoFailures.detail(e));
        }
    }

    private void onConnected(SocketChannel channel) throws IOException {
        TcpConnection established = new TcpConnection(loop, channel, ByteBuffer.allocateDirect(options.readBufferSize()),
                counters, listener, this::onConnectionClosed);
        // Ready to send before anyone hears of it: a listener that sends on Connected, or a thread
        // woken by it, must find the connection open. No read happens before the event is out.
        established.start();
        connection = established;
        listener.onEvent(new SessionEvent.Connected(System.currentTimeMillis(), established.local(), established.remote(),
                established.id()));
        LOGGER.debug("connected {} -> {}", established.local(), established.remote());
        if (closeRequested.get()) {
            established.close(CloseReason.LOCAL);
        }
    }

    private void onConnectionClosed(TcpConnection closed) {
        endReason = closed.closeReason();
        loop.stop();
    }

    private void failBeforeConnect(FailureKind kind, InetSocketAddress target, String detail) {
        listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), kind, target, detail));
        endReason = CloseReason.ERROR;
        loop.stop();
    }

    /**
     * Queues {@code bytes} for sending; the array belongs to the session from now on.
     *
     * @return false when there is no open connection to send on
     */
    public boolean send(byte[] bytes) {
        TcpConnection current = connection;
        if (current == null || closeRequested.get()) {
            return false;
        }
        send(current, bytes, SendCompletion.IGNORE);
        return true;
    }

    @Override
    public void send(byte[] bytes, SendCompletion done) {
        TcpConnection current = connection;
        if (current == null || closeRequested.get()) {
            done.completed(false);
            return;
        }
        send(current, bytes, done);
    }

    private void send(TcpConnection current, byte[] bytes, SendCompletion done) {
        if (loop.inLoop()) {
            current.send(bytes, done);
        } else {
            loop.execute(() -> current.send(bytes, done));
        }
    }

    @Override
    public SelectorLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        // run() closes the connection with reason LOCAL once the loop has stopped.
        if (closeRequested.compareAndSet(false, true)) {
            loop.stop();
        }
    }
}
