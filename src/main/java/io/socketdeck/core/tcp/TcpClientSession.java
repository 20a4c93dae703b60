package io.socketdeck.core.tcp;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.net.HostLookup;
import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.session.AbstractLoopSession;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.TargetOps;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP client: looks the host up, connects with a timeout, then reads and writes on its loop. It
 * is its own {@link SendTarget}: periodic and file sends go through the connection's write queue,
 * in order with typed sends. The session ends when its connection does, for the same reason; the
 * server finishing its sending is not that end (see {@link SessionEvent.PeerFinished}).
 */
public final class TcpClientSession extends AbstractLoopSession implements SendTarget, Replies {

    private static final Logger LOGGER = LoggerFactory.getLogger(TcpClientSession.class);

    private final TcpClientOptions options;
    private final Transport.Factory transports;
    /** Loop thread only: the socket while it connects. */
    private SocketChannel connecting;
    private volatile TcpConnection connection;
    private final ReceiveFraming framing = new ReceiveFraming();
    private final SendTarget connectionTarget = targetOf(new TargetOps() {
        @Override
        public void send(byte[] bytes, SendCompletion done) {
            connection.send(bytes, done);
        }

        @Override
        public List<InetSocketAddress> waitingOn() {
            TcpConnection current = connection;
            return current != null && current.hasQueued() ? List.of(current.remote()) : List.of();
        }

        @Override
        public boolean sendsFileRegions() {
            TcpConnection current = connection;
            return current != null && current.sendsFileRegions();
        }

        @Override
        public void sendFileRegion(FileChannel file, long position, int length, SendCompletion done) {
            connection.sendRegion(file, position, length, done);
        }
    });

    /** A client on a loop of its own, driven by {@link #run()}. */
    public TcpClientSession(TcpClientOptions options, SessionListener listener, TrafficCounters counters) {
        super(listener, counters);
        this.options = options;
        this.transports = Transport.Factory.PLAIN;
    }

    /** A client on {@code loop}, shared with other sessions; begin it with {@link #start()}. */
    public TcpClientSession(TcpClientOptions options, SessionListener listener, TrafficCounters counters,
                            SelectorLoop loop) {
        this(options, listener, counters, loop, Transport.Factory.PLAIN);
    }

    /**
     * A client on {@code loop} whose connection speaks through a transport made by
     * {@code transports} (TLS, say) instead of plain TCP; begin it with {@link #start()}.
     */
    public TcpClientSession(TcpClientOptions options, SessionListener listener, TrafficCounters counters,
                            SelectorLoop loop, Transport.Factory transports) {
        super(loop, listener, counters);
        this.options = options;
        this.transports = transports;
    }

    @Override
    protected boolean socketOpen() {
        TcpConnection current = connection;
        return current != null && !current.isClosed();
    }

    @Override
    protected void open() {
        if (UnixSockets.isUnixHost(options.host())) {
            onLoop(this::connectUnix); // a path: nothing to look up
            return;
        }
        // Never on the loop: a slow or failing lookup would stall every session sharing it.
        HostLookup.lookUp(options.host()).whenComplete((address, error) -> onLoop(() -> connect(address, error)));
    }

    /** A Unix domain stream socket: the same connection, log and counters as TCP, without TCP's options. */
    private void connectUnix() {
        Path path = Path.of(options.host().strip().substring(UnixSockets.SCHEME.length()).strip());
        InetSocketAddress target = UnixSockets.eventAddress(path);
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            connectOn(channel, UnixDomainSocketAddress.of(path), target);
        } catch (IOException e) {
            SelectorLoop.closeQuietly(channel);
            failBeforeConnect(IoFailures.classify(e), target, IoFailures.detail(e));
        }
    }

    private void connect(InetAddress address, Throwable lookupError) {
        if (lookupError != null) {
            failBeforeConnect(FailureKind.UNKNOWN_HOST, null, options.host());
            return;
        }
        InetSocketAddress target = new InetSocketAddress(address, options.port());
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            // Before connecting: the receive buffer decides the window scale offered in the SYN.
            // Reported when asked for, or when one could not be set: defaults add no event to every connect.
            TcpSocketSettings settings = options.socketSettings();
            List<OptionGrant> grants = settings.applyTo(channel);
            if (!settings.isDefault() || grants.stream().anyMatch(OptionGrant::isProblem)) {
                emit(new SessionEvent.OptionsApplied(System.currentTimeMillis(), target, grants, ConnectionIds.NONE, 1));
            }
            if (options.localAddress() != null) {
                // A port in use or an address not on this machine fails here, as the bind's own fault.
                channel.bind(options.localAddress());
            }
            connectOn(channel, target, target);
        } catch (IOException e) {
            SelectorLoop.closeQuietly(channel);
            failBeforeConnect(IoFailures.classify(e), target, IoFailures.detail(e));
        }
    }

    /** Connects {@code channel} to {@code where}, within the timeout; {@code target} names it in events. */
    private void connectOn(SocketChannel channel, SocketAddress where, InetSocketAddress target) throws IOException {
        connecting = channel;
        if (channel.connect(where)) {
            onConnected(channel);
            return;
        }
        SocketChannel pending = channel;
        SelectorLoop.Timer timeout = schedule(options.connectTimeout().toNanos(), () -> {
            SelectorLoop.closeQuietly(pending);
            failBeforeConnect(FailureKind.CONNECT_TIMEOUT, target,
                    "no answer within " + options.connectTimeout().toMillis() + " ms");
        });
        loop().register(channel, SelectionKey.OP_CONNECT, guarded(key -> finishConnect(pending, target, timeout)));
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
        TcpConnection.Setup setup = new TcpConnection.Setup(options.sendQueue(), null,
                options.halfCloseLinger().toNanos(), finished -> { }, framing);
        TcpConnection established = new TcpConnection(loop(), transports.over(channel),
                ByteBuffer.allocateDirect(options.readBufferSize()), counters(), listener(), setup,
                this::onConnectionClosed, error -> end(CloseReason.ERROR));
        connecting = null;
        connection = established;
        LOGGER.debug("connected {} -> {}", established.local(), established.remote());
        // Reports Connected once it can send: a listener that sends on Connected, or a thread
        // woken by it, finds the session open. No read happens before the event is out.
        established.start();
    }

    private void onConnectionClosed(TcpConnection closed) {
        end(closed.closeReason());
    }

    private void failBeforeConnect(FailureKind kind, InetSocketAddress target, String detail) {
        emit(new SessionEvent.Failure(System.currentTimeMillis(), kind, target, detail));
        end(CloseReason.ERROR);
    }

    @Override
    protected void release(CloseReason reason) {
        SelectorLoop.closeQuietly(connecting);
        TcpConnection current = connection;
        if (current != null) {
            current.close(reason); // no-op when it ended first, and so ended the session
        }
    }

    @Override
    public void replyAfter(long delayNanos, SessionEvent.Data request, byte[] bytes) {
        replyLater(delayNanos, request, bytes, this);
    }

    @Override
    public void reply(SessionEvent.Data request, byte[] bytes) {
        TcpConnection current = connection;
        if (current != null && current.id() == request.connection()) {
            current.offer(bytes, true, true, SendCompletion.AUTOMATIC);
        }
    }

    /**
     * Cuts what the server sends, from now on, with {@code wanted}; a live connection takes it up
     * on its next turn, handing over the frame it had begun. Any thread, before or after start.
     */
    public void setFraming(Framing wanted) {
        framing.set(wanted);
        TcpConnection current = connection;
        if (current != null) {
            current.reframe();
        }
    }

    /** The framing set last. */
    public Framing framing() {
        return framing.current();
    }

    /**
     * Queues {@code bytes} for sending; the array belongs to the session from now on.
     *
     * @return false when there is no open connection to send on
     */
    public boolean send(byte[] bytes) {
        if (!isOpen()) {
            return false;
        }
        connectionTarget.send(bytes, SendCompletion.IGNORE);
        return true;
    }

    @Override
    public void send(byte[] bytes, SendCompletion done) {
        connectionTarget.send(bytes, done);
    }

    @Override
    public List<InetSocketAddress> waitingOn() {
        return connectionTarget.waitingOn();
    }

    /**
     * Bytes of the sends made that the system has not taken yet: the rest of a send in progress
     * and all of those behind it; 0 when none waits or there is no connection. Loop thread. A
     * number that stays the same is a peer that does not read.
     */
    public long unsentBytes() {
        TcpConnection current = connection;
        return current == null ? 0 : current.unsentBytes();
    }

    @Override
    public boolean sendsFileRegions() {
        return connectionTarget.sendsFileRegions();
    }

    @Override
    public void sendFileRegion(FileChannel file, long position, int length, SendCompletion done) {
        connectionTarget.sendFileRegion(file, position, length, done);
    }

    /**
     * Resets the connection: SO_LINGER 0, then close, so the server gets an RST instead of a FIN
     * and what waits to be sent is dropped. Reported as {@link CloseReason#ABORTED}. Any thread.
     */
    public void reset() {
        onLoop(() -> {
            TcpConnection current = connection;
            if (current != null) {
                current.close(CloseReason.ABORTED);
            }
        });
    }

    /**
     * Half-closes the connection: our FIN goes out once what waits was sent, and we go on receiving
     * until the server closes too ({@link SessionEvent.HalfClosed}). Any thread.
     */
    public void halfClose() {
        onLoop(() -> {
            TcpConnection current = connection;
            if (current != null) {
                current.halfClose();
            }
        });
    }

    /** True once we half-closed the connection: it only receives now; any thread. */
    public boolean outputShut() {
        TcpConnection current = connection;
        return current != null && current.outputShut();
    }

    /**
     * Sets {@code settings} on the open connection, now, and reports what the system granted in
     * one {@link SessionEvent.OptionsApplied}. Does nothing while not connected: the next connect
     * takes the options from its own {@link TcpClientOptions}. Any thread.
     */
    public void applyOptions(TcpSocketSettings settings) {
        onLoop(() -> {
            TcpConnection current = connection;
            if (current != null && !current.isClosed()) {
                emit(new SessionEvent.OptionsApplied(System.currentTimeMillis(), current.remote(),
                        current.applyOptions(settings), current.id(), 1));
            }
        });
    }

    /** True once the server finished sending (its end of stream) while we may still send; any thread. */
    public boolean peerFinished() {
        TcpConnection current = connection;
        return current != null && current.peerFinished();
    }
}
