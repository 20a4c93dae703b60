package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.framing.FramingText;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.tcp.TcpSocketSettings;
import io.socketdeck.core.tcp.Transport;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.tls.TlsServerConfig;
import io.socketdeck.core.tls.TlsTransports;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.options.SocketOptionsModel;
import io.socketdeck.ui.fx.FileJobs;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.ConnectionTabModel;
import io.socketdeck.ui.tab.TabContext;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The TCP server tab: checks what was typed and builds a {@link TcpServerSession} from it; the
 * shared {@link ConnectionTabModel} runs it and follows its state. The client table is the
 * engine's own versioned list of clients, applied on the window's tick when clients come or go
 * (and their byte counts a few times a second while traffic flows): one source of truth, so no row
 * can outlive its client. Sends go to all or to the selected clients. With TLS on, each client's
 * handshake, once {@link SessionEvent.Secured secured}, is kept by connection id on the I/O thread
 * and read by its row's TLS cell; a storm of handshakes costs the FX thread one redraw per pulse.
 */
public final class TcpServerViewModel extends ConnectionTabModel {

    static final int MAX_CLIENTS_LIMIT = 1_000_000;
    /**
     * Max clients at first start: finite, so a server open to the network cannot be made to hold
     * every file descriptor of the machine; ample for a lab of devices. Cleared, there is no limit.
     */
    static final int DEFAULT_MAX_CLIENTS = 1_000;
    private static final long COUNTS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final StringProperty bindAddress = new SimpleStringProperty(this, "bindAddress", "0.0.0.0");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty maxClients = new SimpleStringProperty(this, "maxClients",
            Integer.toString(DEFAULT_MAX_CLIENTS));
    private final BooleanProperty reuseAddress = new SimpleBooleanProperty(this, "reuseAddress", true);
    private final WordedText bindError = new WordedText(this, "bindError");
    private final WordedText portError = new WordedText(this, "portError");
    private final WordedText maxClientsError = new WordedText(this, "maxClientsError");
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ObjectProperty<Recipients> recipients = new SimpleObjectProperty<>(this, "recipients", Recipients.ALL);

    private final ClientTable clients = new ClientTable();
    /** How the user sorted the client table: kept here so a view built again shows it. FX thread. */
    private List<ColumnSort> clientSort = List.of();
    private final ObservableList<ClientRow> selected = FXCollections.observableArrayList();
    private final StringBinding clientSummary;
    private final UiTick.Handle clientsJob;
    private TcpServerSession server;
    private final ServerTls tls = new ServerTls();
    /** The TLS files the tab writes (a self-signed certificate), off the FX thread. */
    private final FileJobs tlsFiles;
    private final FileJobs.Slot selfSignedWorker;
    /** The current server's clients' completed handshakes, by connection id; written on the I/O thread. */
    private final Map<Long, TlsHandshake> handshakes = new ConcurrentHashMap<>();
    private final ClientMembership membership = new ClientMembership(clients, handshakes);
    /** Bumped by each handshake that completes, so the table redraws its TLS cells. */
    private final AtomicLong handshakesVersion = new AtomicLong();
    private long handshakesShown;
    /** Whether the running server speaks TLS: its rows show their handshakes. */
    private boolean servingTls;
    private final ObjectProperty<Framing> framing = new SimpleObjectProperty<>(this, "framing", Framing.AsRead.INSTANCE);
    private BindAddress requestedAddress;
    private int requestedPort;
    /** The Unix socket listened on, or null for TCP. */
    private java.nio.file.Path unixPath;
    private long countsShownNanos;

    private final SocketOptionsModel socketOptions = new SocketOptionsModel(SocketOptionsModel.Kind.SERVER);

    public TcpServerViewModel(TabContext context) {
        super(context, false, true);
        socketOptions.setApplier(() -> {
            TcpSocketSettings settings = socketOptions.tcpSettings();
            if (server != null && settings != null) {
                server.applyOptions(settings);
            }
        });
        stateProperty().addListener((obs, old, now) -> {
            socketOptions.setLive(now == ConnectionState.OPEN);
            if (now == ConnectionState.IDLE) {
                socketOptions.clearGranted(); // sizes and warnings of a socket that is gone
            }
        });
        // Taken up by the live clients at once: what they had begun to hold is shown, not lost.
        framing.addListener((obs, old, now) -> {
            if (server != null) {
                server.setFraming(now);
            }
        });
        bindAddress.addListener((obs, old, now) -> bindError.set(null));
        port.addListener((obs, old, now) -> portError.set(null));
        maxClients.addListener((obs, old, now) -> maxClientsError.set(null));
        recipients.addListener((obs, old, now) -> traffic().sendTools().targetChanged());
        selected.addListener((ListChangeListener<ClientRow>) change -> traffic().sendTools().targetChanged());
        clientSummary = Bindings.createStringBinding(
                () -> I18n.format("server.clients.count", clients.rows().size(), selected.size()),
                clients.rows(), selected, I18n.languageProperty()); // the views are built again, this model stays
        clients.rows().addListener((ListChangeListener<ClientRow>) change -> updateStatus());
        clientsJob = context.tick().add(this::showClients);
        tlsFiles = new FileJobs(context.tick(), "socketdeck-server-tls-files");
        selfSignedWorker = tlsFiles.slot();
        membership.wakes(clientsJob);
        updateStatus();
    }

    /** Listen when idle, otherwise stop. */
    public void toggleListening() {
        toggle();
    }

    public boolean listen() {
        return open();
    }

    /** Stops listening; every client is closed and logged as "server stopped". */
    public void stop() {
        close();
    }

    @Override
    protected Session createSession(SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        unixPath = null;
        if (UnixSockets.isUnixHost(bindAddress.get())) {
            return createUnixServer(listener, counters, loop);
        }
        BindAddress.Parsed address = BindAddress.parse(bindAddress.get());
        PortInput.Result portInput = PortInput.parse(port.get(), true);
        int limit = parseMaxClients(maxClients.get());
        bindError.word(() -> address.valid() ? null : BindAddressChoices.problem(address.problem()));
        portError.word(() -> portInput.valid() ? null : FieldErrors.port(portInput.problem(), true));
        maxClientsError.word(() -> limit >= 0 ? null
                : I18n.format("field.maxClients.invalid", I18n.count(MAX_CLIENTS_LIMIT)));
        TlsServerConfig tlsConfig = tls.enabledProperty().get() ? tls.config() : null;
        TcpSocketSettings sockets = socketOptions.tcpSettings();
        if (!address.valid() || !portInput.valid() || limit < 0 || tls.enabledProperty().get() && tlsConfig == null
                || sockets == null) {
            return null;
        }
        Transport.Factory transports = Transport.Factory.PLAIN;
        if (tlsConfig != null) {
            transports = TlsTransports.server(tlsConfig);
            traffic().log().note(LogEntry.Kind.INFO, I18n.format("server.tls.presenting",
                    EventTexts.certificate(tlsConfig.key().describe())));
        }
        servingTls = tlsConfig != null;
        handshakes.clear();
        requestedAddress = address.address();
        requestedPort = portInput.port();
        TcpServerOptions options = TcpServerOptions.of(requestedAddress.address(), requestedPort)
                .withReuseAddress(reuseAddress.get())
                .withMaxClients(limit)
                .withSocketSettings(sockets);
        server = new TcpServerSession(options, listener, counters, loop, transports);
        server.setFraming(framing.get());
        return server;
    }

    /**
     * {@code unix:/path} in the address field: a Unix domain stream socket at that path, the port
     * field not read; the socket file is removed on Stop.
     */
    private Session createUnixServer(SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        UnixSockets.Result path = UnixSockets.forListen(bindAddress.get());
        int limit = parseMaxClients(maxClients.get());
        bindError.word(() -> path.valid() ? null : FieldErrors.unixPath(path.problem()));
        portError.set(null);
        maxClientsError.word(() -> limit >= 0 ? null
                : I18n.format("field.maxClients.invalid", I18n.count(MAX_CLIENTS_LIMIT)));
        TlsServerConfig tlsConfig = tls.enabledProperty().get() ? tls.config() : null;
        if (!path.valid() || limit < 0 || tls.enabledProperty().get() && tlsConfig == null) {
            return null;
        }
        servingTls = tlsConfig != null;
        handshakes.clear();
        requestedAddress = null;
        unixPath = path.path();
        TcpServerOptions options = TcpServerOptions.of(java.net.InetAddress.getLoopbackAddress(), 0).withMaxClients(limit);
        server = new TcpServerSession(options, listener, counters, loop,
                tlsConfig != null ? TlsTransports.server(tlsConfig) : Transport.Factory.PLAIN).listenOn(unixPath);
        server.setFraming(framing.get());
        return server;
    }

    /** Clients come and go by the thousand: the table follows the engine's list, not these events. */
    @Override
    protected boolean needsOnFx(SessionEvent event) {
        if (event instanceof SessionEvent.Secured secured) {
            handshakes.put(secured.connection(), secured.handshake());
            handshakesVersion.incrementAndGet();
            clientsJob.wake();
            return false;
        }
        if (event instanceof SessionEvent.Disconnected disconnected) {
            handshakes.remove(disconnected.connection());
        }
        if (event instanceof SessionEvent.Connected || event instanceof SessionEvent.Disconnected) {
            clientsJob.wake();
            return false;
        }
        if (event instanceof SessionEvent.PeerFinished) {
            clientsJob.wake(); // its row says so; the client stays
            return false;
        }
        return true;
    }

    @Override
    protected void onTraffic() {
        clientsJob.wake();
    }

    /** All clients, or the selected ones: every send tool goes where the "Send to" choice says. */
    @Override
    protected SendTargetChoice sendTarget() {
        if (stateProperty().get() != ConnectionState.OPEN || server == null) {
            return SendTargetChoice.none(() -> I18n.text("server.error.notListening"));
        }
        if (recipients.get() == Recipients.SELECTED) {
            if (selected.isEmpty()) {
                return SendTargetChoice.none(() -> I18n.text("server.error.noSelection"));
            }
            return SendTargetChoice.of(server.clients(selected.stream().map(ClientRow::remote).toList()));
        }
        if (server.clientCount() == 0) {
            return SendTargetChoice.none(() -> I18n.text("server.error.noClients"));
        }
        return SendTargetChoice.of(server.allClients());
    }

    /** Resets the selected clients' connections: each gets an RST instead of a FIN. */
    public void resetSelected() {
        if (server != null && !selected.isEmpty()) {
            server.reset(selected.stream().map(ClientRow::remote).toList());
        }
    }

    /** Half-closes the selected clients' connections: our FIN, and we go on receiving from them. */
    public void halfCloseSelected() {
        if (server != null && !selected.isEmpty()) {
            server.halfClose(selected.stream().map(ClientRow::remote).toList());
        }
    }

    /** The socket options panel's model. */
    public SocketOptionsModel socketOptions() {
        return socketOptions;
    }

    @Override
    public void languageChanged() {
        super.languageChanged();
        socketOptions.languageChanged();
    }

    /** Closes the connections of the selected clients. */
    public void disconnectSelected() {
        if (server != null && !selected.isEmpty()) {
            server.disconnect(selected.stream().map(ClientRow::remote).toList());
        }
    }

    /** The number, or 0 for an empty field (no limit), or -1 when it is not 1..MAX_CLIENTS_LIMIT. */
    static int parseMaxClients(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return TcpServerOptions.UNLIMITED;
        }
        if (trimmed.length() > 7 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int limit = Integer.parseInt(trimmed);
        return limit >= 1 && limit <= MAX_CLIENTS_LIMIT ? limit : -1;
    }

    /**
     * The tick's job: shows the engine's client list when its version moved ({@link ClientMembership}),
     * and the byte counts at most twice a second while they move. Idle once nothing moves.
     */
    private long showClients(long nowNanos) {
        TcpServerSession current = server;
        if (current == null) {
            return UiTick.IDLE;
        }
        long membershipDue = membership.follow(current, servingTls, nowNanos);
        long handshakesNow = handshakesVersion.get();
        if (handshakesNow != handshakesShown) {
            handshakesShown = handshakesNow;
            clients.redraw(); // only the visible TLS cells look again
        }
        long countsDue;
        if (nowNanos - countsShownNanos < COUNTS_EVERY_NANOS) {
            countsDue = countsShownNanos + COUNTS_EVERY_NANOS;
        } else {
            countsShownNanos = nowNanos;
            countsDue = clients.refreshCounts() ? nowNanos + COUNTS_EVERY_NANOS : UiTick.IDLE;
        }
        return Math.min(membershipDue, countsDue);
    }

    @Override
    protected void onStateEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Opened opened) {
            listeningAddress.set(Addresses.format(opened.local()));
            becomeOpen();
        } else if (event instanceof SessionEvent.OptionsApplied applied) {
            socketOptions.granted(applied);
        } else if (event instanceof SessionEvent.Failure failure) {
            showListenFailure(failure); // only failures before listening reach the tab: see StateChannel
        }
    }

    @Override
    protected void onClosed() {
        if (!listeningAddress.get().isEmpty()) {
            // Each client's row says it was stopped; with none connected this row is all the log shows.
            traffic().log().note(LogEntry.Kind.INFO, I18n.format("server.stopped", listeningAddress.get()));
        }
        clients.clear();
        membership.clear();
        handshakes.clear();
        listeningAddress.set("");
        server = null;
    }

    /** A failed listen is about what was typed: say so at the field to change, not only in the log. */
    private void showListenFailure(SessionEvent.Failure failure) {
        if (unixPath != null) {
            String socket = UnixSockets.SCHEME + unixPath;
            switch (failure.kind()) {
                case PORT_IN_USE -> bindError.word(() -> I18n.format("field.unix.inUse", socket));
                case PERMISSION_DENIED -> bindError.word(() -> FieldErrors.unixPath(UnixSockets.Problem.NO_PERMISSION));
                default -> { }
            }
            return;
        }
        String portText = Integer.toString(requestedPort); // no digit grouping in a port
        String literal = requestedAddress.literal(); // the address of this attempt, not of a later one
        switch (failure.kind()) {
            case PORT_IN_USE -> portError.word(() -> I18n.format("server.error.portInUse", portText, literal));
            case PERMISSION_DENIED -> portError.word(() -> I18n.format("server.error.permission", portText));
            case ADDRESS_NOT_AVAILABLE -> bindError.word(() -> I18n.format("server.error.addressNotAvailable",
                    literal));
            default -> { } // not about a field: the log shows it with the system's words
        }
    }

    @Override
    protected String statusText(ConnectionState now) {
        return switch (now) {
            case IDLE -> I18n.text("server.state.idle");
            case OPENING -> I18n.format("server.state.opening", unixPath != null ? UnixSockets.SCHEME + unixPath
                    : requestedAddress == null ? ""
                    : Addresses.format(new InetSocketAddress(requestedAddress.address(), requestedPort)));
            // On a wildcard, say who can reach it: every device on the network, not this computer only.
            case OPEN -> withTls(I18n.format(listensOnAllInterfaces() ? "server.state.listeningAll"
                    : "server.state.listening", listeningAddress.get(), clients.rows().size()));
            case CLOSING -> I18n.text("server.state.closing");
        };
    }

    private String withTls(String status) {
        return servingTls ? I18n.format("server.state.tls", status) : status;
    }

    private boolean listensOnAllInterfaces() {
        return requestedAddress != null && requestedAddress.address().isAnyLocalAddress();
    }

    public StringProperty bindAddressProperty() {
        return bindAddress;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty maxClientsProperty() {
        return maxClients;
    }

    public BooleanProperty reuseAddressProperty() {
        return reuseAddress;
    }

    /**
     * The TLS switch and the two fields a certificate needs, as the TLS section binds them: what
     * outside code (benchmarks, scripts) sets to make the next Listen a TLS server. The rest of the
     * section (client certificates, ALPN, versions) stays the view's.
     */
    public BooleanProperty tlsEnabledProperty() {
        return tls.enabledProperty();
    }

    /** The certificate file (PKCS#12 or PEM) the next TLS Listen presents. */
    public StringProperty tlsCertificateProperty() {
        return tls.certificateProperty();
    }

    /** Its PEM private key file, when the key is not in the certificate file; "" otherwise. */
    public StringProperty tlsKeyProperty() {
        return tls.keyProperty();
    }

    public ReadOnlyStringProperty bindErrorProperty() {
        return bindError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maxClientsErrorProperty() {
        return maxClientsError.getReadOnlyProperty();
    }

    /** The address listened on, with the port the system picked; "" when not listening. */
    public ReadOnlyStringProperty listeningAddressProperty() {
        return listeningAddress.getReadOnlyProperty();
    }

    public ObjectProperty<Recipients> recipientsProperty() {
        return recipients;
    }

    /** The connected clients, in arrival order; read-only. */
    public ObservableList<ClientRow> clients() {
        return clients.rows();
    }

    /**
     * Puts the client table in {@code order} (null: arrival), off the FX thread when big, as the
     * user chose it by {@code columns}. The same choice again sorts nothing: a view built again
     * (a language switch) shows the choice in its header and finds the rows already in order.
     */
    void sortClients(List<ColumnSort> columns, Comparator<ClientRow> order) {
        if (columns.equals(clientSort)) {
            return;
        }
        clientSort = List.copyOf(columns);
        clients.sortBy(order);
    }

    /** The columns the client table is sorted by, first first; empty for arrival order. */
    List<ColumnSort> clientSort() {
        return clientSort;
    }

    /** Bumped when the clients' byte counts moved. */
    ReadOnlyLongProperty countsRevisionProperty() {
        return clients.countsRevisionProperty();
    }

    /** The clients selected in the table; the view keeps it in step with the table's selection. */
    public ObservableList<ClientRow> selectedClients() {
        return selected;
    }

    /** "3 connected · 1 selected". */
    public StringBinding clientSummary() {
        return clientSummary;
    }

    @Override
    public String settingsKey() {
        return "tcpServer";
    }

    @Override
    public PersistedFields persisted() {
        return new PersistedFields()
                .text("bind", bindAddress)
                .text("port", port)
                .text("maxClients", maxClients)
                .flag("reuseAddress", reuseAddress)
                .choice("recipients", recipients, Recipients.class)
                .named("framing", framing, FramingText::format, FramingText::parse)
                .nested("tls", tls.persisted())
                .nested("socketOptions", socketOptions.persisted())
                .include(traffic().persisted());
    }

    /** Where the "Generate self-signed" dialog makes and writes its files, one generation at a time. */
    FileJobs.Slot selfSignedWorker() {
        return selfSignedWorker;
    }

    /** The tab goes: a certificate being generated is given up, unheard (its file is still written whole). */
    @Override
    public void shutdown() {
        tlsFiles.shutdown();
        super.shutdown();
    }

    /** Fills the TLS fields with a certificate just generated, and logs what it is. */
    void useGenerated(SelfSignedModel.Generated made) {
        tls.useGenerated(made.certificate(), made.key(), made.password());
        String files = made.key() == null ? made.certificate().toString() : made.certificate() + ", " + made.key();
        traffic().log().note(LogEntry.Kind.INFO, I18n.format("server.tls.generated", files,
                EventTexts.certificate(made.described())));
    }

    /** The TLS fields: what the server presents, and what it asks of its clients. */
    ServerTls tls() {
        return tls;
    }

    /** How received bytes are cut into rows, per client; a change applies to the live clients too. */
    public ObjectProperty<Framing> framingProperty() {
        return framing;
    }
}
