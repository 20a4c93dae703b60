package io.socketdeck.ui.udp;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.MulticastInterfaces;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.core.udp.UdpTarget;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.log.CountersModel;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.fx.IoWorkers;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.ui.capture.CaptureModel;
import io.socketdeck.ui.tab.ThroughputModel;
import io.socketdeck.ui.send.SendModel;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.tab.TabTraffic;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.tab.SessionTab;
import io.socketdeck.ui.tab.SessionTask;
import io.socketdeck.ui.log.TrafficLog;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The UDP tab: checks what was typed, runs a {@link UdpSession} on a background task, and follows
 * its events (through the log's pump, in order) to show the socket's state. Where Send goes lives
 * in {@link UdpRemoteModel}, multicast in {@link UdpMulticastModel}.
 */
public final class UdpViewModel implements SessionTab {

    private final StringProperty bindHost = new SimpleStringProperty(this, "bindHost", "0.0.0.0");
    private final StringProperty bindPort = new SimpleStringProperty(this, "bindPort", "");
    private final BooleanProperty connectToRemote = new SimpleBooleanProperty(this, "connectToRemote");
    private final ReadOnlyStringWrapper bindHostError = new ReadOnlyStringWrapper(this, "bindHostError");
    private final ReadOnlyStringWrapper bindPortError = new ReadOnlyStringWrapper(this, "bindPortError");
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper localAddress = new ReadOnlyStringWrapper(this, "localAddress", "");

    private final TabTraffic traffic = new TabTraffic(this::sendTarget, true);
    private final TrafficLog log = traffic.log();
    private final UdpRemoteModel remote = new UdpRemoteModel();
    private final UdpMulticastModel multicast = new UdpMulticastModel(MulticastInterfaces.list());
    private SessionTask task;
    private UdpSession session;
    private String opening = "";
    private String connectedTo = "";

    public UdpViewModel() {
        bindHost.addListener((obs, old, now) -> bindHostError.set(null));
        bindPort.addListener((obs, old, now) -> bindPortError.set(null));
        // A connected socket hears its remote only: replying to "the last sender" means nothing there.
        connectToRemote.addListener((obs, old, on) -> {
            if (on) {
                remote.replyToSenderProperty().set(false);
            }
        });
        log.addControlListener(this::onControlEvent);
        log.revisionProperty().addListener((obs, old, now) -> onLogBatch());
        multicast.ttlProperty().addListener((obs, old, now) -> applyTtl());
        multicast.loopbackProperty().addListener((obs, old, on) -> {
            if (isOpen()) {
                session.setMulticastLoop(on);
            }
        });
        state.addListener((obs, old, now) -> updateStatus());
        updateStatus();
    }

    /** Open when closed, otherwise close. */
    public void toggleOpen() {
        if (state.get() == ConnectionState.IDLE) {
            open();
        } else {
            close();
        }
    }

    public boolean open() {
        if (state.get() != ConnectionState.IDLE) {
            return false;
        }
        BindAddress.Parsed address = BindAddress.parse(bindHost.get());
        // An empty port is the common case, "unbound": the system picks one.
        String portText = bindPort.get() == null || bindPort.get().isBlank() ? "0" : bindPort.get();
        PortInput.Result port = PortInput.parse(portText, true);
        bindHostError.set(address.valid() ? null : BindAddressChoices.problem(address.problem()));
        bindPortError.set(port.valid() ? null : FieldErrors.port(port.problem(), true));
        int ttl = multicast.parseTtl();
        Optional<UdpTarget> connectTo = connectToRemote.get() ? remote.typedTarget() : Optional.empty();
        if (!address.valid() || !port.valid() || ttl < 0 || connectToRemote.get() && connectTo.isEmpty()) {
            return false;
        }
        UdpOptions options = UdpOptions.bind(address.address().address(), port.port())
                .withMulticast(ttl, multicast.loopbackProperty().get());
        if (connectTo.isPresent()) {
            options = options.withConnectTo(connectTo.get());
        }
        opening = address.address().isIpv6() ? "[" + address.address().literal() + "]" : address.address().literal();
        opening += port.port() == 0 ? "" : ":" + port.port();
        session = new UdpSession(options, traffic.newSessionListener(), traffic.engineCounters());
        task = new SessionTask(session);
        state.set(ConnectionState.OPENING);
        IoWorkers.run(task);
        return true;
    }

    public void close() {
        if (task != null && state.get() != ConnectionState.IDLE) {
            state.set(ConnectionState.CLOSING);
            task.cancel();
        }
    }

    @Override
    public String settingsKey() {
        return "udp";
    }

    @Override
    public PersistedFields persisted() {
        return new PersistedFields()
                .text("bindHost", bindHost)
                .text("bindPort", bindPort)
                .flag("connect", connectToRemote)
                .text("remoteHost", remote.hostProperty())
                .text("remotePort", remote.portProperty())
                .text("multicastGroup", multicast.groupProperty())
                .text("multicastTtl", multicast.ttlProperty())
                .flag("multicastLoopback", multicast.loopbackProperty())
                .include(traffic.persisted());
    }

    /** Sends the send box's content as one datagram; problems are shown at the fields. */
    public boolean send() {
        return traffic.sendTools().send();
    }

    /** Where a datagram goes now: the connected remote, or the typed (or last sender's) host:port. */
    private SendTargetChoice sendTarget() {
        if (!isOpen()) {
            return SendTargetChoice.none(I18n.text("udp.error.notOpen"));
        }
        if (connectToRemote.get()) {
            return SendTargetChoice.of(session.target(null)); // a connected socket sends to its remote only
        }
        String[] problem = new String[1];
        return remote.target(session::reaches, localAddress.get(), message -> problem[0] = message)
                .map(target -> SendTargetChoice.of(session.target(target)))
                .orElseGet(() -> SendTargetChoice.none(problem[0]));
    }

    /** Joins the typed group on the chosen interface, or leaves it. */
    public boolean toggleJoin() {
        return multicast.toggle(isOpen() ? session : null, this::reaches, localAddress.get());
    }

    @Override
    public void shutdown() {
        traffic.shutdown();
        if (task != null) {
            task.cancel();
        }
    }

    private boolean isOpen() {
        return state.get() == ConnectionState.OPEN && session != null;
    }

    private boolean reaches(InetAddress address) {
        return session != null && session.reaches(address);
    }

    private void applyTtl() {
        if (isOpen()) {
            int ttl = multicast.parseTtl();
            if (ttl >= 0) {
                session.setMulticastTtl(ttl);
            }
        }
    }

    private void onLogBatch() {
        if (session != null) {
            remote.follow(session.senders());
        }
    }

    private void onControlEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Opened opened) {
            becomeOpen(Addresses.format(opened.local()), "");
        } else if (event instanceof SessionEvent.Connected connected) {
            becomeOpen(Addresses.format(connected.local()), Addresses.format(connected.remote()));
        } else if (event instanceof SessionEvent.MulticastJoined joined) {
            multicast.onJoined(joined.group(), joined.interfaceName());
        } else if (event instanceof SessionEvent.MulticastLeft left) {
            multicast.onLeft(left.group(), left.interfaceName());
        } else if (event instanceof SessionEvent.Closed) {
            localAddress.set("");
            connectedTo = "";
            multicast.forgetMemberships();
            task = null;
            session = null;
            state.set(ConnectionState.IDLE);
        }
    }

    private void becomeOpen(String local, String remoteAddress) {
        localAddress.set(local);
        connectedTo = remoteAddress;
        if (state.get() == ConnectionState.OPENING) {
            state.set(ConnectionState.OPEN);
        }
        updateStatus();
    }

    private void updateStatus() {
        status.set(switch (state.get()) {
            case IDLE -> I18n.text("udp.state.idle");
            case OPENING -> I18n.format("udp.state.opening", opening);
            case OPEN -> connectedTo.isEmpty() ? I18n.format("udp.state.open", localAddress.get())
                    : I18n.format("udp.state.connected", localAddress.get(), connectedTo);
            case CLOSING -> I18n.text("udp.state.closing");
        });
    }

    public StringProperty bindHostProperty() {
        return bindHost;
    }

    public StringProperty bindPortProperty() {
        return bindPort;
    }

    /** Connect the socket to the remote at Open, to learn of ICMP errors (see {@link UdpSession}). */
    public BooleanProperty connectToRemoteProperty() {
        return connectToRemote;
    }

    public ReadOnlyStringProperty bindHostErrorProperty() {
        return bindHostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bindPortErrorProperty() {
        return bindPortError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The bound address with the port the system picked, e.g. {@code 0.0.0.0:50123}; "" while closed. */
    public ReadOnlyStringProperty localAddressProperty() {
        return localAddress.getReadOnlyProperty();
    }

    public UdpRemoteModel remote() {
        return remote;
    }

    public UdpMulticastModel multicast() {
        return multicast;
    }

    @Override
    public TabTraffic traffic() {
        return traffic;
    }
}
