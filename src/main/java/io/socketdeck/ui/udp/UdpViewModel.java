package io.socketdeck.ui.udp;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.MulticastInterfaces;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.core.udp.UdpTarget;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.options.SocketOptionsModel;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.ConnectionTabModel;
import io.socketdeck.ui.tab.TabContext;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The UDP tab: checks what was typed and builds a {@link UdpSession} from it; the shared
 * {@link ConnectionTabModel} runs it and follows its state. Where Send goes lives in
 * {@link UdpRemoteModel}, multicast in {@link UdpMulticastModel}; who sent last is followed on
 * the window's tick when datagrams arrive.
 */
public final class UdpViewModel extends ConnectionTabModel {

    private final StringProperty bindHost = new SimpleStringProperty(this, "bindHost", "0.0.0.0");
    private final StringProperty bindPort = new SimpleStringProperty(this, "bindPort", "");
    private final BooleanProperty connectToRemote = new SimpleBooleanProperty(this, "connectToRemote");
    private final WordedText bindHostError = new WordedText(this, "bindHostError");
    private final WordedText bindPortError = new WordedText(this, "bindPortError");
    private final ReadOnlyStringWrapper localAddress = new ReadOnlyStringWrapper(this, "localAddress", "");
    private final UdpRemoteModel remote = new UdpRemoteModel();
    private final UdpMulticastModel multicast = new UdpMulticastModel(MulticastInterfaces.list());
    private final UiTick.Handle senderJob;
    private UdpSession udp;
    private String opening = "";
    /** The socket was bound to a wildcard: every device on the network can send to it. */
    private boolean allInterfaces;
    private String connectedTo = "";

    private final SocketOptionsModel socketOptions = new SocketOptionsModel(SocketOptionsModel.Kind.UDP);

    public UdpViewModel(TabContext context) {
        super(context, true, false);
        socketOptions.setApplier(() -> {
            SocketOptionSet set = socketOptions.others();
            if (udp != null && set != null) {
                udp.applyOptions(set);
            }
        });
        stateProperty().addListener((obs, old, now) -> {
            socketOptions.setLive(now == ConnectionState.OPEN);
            if (now == ConnectionState.IDLE) {
                socketOptions.clearGranted(); // sizes and warnings of a socket that is gone
            }
        });
        bindHost.addListener((obs, old, now) -> bindHostError.set(null));
        bindPort.addListener((obs, old, now) -> bindPortError.set(null));
        // A connected socket hears its remote only: replying to "the last sender" means nothing there.
        connectToRemote.addListener((obs, old, on) -> {
            if (on) {
                remote.replyToSenderProperty().set(false);
            }
        });
        // Someone to reply to, or another way of choosing the target: "nobody has sent yet" may no longer hold.
        remote.lastSenderProperty().addListener((obs, old, now) -> traffic().sendTools().targetChanged());
        remote.replyToSenderProperty().addListener((obs, old, now) -> traffic().sendTools().targetChanged());
        multicast.ttlProperty().addListener((obs, old, now) -> applyTtl());
        multicast.loopbackProperty().addListener((obs, old, on) -> {
            if (isOpen()) {
                udp.setMulticastLoop(on);
            }
        });
        senderJob = context.tick().add(now -> {
            if (udp != null) {
                remote.follow(udp.senders());
            }
            return UiTick.IDLE;
        });
        updateStatus();
    }

    /** Open when closed, otherwise close. */
    public void toggleOpen() {
        toggle();
    }

    @Override
    protected Session createSession(SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        BindAddress.Parsed address = BindAddress.parse(bindHost.get());
        // An empty port is the common case, "unbound": the system picks one.
        String portText = bindPort.get() == null || bindPort.get().isBlank() ? "0" : bindPort.get();
        PortInput.Result port = PortInput.parse(portText, true);
        bindHostError.word(() -> address.valid() ? null : BindAddressChoices.problem(address.problem()));
        bindPortError.word(() -> port.valid() ? null : FieldErrors.port(port.problem(), true));
        int ttl = multicast.ttlForOpen();
        Optional<UdpTarget> connectTo = connectToRemote.get() ? remote.typedTarget() : Optional.empty();
        SocketOptionSet socketSet = socketOptions.others();
        if (!address.valid() || !port.valid() || ttl < 0 || connectToRemote.get() && connectTo.isEmpty()
                || socketSet == null) {
            return null;
        }
        UdpOptions options = UdpOptions.bind(address.address().address(), port.port())
                .withMulticast(ttl, multicast.loopbackProperty().get()).withSocketOptions(socketSet);
        if (connectTo.isPresent()) {
            options = options.withConnectTo(connectTo.get());
        }
        opening = address.address().isIpv6() ? "[" + address.address().literal() + "]" : address.address().literal();
        opening += port.port() == 0 ? "" : ":" + port.port();
        allInterfaces = address.address().address().isAnyLocalAddress();
        udp = new UdpSession(options, listener, counters, loop);
        return udp;
    }

    @Override
    protected void onTraffic() {
        senderJob.wake();
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
                .flag("multicastShown", multicast.shownProperty())
                .nested("socketOptions", socketOptions.persisted())
                .include(traffic().persisted());
    }

    /** Where a datagram goes now: the connected remote, or the typed (or last sender's) host:port. */
    @Override
    protected SendTargetChoice sendTarget() {
        if (!isOpen()) {
            return SendTargetChoice.none(() -> I18n.text("udp.error.notOpen"));
        }
        if (connectToRemote.get()) {
            return SendTargetChoice.of(udp.target(null)); // a connected socket sends to its remote only
        }
        AtomicReference<Supplier<String>> problem = new AtomicReference<>(); // none: a field shows it
        return remote.target(udp::reaches, localAddress.get(), problem::set)
                .map(target -> SendTargetChoice.of(udp.target(target)))
                .orElseGet(() -> SendTargetChoice.none(problem.get()));
    }

    /** Joins the typed group on the chosen interface, or leaves it. */
    public boolean toggleJoin() {
        return multicast.toggle(isOpen() ? udp : null, this::reaches, localAddress.get());
    }

    private boolean isOpen() {
        return stateProperty().get() == ConnectionState.OPEN && udp != null;
    }

    private boolean reaches(InetAddress address) {
        return udp != null && udp.reaches(address);
    }

    private void applyTtl() {
        if (isOpen()) {
            int ttl = multicast.parseTtl();
            if (ttl >= 0) {
                udp.setMulticastTtl(ttl);
            }
        }
    }

    @Override
    protected void onStateEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Opened opened) {
            showOpen(Addresses.format(opened.local()), "");
        } else if (event instanceof SessionEvent.Connected connected) {
            showOpen(Addresses.format(connected.local()), Addresses.format(connected.remote()));
        } else if (event instanceof SessionEvent.OptionsApplied applied) {
            socketOptions.granted(applied);
        } else if (event instanceof SessionEvent.MulticastJoined joined) {
            multicast.onJoined(joined.group(), joined.interfaceName());
        } else if (event instanceof SessionEvent.MulticastLeft left) {
            multicast.onLeft(left.group(), left.interfaceName());
        }
    }

    @Override
    public void languageChanged() {
        super.languageChanged();
        socketOptions.languageChanged();
    }

    /** The socket options panel's model. */
    public SocketOptionsModel socketOptions() {
        return socketOptions;
    }

    @Override
    protected void onClosed() {
        remote.follow(udp.senders()); // whoever sent last before the socket closed
        localAddress.set("");
        connectedTo = "";
        multicast.forgetMemberships();
        udp = null;
    }

    private void showOpen(String local, String remoteAddress) {
        localAddress.set(local);
        connectedTo = remoteAddress;
        becomeOpen();
    }

    @Override
    protected String statusText(ConnectionState now) {
        return switch (now) {
            case IDLE -> I18n.text("udp.state.idle");
            case OPENING -> I18n.format("udp.state.opening", opening);
            // On a wildcard, say who can reach it: every device on the network, not this computer only.
            case OPEN -> connectedTo.isEmpty()
                    ? I18n.format(allInterfaces ? "udp.state.openAll" : "udp.state.open", localAddress.get())
                    : I18n.format(allInterfaces ? "udp.state.connectedAll" : "udp.state.connected",
                            localAddress.get(), connectedTo);
            case CLOSING -> I18n.text("udp.state.closing");
        };
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
}
