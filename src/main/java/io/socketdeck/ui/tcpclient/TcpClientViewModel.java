package io.socketdeck.ui.tcpclient;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.framing.FramingText;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpSocketSettings;
import io.socketdeck.core.tls.TlsClientConfig;
import io.socketdeck.core.tls.TlsTransports;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.options.SocketOptionsModel;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.ConnectionTabModel;
import io.socketdeck.ui.tab.TabContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The TCP client tab: checks what was typed and builds a {@link TcpClientSession} from it; the
 * shared {@link ConnectionTabModel} runs it and follows its state.
 */
public final class TcpClientViewModel extends ConnectionTabModel {

    static final long MAX_TIMEOUT_MILLIS = 600_000;

    private final StringProperty host = new SimpleStringProperty(this, "host", "127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout",
            Long.toString(TcpClientOptions.DEFAULT_CONNECT_TIMEOUT.toMillis()));
    private final WordedText hostError = new WordedText(this, "hostError");
    private final WordedText timeoutError = new WordedText(this, "timeoutError");
    private final WordedText portError = new WordedText(this, "portError");
    private final ReadOnlyStringWrapper localAddress = new ReadOnlyStringWrapper(this, "localAddress", "");
    private final ReadOnlyBooleanWrapper peerFinished = new ReadOnlyBooleanWrapper(this, "peerFinished");
    /** We half-closed: the connection only receives now. */
    private final ReadOnlyBooleanWrapper halfClosed = new ReadOnlyBooleanWrapper(this, "halfClosed");
    private final SocketOptionsModel socketOptions = new SocketOptionsModel(SocketOptionsModel.Kind.CLIENT);
    private final TlsClientFields tls = new TlsClientFields();
    private final TlsPeerState tlsPeer = new TlsPeerState(tls);
    private final BooleanBinding insecure = tls.enabledProperty().and(tls.insecureProperty());
    /** The current connection speaks TLS: it opens on Secured, not on Connected. */
    private boolean tlsSession;
    /** Connected, the TLS handshake under way. */
    private boolean handshaking;
    private TcpClientSession client;
    private final ObjectProperty<Framing> framing = new SimpleObjectProperty<>(this, "framing", Framing.AsRead.INSTANCE);
    private String target = "";
    private final ClientReconnect reconnect;
    /** The user asked for the end (Disconnect, Cancel): no reconnect follows it. */
    private boolean userClosed;
    /** The server's certificate was refused: trying again would only be refused again. */
    private boolean certificateRefused;
    /** Auto-reconnect's attempt is being made: nobody asked for it, so nothing may ask the user. */
    private boolean unattended;
    private Function<String, Optional<QuickCommand>> quickCommands = name -> Optional.empty();

    public TcpClientViewModel(TabContext context) {
        super(context, false, false);
        // Taken up by the live connections at once: what they had begun to hold is shown, not lost.
        framing.addListener((obs, old, now) -> {
            if (client != null) {
                client.setFraming(now);
            }
        });
        host.addListener((obs, old, now) -> hostError.set(null));
        port.addListener((obs, old, now) -> portError.set(null));
        connectTimeout.addListener((obs, old, now) -> timeoutError.set(null));
        insecure.addListener((obs, old, now) -> updateStatus());
        socketOptions.setApplier(() -> {
            var settings = socketOptions.tcpSettings();
            if (client != null && settings != null) {
                client.applyOptions(settings);
            }
        });
        stateProperty().addListener((obs, old, now) -> {
            socketOptions.setLive(now == ConnectionState.OPEN);
            if (now == ConnectionState.IDLE) {
                socketOptions.clearGranted(); // sizes and warnings of a socket that is gone
            }
        });
        reconnect = new ClientReconnect(context.tick(), traffic().timeline(), System::nanoTime, this::reconnectAttempt);
        reconnect.statusProperty().addListener((obs, old, now) -> updateStatus());
        updateStatus();
    }

    /** Connect when idle, otherwise disconnect (or cancel a connect under way). */
    public void toggleConnection() {
        if (reconnect.pendingProperty().get()) {
            reconnect.cancel(); // the button reads Cancel during a countdown
            return;
        }
        if (stateProperty().get() != ConnectionState.IDLE) {
            userClosed = true;
        }
        toggle();
    }

    /** Connects now; a planned reconnect is dropped for it. */
    public boolean connect() {
        reconnect.cancel();
        return open();
    }

    /**
     * Auto-reconnect's attempt. It runs on the window's tick, inside a pulse where no dialog may
     * open, and often with nobody at the screen: a password still needed is not asked. When the
     * attempt cannot start, reconnecting stops and the log says so; the field's message says why.
     */
    private boolean reconnectAttempt() {
        unattended = true;
        boolean started;
        try {
            started = open();
        } finally {
            unattended = false;
        }
        if (!started) {
            traffic().log().note(LogEntry.Kind.ERROR, I18n.format("client.reconnect.stopped", reconnect.attempt()));
        }
        return started;
    }

    public void disconnect() {
        userClosed = true;
        reconnect.cancel();
        close();
    }

    @Override
    protected Session createSession(SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        if (UnixSockets.isUnixHost(host.get())) {
            return createUnixSession(listener, counters, loop);
        }
        HostInput.Result hostInput = HostInput.parse(host.get());
        PortInput.Result portInput = PortInput.parse(port.get(), false);
        long timeoutMillis = Numbers.parse(connectTimeout.get(), 1, MAX_TIMEOUT_MILLIS);
        hostError.word(() -> hostInput.valid() ? null : FieldErrors.host(hostInput.problem()));
        portError.word(() -> portInput.valid() ? null : FieldErrors.port(portInput.problem(), false));
        timeoutError.word(() -> timeoutMillis > 0 ? null : I18n.format("field.timeout.invalid", MAX_TIMEOUT_MILLIS));
        // The TLS fields are checked even when the others are wrong: every message shows at once.
        TlsClientConfig tlsConfig = tls.enabledProperty().get() ? tls.build(!unattended) : null;
        TcpSocketSettings sockets = socketOptions.tcpSettings();
        Optional<InetSocketAddress> local = socketOptions.localBind();
        boolean reconnectValid = reconnect.check();
        if (!hostInput.valid() || !portInput.valid() || timeoutMillis <= 0
                || tls.enabledProperty().get() && tlsConfig == null || sockets == null || local.isEmpty()
                || !reconnectValid) {
            return null;
        }
        userClosed = false;
        certificateRefused = false;
        TcpClientOptions options = TcpClientOptions.of(hostInput.host(), portInput.port())
                .withConnectTimeout(Duration.ofMillis(timeoutMillis)).withSocketSettings(sockets)
                .withLocalAddress(local.get() == SocketOptionsModel.ANY ? null : local.get());
        if (reconnect.enabledProperty().get()) {
            // A server that stops sends a FIN: with reconnecting on, that is the loss to recover
            // from, not a peer waiting for an answer typed by hand (the linger's purpose).
            options = options.withHalfCloseLinger(Duration.ZERO);
        }
        target = hostInput.host().contains(":") ? "[" + hostInput.host() + "]:" + portInput.port()
                : hostInput.host() + ":" + portInput.port();
        tlsSession = tlsConfig != null;
        handshaking = false;
        tlsPeer.connecting();
        client = tlsSession
                ? new TcpClientSession(options, listener, counters, loop,
                        TlsTransports.client(tlsConfig, hostInput.host(), portInput.port()))
                : new TcpClientSession(options, listener, counters, loop);
        client.setFraming(framing.get());
        return client;
    }

    /** {@code unix:/path}: a Unix domain stream socket; no port, no TLS. */
    private Session createUnixSession(SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        UnixSockets.Result path = UnixSockets.forConnect(host.get());
        long timeoutMillis = Numbers.parse(connectTimeout.get(), 1, MAX_TIMEOUT_MILLIS);
        boolean tlsOn = tls.enabledProperty().get();
        hostError.word(() -> !path.valid() ? FieldErrors.unixPath(path.problem())
                : tlsOn ? I18n.text("field.unix.noTls") : null);
        portError.set(null); // a socket has no port: the field is not read
        timeoutError.word(() -> timeoutMillis > 0 ? null : I18n.format("field.timeout.invalid", MAX_TIMEOUT_MILLIS));
        boolean reconnectValid = reconnect.check();
        if (!path.valid() || tlsOn || timeoutMillis <= 0 || !reconnectValid) {
            return null;
        }
        userClosed = false;
        certificateRefused = false;
        target = UnixSockets.SCHEME + path.path();
        TcpClientOptions options = TcpClientOptions.of(target, 0).withConnectTimeout(Duration.ofMillis(timeoutMillis));
        if (reconnect.enabledProperty().get()) {
            options = options.withHalfCloseLinger(Duration.ZERO); // as for TCP, see createSession
        }
        tlsSession = false;
        handshaking = false;
        client = new TcpClientSession(options, listener, counters, loop);
        client.setFraming(framing.get());
        return client;
    }

    @Override
    protected SendTargetChoice sendTarget() {
        if (stateProperty().get() != ConnectionState.OPEN || client == null) {
            return SendTargetChoice.none(() -> I18n.text("send.error.notConnected"));
        }
        return SendTargetChoice.of(client);
    }

    @Override
    protected void onStateEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Connected connected) {
            localAddress.set(Addresses.format(connected.local()));
            target = Addresses.format(connected.remote());
            if (tlsSession) {
                handshaking = true; // open once the handshake has verified the server
                updateStatus();
            } else {
                becomeOpenAndGreet();
            }
        } else if (event instanceof SessionEvent.Secured secured) {
            handshaking = false;
            tlsPeer.secured(secured.handshake());
            becomeOpenAndGreet();
        } else if (event instanceof SessionEvent.Failure failure && !failure.peerChain().isEmpty()) {
            certificateRefused = true;
            tlsPeer.refused(failure);
        } else if (event instanceof SessionEvent.PeerFinished) {
            peerFinished.set(true); // still connected, and Send still works: the status says so
            updateStatus();
        } else if (event instanceof SessionEvent.HalfClosed) {
            halfClosed.set(true); // we still receive: the status says so
            updateStatus();
        } else if (event instanceof SessionEvent.OptionsApplied applied) {
            socketOptions.granted(applied);
        }
    }

    /** Open; the chosen quick command (a login line) goes first, on every connect and reconnect. */
    private void becomeOpenAndGreet() {
        becomeOpen();
        reconnect.connected();
        String name = reconnect.onConnectCommandProperty().get();
        if (name != null && !name.isEmpty()) {
            quickCommands.apply(name).ifPresent(command -> traffic().sendTools().send(command));
        }
    }

    @Override
    protected void afterClosed(CloseReason reason) {
        reconnect.ended(reason, userClosed || certificateRefused);
        userClosed = false;
    }

    /** Where the on-connect command is found by its name: the window's quick commands. */
    void useQuickCommands(Function<String, Optional<QuickCommand>> byName) {
        quickCommands = byName;
    }

    /** Auto-reconnect: its settings, countdown and cancel. */
    ClientReconnect reconnect() {
        return reconnect;
    }

    @Override
    protected void onClosed() {
        localAddress.set("");
        peerFinished.set(false);
        halfClosed.set(false);
        handshaking = false;
        client = null;
    }

    /**
     * True while connected after the peer finished sending (its end of stream): it will send
     * nothing more, and may be waiting for our answer. Disconnect closes the connection.
     */
    public ReadOnlyBooleanProperty peerFinishedProperty() {
        return peerFinished.getReadOnlyProperty();
    }

    @Override
    protected String statusText(ConnectionState now) {
        String text = switch (now) {
            case IDLE -> reconnect.pendingProperty().get() ? I18n.format("client.state.reconnecting",
                    reconnect.statusProperty().get()) : I18n.text("client.state.idle");
            case OPENING -> handshaking ? I18n.format("client.state.handshaking", target)
                    : I18n.format("client.state.connecting", target);
            case OPEN -> openText();
            case CLOSING -> I18n.text("client.state.closing");
        };
        // Said in every state, beside the red: this is not the security it looks like.
        return insecure.get() ? text + I18n.text("client.state.insecure") : text;
    }

    /** Resets the connection: an RST instead of a FIN (SO_LINGER 0, then close). */
    public void reset() {
        if (client != null) {
            client.reset();
        }
    }

    /** Half-closes the connection: our FIN goes out, and we go on receiving. */
    public void halfClose() {
        if (client != null) {
            client.halfClose();
        }
    }

    /** True once we half-closed the connection: it only receives now. */
    public ReadOnlyBooleanProperty halfClosedProperty() {
        return halfClosed.getReadOnlyProperty();
    }

    /** The socket options panel's model. */
    public SocketOptionsModel socketOptions() {
        return socketOptions;
    }

    private String openText() {
        if (halfClosed.get()) {
            return I18n.format("end.state.halfClosed", localAddress.get(), target);
        }
        TlsHandshake agreed = tlsPeer.handshakeProperty().get();
        if (peerFinished.get() || !tlsSession || agreed == null) {
            return I18n.format(peerFinished.get() ? "client.state.peerFinished" : "client.state.connected",
                    localAddress.get(), target);
        }
        return I18n.format("client.state.secured", localAddress.get(), target, agreed.protocol().replace("TLSv", "TLS "),
                agreed.cipherSuite(), I18n.text("client.tls.trust." + agreed.trustedBy().name()));
    }

    @Override
    public void shutdown() {
        reconnect.stop(); // first: the session's close must not plan an attempt on closed loops
        super.shutdown();
    }

    @Override
    public void languageChanged() {
        super.languageChanged();
        tlsPeer.languageChanged();
        socketOptions.languageChanged();
        reconnect.languageChanged();
    }

    @Override
    public ObservableBooleanValue insecureProperty() {
        return insecure;
    }

    /** The TLS settings: the switch, the fields and their messages. */
    public TlsClientFields tls() {
        return tls;
    }

    /** The TLS peer: last handshake, last chain, and the offer to trust a refused certificate. */
    public TlsPeerState tlsPeer() {
        return tlsPeer;
    }

    @Override
    public String settingsKey() {
        return "tcpClient";
    }

    @Override
    public PersistedFields persisted() {
        return new PersistedFields()
                .text("host", host)
                .text("port", port)
                .text("connectTimeout", connectTimeout)
                .named("framing", framing, FramingText::format, FramingText::parse)
                .nested("tls", tls.persisted())
                .nested("socketOptions", socketOptions.persisted())
                .nested("reconnect", reconnect.persisted())
                .include(traffic().persisted());
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    public ReadOnlyStringProperty timeoutErrorProperty() {
        return timeoutError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostErrorProperty() {
        return hostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty localAddressProperty() {
        return localAddress.getReadOnlyProperty();
    }

    /** How received bytes are cut into rows; a change applies to the live connection too. */
    public ObjectProperty<Framing> framingProperty() {
        return framing;
    }
}
