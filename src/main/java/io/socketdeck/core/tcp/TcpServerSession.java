package io.socketdeck.core.tcp;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.Acceptor;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.options.OptionApplier;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.session.AbstractLoopSession;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
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
public final class TcpServerSession extends AbstractLoopSession implements Replies {

    private static final Logger LOGGER = LoggerFactory.getLogger(TcpServerSession.class);


    private final TcpServerOptions options;
    private final Transport.Factory transports;
    /** The loop reads one client at a time, so one buffer serves them all. */
    private final ByteBuffer readBuffer;
    /** A Unix socket's path to listen on instead of an address and port; null for TCP. */
    private Path unixPath;
    /** Loop thread: our bind made the socket file, so stop removes it. */
    private boolean createdSocketFile;
    private final ServerClients clients = new ServerClients();
    /** What the send groups may do of this session's: tell events, set timers. */
    private final ClientGroup.Host groupHost = new ClientGroup.Host() {
        @Override
        public void emit(SessionEvent event) {
            TcpServerSession.this.emit(event);
        }

        @Override
        public void schedule(long delayNanos, Runnable task) {
            TcpServerSession.this.schedule(delayNanos, task);
        }
    };
    private final ReceiveFraming framing = new ReceiveFraming();
    /** What all clients' send queues may hold together. */
    private final SendQueue.Budget queueBudget;
    /** Clients that finished sending and are kept open for an answer, the first to finish first. */
    private final ArrayDeque<TcpConnection> lingering = new ArrayDeque<>();
    private volatile ServerSocketChannel server;
    private volatile InetSocketAddress localAddress;
    /** What every client connection is given. */
    private TcpConnection.Setup setup;
    /** The options each client gets; changed live by {@link #applyOptions}. Loop thread. */
    private TcpSocketSettings clientSettings;
    /** The next client's grants are reported (the first after listening or after a change). Loop thread. */
    private boolean reportNextGrants = true;

    /** A server on a loop of its own, driven by {@link #run()}. */
    public TcpServerSession(TcpServerOptions options, SessionListener listener, TrafficCounters counters) {
        super(listener, counters);
        this.options = options;
        this.transports = Transport.Factory.PLAIN;
        this.readBuffer = ByteBuffer.allocateDirect(options.readBufferSize());
        this.queueBudget = new SendQueue.Budget(options.totalQueued());
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
        this.queueBudget = new SendQueue.Budget(options.totalQueued());
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

    /**
     * Listens on a Unix domain stream socket at {@code path} instead of the options' address and
     * port; its clients are served as TCP's are, without TCP's options. The socket file is removed
     * on stop. Before {@link #start()}.
     */
    public TcpServerSession listenOn(Path path) {
        unixPath = path;
        return this;
    }

    @Override
    protected void release(CloseReason reason) {
        // The listening socket goes first, so the port is free again before Closed is
        // reported and the user can listen on it at once.
        SelectorLoop.closeQuietly(server);
        removeSocketFile();
        for (TcpConnection client : clients.all()) {
            client.close(CloseReason.SERVER_STOPPED);
        }
    }

    @Override
    protected void open() {
        setup = new TcpConnection.Setup(options.sendQueue(), queueBudget, options.halfCloseLinger().toNanos(),
                this::onPeerFinished, framing);
        if (unixPath != null) {
            openUnix();
            return;
        }
        InetSocketAddress wanted = new InetSocketAddress(options.bindAddress(), options.port());
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(familyOf(wanted));
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress());
            List<OptionGrant> listenGrants = listeningOptions(channel);
            channel.bind(wanted, options.backlog());
            channel.configureBlocking(false);
            new Acceptor(channel, this::admit, this::acceptFailed, this::schedule).register(loop(), this::guarded);
            localAddress = (InetSocketAddress) channel.getLocalAddress();
            server = channel;
            emit(new SessionEvent.Opened(System.currentTimeMillis(), localAddress));
            if (!listenGrants.isEmpty()) {
                emit(new SessionEvent.OptionsApplied(System.currentTimeMillis(), localAddress, listenGrants,
                        ConnectionIds.NONE, 0));
            }
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

    /**
     * SO_REUSEPORT, and a receive buffer asked for (accepted clients inherit it, so their window
     * scale fits it), set on the listening socket before it binds; nothing when neither is asked.
     */
    private List<OptionGrant> listeningOptions(ServerSocketChannel channel) {
        TcpSocketSettings asked = options.socketSettings();
        clientSettings = new TcpSocketSettings(asked.noDelay(), asked.keepAlive(), asked.others().withReusePort(false));
        SocketOptionSet others = options.socketOptions();
        if (!others.reusePort() && others.receiveBuffer() == 0) {
            return List.of();
        }
        SocketOptionSet listening = SocketOptionSet.SYSTEM.withReusePort(others.reusePort())
                .withReceiveBuffer(others.receiveBuffer());
        return new OptionApplier(channel).apply(listening, true).grants().stream()
                .filter(grant -> grant.outcome() != OptionGrant.Outcome.SYSTEM).toList();
    }

    private void openUnix() {
        InetSocketAddress wanted = UnixSockets.eventAddress(unixPath);
        ServerSocketChannel channel = null;
        try {
            removeIfStale(unixPath);
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(unixPath), options.backlog());
            createdSocketFile = true;
            channel.configureBlocking(false);
            new Acceptor(channel, this::admit, this::acceptFailed, this::schedule).register(loop(), this::guarded);
            localAddress = wanted;
            server = channel;
            emit(new SessionEvent.Opened(System.currentTimeMillis(), localAddress));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            SelectorLoop.closeQuietly(channel);
            removeSocketFile();
            emit(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(e), wanted, IoFailures.detail(e)));
            end(CloseReason.ERROR);
        }
    }

    /**
     * A socket file nobody listens on (left by a crash) is removed so the path can be listened on
     * again; one a live server listens on is left alone, and the bind then fails as in use.
     */
    private static void removeIfStale(Path path) throws IOException {
        if (!UnixSockets.isSocket(path)) {
            return; // absent; a file that is not a socket was refused at the field, and fails the bind
        }
        // Not blocking: a live server with a full backlog must not stall the loop.
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.configureBlocking(false);
            probe.connect(UnixDomainSocketAddress.of(path));
            LOGGER.debug("{} has a listener", path);
        } catch (java.net.ConnectException refused) {
            Files.deleteIfExists(path);
        }
    }

    private void removeSocketFile() {
        if (unixPath != null && createdSocketFile) {
            createdSocketFile = false;
            try {
                Files.deleteIfExists(unixPath);
            } catch (IOException e) {
                LOGGER.debug("could not remove {}", unixPath, e);
            }
        }
    }

    // An IPv4 address gets an IPv4 socket: "0.0.0.0" then means IPv4 only, as users expect,
    // while "::" is the dual-stack wildcard.
    private static ProtocolFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    private void admit(SocketChannel accepted) {
        TcpConnection client;
        List<OptionGrant> grants;
        try {
            // A Unix socket has none of TCP's options: nothing to set or report.
            grants = unixPath == null ? clientGrants(accepted) : List.of();
            // An Error while handling one client, reported on that client, ends the whole server.
            client = new TcpConnection(loop(), transports.over(accepted), readBuffer, counters(), listener(), setup,
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
        boolean problem = grants.stream().anyMatch(OptionGrant::isProblem);
        if (!client.isClosed() && (reportsNextGrants() || problem)) {
            // Once, not per client: a thousand clients would bury the log under the same row.
            reportNextGrants = false;
            emit(new SessionEvent.OptionsApplied(System.currentTimeMillis(), client.remote(), grants, client.id(), 1));
        }
    }

    /** Whether the next client's grants are reported; never over a Unix socket, which has no client settings. */
    private boolean reportsNextGrants() {
        return reportNextGrants && unixPath == null && !clientSettings.isDefault();
    }

    /**
     * Sets the client options on {@code accepted}; what the system granted is read back only for
     * a client whose grants will be reported: the next one after listening or a change, or one
     * where an option could not be set (then all are set again, read back, and reported).
     */
    private List<OptionGrant> clientGrants(SocketChannel accepted) {
        if (reportsNextGrants()) {
            return clientSettings.applyTo(accepted);
        }
        List<OptionGrant> problems = clientSettings.applyProblemsOnly(accepted);
        return problems.isEmpty() ? problems : clientSettings.applyTo(accepted);
    }

    private void acceptFailed(IOException error) {
        emit(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(error),
                localAddress, IoFailures.detail(error)));
    }

    private void onClientClosed(TcpConnection closed) {
        clients.remove(closed);
        if (closed.peerFinished()) {
            lingering.remove(closed);
        }
    }

    /**
     * A client finished sending: it stays open for an answer, but only so many at once. Clients
     * that simply close by the thousand (a load test, a crowd of devices leaving) must not pile up
     * as half-closed sockets: beyond the limit the one that finished first is closed.
     */
    private void onPeerFinished(TcpConnection client) {
        lingering.addLast(client);
        while (lingering.size() > options.maxLingering()) {
            TcpConnection oldest = lingering.pollFirst();
            oldest.close(CloseReason.PEER);
        }
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
        onLoop(() -> new ClientGroup(clients, groupHost, null, false).deliver(bytes, SendTarget.SendCompletion.IGNORE));
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
            for (InetSocketAddress remote : targets) {
                if (clients.get(remote) == null) {
                    emit(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.NOT_CONNECTED,
                            remote, "not connected"));
                }
            }
            new ClientGroup(clients, groupHost, targets, false).deliver(bytes, SendTarget.SendCompletion.IGNORE);
        });
        return true;
    }

    /**
     * Every client connected at the moment of each send, for repeat and file sends. A client
     * whose send queue is full (it is not reading) is left out from then on, with one event for
     * all left out at a time; when none is left the sends fail, which stops the sender.
     */
    public SendTarget allClients() {
        return targetOf(trackedGroup(null));
    }

    /** The clients at {@code remotes} that are still connected at each send; see {@link #allClients()}. */
    public SendTarget clients(Collection<InetSocketAddress> remotes) {
        return targetOf(trackedGroup(List.copyOf(remotes)));
    }

    /** What {@link #allClients()} (null) and {@link #clients} send through; used on the loop thread. */
    ClientGroup trackedGroup(List<InetSocketAddress> remotes) {
        return new ClientGroup(clients, groupHost, remotes, true);
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
     * Resets the connections of the clients at {@code remotes}: SO_LINGER 0, then close, so each
     * gets an RST; reported as {@link CloseReason#ABORTED}. Any thread.
     */
    public void reset(Collection<InetSocketAddress> remotes) {
        forEachClient(remotes, client -> client.close(CloseReason.ABORTED));
    }

    /**
     * Half-closes the connections of the clients at {@code remotes}: each gets our FIN once what
     * waits for it was sent, and we go on receiving from it. Any thread.
     */
    public void halfClose(Collection<InetSocketAddress> remotes) {
        forEachClient(remotes, TcpConnection::halfClose);
    }

    private void forEachClient(Collection<InetSocketAddress> remotes, Consumer<TcpConnection> action) {
        List<InetSocketAddress> targets = List.copyOf(remotes);
        onLoop(() -> {
            for (InetSocketAddress remote : targets) {
                TcpConnection client = clients.get(remote);
                if (client != null && !client.isClosed()) {
                    action.accept(client);
                }
            }
        });
    }

    /**
     * Sets {@code settings} on every connected client now, and on every client that connects
     * later; one {@link SessionEvent.OptionsApplied} says what the first client was granted and
     * how many got them (a problem on any client is reported with that client's grants). The
     * listening socket's own options (SO_REUSEPORT) only change with a new Listen. Any thread.
     */
    public void applyOptions(TcpSocketSettings settings) {
        TcpSocketSettings forClients = new TcpSocketSettings(settings.noDelay(), settings.keepAlive(),
                settings.others().withReusePort(false));
        onLoop(() -> {
            clientSettings = forClients;
            List<TcpConnection> all = clients.all();
            if (all.isEmpty()) {
                reportNextGrants = true;
                return;
            }
            List<OptionGrant> shown = null;
            TcpConnection shownFor = null;
            for (TcpConnection client : all) {
                if (client.isClosed()) {
                    continue;
                }
                List<OptionGrant> grants = client.applyOptions(forClients);
                if (shown == null || grants.stream().anyMatch(OptionGrant::isProblem)
                        && shown.stream().noneMatch(OptionGrant::isProblem)) {
                    shown = grants;
                    shownFor = client;
                }
            }
            if (shown != null) {
                emit(new SessionEvent.OptionsApplied(System.currentTimeMillis(), shownFor.remote(), shown,
                        all.size() == 1 ? shownFor.id() : ConnectionIds.NONE, all.size()));
            }
        });
    }

    @Override
    public void replyAfter(long delayNanos, SessionEvent.Data request, byte[] bytes) {
        replyLater(delayNanos, request, bytes, this);
    }

    @Override
    public void reply(SessionEvent.Data request, byte[] bytes) {
        TcpConnection client = clients.get(request.peer());
        if (client != null && client.id() == request.connection()) {
            client.offer(bytes, true, true, SendTarget.SendCompletion.AUTOMATIC);
        }
    }

    /**
     * Cuts what every client sends, from now on, with {@code wanted}: live clients take it up on
     * their next turn, handing over the frame they had begun; new clients start with it. Any thread.
     */
    public void setFraming(Framing wanted) {
        framing.set(wanted);
        for (TcpConnection client : clients.all()) {
            client.reframe();
        }
    }

    /** The framing set last. */
    public Framing framing() {
        return framing.current();
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

    /** The version {@link #clientList()} would have now, without building it; any thread. */
    public long clientVersion() {
        return clients.version();
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
