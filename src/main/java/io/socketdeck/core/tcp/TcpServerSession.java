package io.socketdeck.core.tcp;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.AbstractLoopSession;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server: listens, accepts any number of clients and reads and writes them all on its one
 * {@link SelectorLoop}. No thread per client, so ten thousand clients cost ten thousand sockets
 * and a little memory, not ten thousand stacks.
 *
 * <p>Clients are known by their remote address and port, which is unique among live
 * connections. The send, disconnect and snapshot methods are safe from any thread.
 */
public final class TcpServerSession extends AbstractLoopSession {

    private static final Logger LOGGER = LoggerFactory.getLogger(TcpServerSession.class);

    /** Accepts per readiness: a connect storm must not starve the clients already talking. */
    private static final int ACCEPTS_PER_TURN = 256;
    /**
     * How long accepting pauses after accept() failed, typically with "Too many open files".
     * The pending connection keeps the socket ready, so retrying at once would spin and fill
     * the log; a pause lets clients leave and file descriptors come back.
     */
    private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final TcpServerOptions options;
    private final Transport.Factory transports;
    /** The loop reads one client at a time, so one buffer serves them all. */
    private final ByteBuffer readBuffer;
    private final ServerClients clients = new ServerClients();
    private volatile ServerSocketChannel server;
    private volatile InetSocketAddress localAddress;
    private SelectionKey acceptKey;
    private boolean acceptPaused;

    /** A server on a loop of its own, driven by {@link #run()}. */
    public TcpServerSession(TcpServerOptions options, SessionListener listener, TrafficCounters counters) {
        super(listener, counters);
        this.options = options;
        this.transports = Transport.Factory.PLAIN;
        this.readBuffer = ByteBuffer.allocateDirect(options.readBufferSize());
    }

    /** A server on {@code loop}, shared with other sessions; begin it with {@link #start()}. */
    public TcpServerSession(TcpServerOptions options, SessionListener listener, TrafficCounters counters,
                            SelectorLoop loop) {
        this(options, listener, counters, loop, Transport.Factory.PLAIN);
    }

    /**
     * A server on {@code loop} whose clients speak through transports made by {@code transports}
     * (TLS, say) instead of plain TCP; begin it with {@link #start()}.
     */
    public TcpServerSession(TcpServerOptions options, SessionListener listener, TrafficCounters counters,
                            SelectorLoop loop, Transport.Factory transports) {
        super(loop, listener, counters);
        this.options = options;
        this.transports = transports;
        this.readBuffer = ByteBuffer.allocateDirect(options.readBufferSize());
    }

    @Override
    protected boolean socketOpen() {
        ServerSocketChannel current = server;
        return current != null && current.isOpen();
    }

    /** The address listened on, with the port the system picked for port 0; null until open. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    protected void release(CloseReason reason) {
        // The listening socket goes first, so the port is free again before Closed is
        // reported and the user can listen on it at once.
        SelectorLoop.closeQuietly(server);
        for (TcpConnection client : clients.all()) {
            client.close(CloseReason.SERVER_STOPPED);
        }
    }

    @Override
    protected void open() {
        InetSocketAddress wanted = new InetSocketAddress(options.bindAddress(), options.port());
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(familyOf(wanted));
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress());
            channel.bind(wanted, options.backlog());
            channel.configureBlocking(false);
            ServerSocketChannel listening = channel;
            acceptKey = loop().register(channel, SelectionKey.OP_ACCEPT, guarded(key -> acceptReady(listening)));
            localAddress = (InetSocketAddress) channel.getLocalAddress();
            server = channel;
            emit(new SessionEvent.Opened(System.currentTimeMillis(), localAddress));
            LOGGER.debug("listening on {}", localAddress);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            SelectorLoop.closeQuietly(channel);
            // UnsupportedOperationException: an IPv6 address where the system has no IPv6.
            FailureKind kind = e instanceof UnsupportedOperationException ? FailureKind.ADDRESS_NOT_AVAILABLE
                    : IoFailures.classify(e);
            emit(new SessionEvent.Failure(System.currentTimeMillis(), kind, wanted, IoFailures.detail(e)));
            end(CloseReason.ERROR);
        }
    }

    // An IPv4 address gets an IPv4 socket: "0.0.0.0" then means IPv4 only, as users expect,
    // while "::" is the dual-stack wildcard.
    private static ProtocolFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    private void acceptReady(ServerSocketChannel channel) {
        for (int turn = 0; turn < ACCEPTS_PER_TURN; turn++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                pauseAccepting(e);
                return;
            }
            if (accepted == null) {
                return;
            }
            admit(accepted);
        }
    }

    private void admit(SocketChannel accepted) {
        TcpConnection client;
        try {
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, options.noDelay());
            // An Error while handling one client, reported on that client, ends the whole server.
            client = new TcpConnection(loop(), transports.over(accepted), readBuffer, counters(), listener(),
                    this::onClientClosed, error -> end(CloseReason.ERROR));
        } catch (IOException e) {
            // The client went away between the handshake and our accept; nobody to report about.
            LOGGER.debug("accepted connection failed before setup", e);
            SelectorLoop.closeQuietly(accepted);
            return;
        }
        if (options.maxClients() != TcpServerOptions.UNLIMITED && clients.size() >= options.maxClients()) {
            client.close(CloseReason.REJECTED); // RST at once, reported as a Disconnected event
            return;
        }
        // Listed first: a listener that greets the client on Connected, which start() reports once
        // the client can send, finds it among the clients.
        clients.add(client);
        client.start();
    }

    private void pauseAccepting(IOException error) {
        if (acceptPaused || !acceptKey.isValid()) {
            return;
        }
        acceptPaused = true;
        emit(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(error),
                localAddress, IoFailures.detail(error)));
        acceptKey.interestOps(0);
        schedule(ACCEPT_PAUSE_NANOS, () -> {
            acceptPaused = false;
            if (acceptKey.isValid()) {
                acceptKey.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    private void onClientClosed(TcpConnection closed) {
        clients.remove(closed);
    }

    /**
     * Sends {@code bytes} to every client connected when the I/O thread gets to it. The array
     * belongs to the session from now on and is shared by all the writes.
     *
     * @return false when the server is not listening
     */
    public boolean sendToAll(byte[] bytes) {
        if (!isOpen()) {
            return false;
        }
        onLoop(() -> deliver(clients.all(), bytes));
        return true;
    }

    /**
     * Sends {@code bytes} to the clients at {@code remotes}; one that has gone meanwhile gets a
     * NOT_CONNECTED failure. The array belongs to the session from now on.
     *
     * @return false when the server is not listening
     */
    public boolean sendTo(Collection<InetSocketAddress> remotes, byte[] bytes) {
        if (!isOpen()) {
            return false;
        }
        List<InetSocketAddress> targets = List.copyOf(remotes);
        onLoop(() -> {
            List<TcpConnection> live = new ArrayList<>(targets.size());
            for (InetSocketAddress remote : targets) {
                TcpConnection client = clients.get(remote);
                if (client == null) {
                    emit(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.NOT_CONNECTED,
                            remote, "not connected"));
                } else {
                    live.add(client);
                }
            }
            if (!live.isEmpty()) {
                deliver(live, bytes);
            }
        });
        return true;
    }

    /**
     * One client's send is that client's TX data, like the client tab's. A send to several is
     * reported once, as {@link SessionEvent.SentToMany}: a broadcast to 10,000 clients must not
     * become 10,000 log lines. Counters count every client's bytes either way.
     */
    private void deliver(List<TcpConnection> targets, byte[] bytes) {
        deliver(targets, bytes, SendTarget.SendCompletion.IGNORE);
    }

    /**
     * As above; {@code done} is told once every recipient has written the bytes or dropped them:
     * true when at least one wrote them. A file sent to many clients so goes at the pace of the
     * slowest, and a client leaving midway does not stop it for the others.
     */
    private void deliver(List<TcpConnection> targets, byte[] bytes, SendTarget.SendCompletion done) {
        if (targets.isEmpty()) {
            Faults.completeQuietly(done, false);
            return;
        }
        if (targets.size() == 1) {
            targets.get(0).send(bytes, true, done);
            return;
        }
        int[] pending = {targets.size()};
        boolean[] anyWritten = {false};
        SendTarget.SendCompletion each = written -> { // loop thread only: plain counters suffice
            anyWritten[0] |= written;
            if (--pending[0] == 0) {
                done.completed(anyWritten[0]);
            }
        };
        int recipients = 0;
        for (TcpConnection client : targets) {
            if (client.send(bytes, false, each)) {
                recipients++;
            }
        }
        emit(new SessionEvent.SentToMany(System.currentTimeMillis(), bytes, recipients));
    }

    /** Every client connected at the moment of each send, for repeat and file sends. */
    public SendTarget allClients() {
        return targetFor(null);
    }

    /** The clients at {@code remotes} that are still connected at each send. */
    public SendTarget clients(Collection<InetSocketAddress> remotes) {
        return targetFor(List.copyOf(remotes));
    }

    private SendTarget targetFor(List<InetSocketAddress> remotes) {
        return sendTarget((bytes, done) ->
                deliver(remotes == null ? clients.all() : live(remotes), bytes, done));
    }

    private List<TcpConnection> live(List<InetSocketAddress> remotes) {
        List<TcpConnection> live = new ArrayList<>(remotes.size());
        for (InetSocketAddress remote : remotes) {
            TcpConnection client = clients.get(remote);
            if (client != null) {
                live.add(client);
            }
        }
        return live;
    }

    /** Closes the connections of the clients at {@code remotes}; each is reported as KICKED. */
    public void disconnect(Collection<InetSocketAddress> remotes) {
        List<InetSocketAddress> targets = List.copyOf(remotes);
        onLoop(() -> {
            for (InetSocketAddress remote : targets) {
                TcpConnection client = clients.get(remote);
                if (client != null) {
                    client.close(CloseReason.KICKED);
                }
            }
        });
    }

    /**
     * The clients now, with the version of the membership they belong to; any thread. Built on
     * the caller's thread, and only when the version moved since the last call: a connect storm
     * costs the I/O thread one counter increment per client, and polling an unchanged server
     * costs nothing. The one source of truth for a client table.
     */
    public ClientList clientList() {
        return clients.list();
    }

    /** The clients connected now with their counts at this moment, oldest first; any thread. */
    public List<ClientSnapshot> clients() {
        List<ServerClient> now = clientList().clients();
        List<ClientSnapshot> snapshot = new ArrayList<>(now.size());
        for (ServerClient client : now) {
            snapshot.add(new ClientSnapshot(client.remote(), client.connectedAtMillis(), client.rxBytes(),
                    client.txBytes()));
        }
        return snapshot;
    }

    public int clientCount() {
        return clients.size();
    }
}
