package io.socketdeck.ui.udp;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.udp.SenderHistory;
import io.socketdeck.core.udp.UdpTarget;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.WordedText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where Send goes: the typed remote, or whoever sent last, and the recent senders to pick from.
 * The remote fields always show the target, also in reply mode, so what the user sees is where
 * the datagram goes. FX thread.
 */
public final class UdpRemoteModel {

    private final StringProperty host = new SimpleStringProperty(this, "host", "127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final BooleanProperty replyToSender = new SimpleBooleanProperty(this, "replyToSender");
    private final WordedText hostError = new WordedText(this, "hostError");
    private final WordedText portError = new WordedText(this, "portError");
    private final ReadOnlyObjectWrapper<InetSocketAddress> lastSender = new ReadOnlyObjectWrapper<>(this, "lastSender");
    private final ObservableList<InetSocketAddress> recentSenders = FXCollections.observableArrayList();
    private final ObservableList<InetSocketAddress> recentReadOnly = FXCollections.unmodifiableObservableList(recentSenders);
    private long seenVersion = -1;
    private SenderHistory seenHistory;

    UdpRemoteModel() {
        host.addListener((obs, old, now) -> hostError.set(null));
        port.addListener((obs, old, now) -> portError.set(null));
        replyToSender.addListener((obs, old, on) -> {
            if (on) {
                showLastSender();
            }
        });
    }

    /** Takes in who sent lately; cheap when nothing changed, so it runs once per log batch. */
    void follow(SenderHistory history) {
        if (history == seenHistory && history.version() == seenVersion) {
            return;
        }
        seenHistory = history;
        seenVersion = history.version();
        List<InetSocketAddress> recent = history.recent();
        if (!recent.isEmpty()) { // a new socket starts empty: keep the old list until someone sends
            recentSenders.setAll(recent);
            lastSender.set(recent.get(0));
            if (replyToSender.get()) {
                showLastSender();
            }
        }
    }

    /** Makes {@code sender} the target; picking one by hand ends reply mode. */
    public void use(InetSocketAddress sender) {
        replyToSender.set(false);
        show(sender);
    }

    /**
     * The target for the next datagram, or empty with the reason at a field (or in {@code
     * sendError}, as words said again after a language switch, when there is nobody to reply to).
     *
     * @param reaches whether the open socket can send to an address of that family
     */
    Optional<UdpTarget> target(Predicate<InetAddress> reaches, String socketText, Consumer<Supplier<String>> sendError) {
        if (replyToSender.get()) {
            InetSocketAddress last = lastSender.get();
            if (last == null) {
                sendError.accept(() -> I18n.text("udp.error.noSender"));
                return Optional.empty();
            }
            if (last.getPort() == 0) { // a raw socket's: no datagram can go to port 0
                sendError.accept(() -> I18n.format("udp.error.senderPortZero", Addresses.format(last)));
                return Optional.empty();
            }
            return Optional.of(UdpTarget.of(last));
        }
        Optional<UdpTarget> typed = typedTarget();
        if (typed.isPresent()) {
            BindAddress.Parsed literal = BindAddress.parse(typed.get().host());
            // Only a literal can be checked here; a name is resolved by the engine, which picks an
            // address of the socket's family or reports that there is none.
            if (literal.valid() && !reaches.test(literal.address().address())) {
                InetAddress address = literal.address().address();
                hostError.word(() -> familyMessage(address, socketText));
                return Optional.empty();
            }
        }
        return typed;
    }

    /** The typed host and port, checked at their fields. */
    Optional<UdpTarget> typedTarget() {
        HostInput.Result hostInput = HostInput.parse(host.get());
        PortInput.Result portInput = PortInput.parse(port.get(), false);
        hostError.word(() -> hostInput.valid() ? null : FieldErrors.host(hostInput.problem()));
        portError.word(() -> portInput.valid() ? null : FieldErrors.port(portInput.problem(), false));
        if (!hostInput.valid() || !portInput.valid()) {
            return Optional.empty();
        }
        return Optional.of(new UdpTarget(hostInput.host(), portInput.port()));
    }

    static String familyMessage(InetAddress address, String socketText) {
        return I18n.format("udp.error.family", socketText, address instanceof Inet6Address ? "IPv6" : "IPv4");
    }

    private void showLastSender() {
        if (lastSender.get() != null) {
            show(lastSender.get());
        }
    }

    private void show(InetSocketAddress address) {
        host.set(Addresses.formatHost(address.getAddress()));
        port.set(Integer.toString(address.getPort()));
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty replyToSenderProperty() {
        return replyToSender;
    }

    public ReadOnlyStringProperty hostErrorProperty() {
        return hostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InetSocketAddress> lastSenderProperty() {
        return lastSender.getReadOnlyProperty();
    }

    /** Distinct recent senders, newest first; kept after the socket closes. */
    public ObservableList<InetSocketAddress> recentSenders() {
        return recentReadOnly;
    }
}
