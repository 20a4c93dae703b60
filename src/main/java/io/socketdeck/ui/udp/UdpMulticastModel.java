package io.socketdeck.ui.udp;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.MulticastGroupInput;
import io.socketdeck.core.net.MulticastInterfaces;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.WordedText;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Multicast for the UDP tab: the group and interface to join, TTL and loopback, and the groups
 * the socket is in. Memberships change only when the engine says so (through the log), so the
 * list never claims a join that failed. FX thread.
 */
public final class UdpMulticastModel {

    /** One joined group on one interface. */
    public record Membership(InetAddress group, String interfaceName) {
        public Membership {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }
    }

    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    private final ObservableList<MulticastInterfaces.Choice> interfaces = FXCollections.observableArrayList();
    private final ObjectProperty<MulticastInterfaces.Choice> networkInterface = new SimpleObjectProperty<>(this, "interface");
    private final StringProperty ttl = new SimpleStringProperty(this, "ttl", Integer.toString(UdpOptions.DEFAULT_MULTICAST_TTL));
    private final BooleanProperty loopback = new SimpleBooleanProperty(this, "loopback", true);
    /** The multicast row is shown; hidden by default, most UDP work needs none of it. */
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final WordedText groupError = new WordedText(this, "groupError");
    private final WordedText ttlError = new WordedText(this, "ttlError");
    private final ObservableList<Membership> joined = FXCollections.observableArrayList();
    private final ObservableList<Membership> joinedReadOnly = FXCollections.unmodifiableObservableList(joined);
    private final BooleanBinding selectedJoined;
    private final StringBinding joinedSummary;

    UdpMulticastModel(List<MulticastInterfaces.Choice> choices) {
        interfaces.setAll(choices);
        networkInterface.set(choices.isEmpty() ? null : choices.get(0));
        group.addListener((obs, old, now) -> groupError.set(null));
        networkInterface.addListener((obs, old, now) -> groupError.set(null));
        ttl.addListener((obs, old, now) -> ttlError.set(null));
        selectedJoined = Bindings.createBooleanBinding(() -> selected() != null && joined.contains(selected()),
                group, networkInterface, joined);
        joinedSummary = Bindings.createStringBinding(() -> joined.isEmpty() ? "" : I18n.format("udp.joined",
                joined.stream().map(m -> I18n.format("udp.joinedOne", Addresses.formatHost(m.group()), m.interfaceName()))
                        .collect(Collectors.joining(", "))),
                joined, I18n.languageProperty()); // the views are built again, this model stays
    }

    /**
     * Joins the typed group on the chosen interface, or leaves it when already joined. The result
     * shows up as an event in the log and, on success, in {@link #joined()}.
     *
     * @param reaches whether the open socket speaks the group's family
     */
    boolean toggle(UdpSession session, Predicate<InetAddress> reaches, String socketText) {
        MulticastGroupInput.Result input = MulticastGroupInput.parse(group.get());
        if (!input.valid()) {
            String key = switch (input.problem()) {
                case EMPTY -> "udp.error.groupEmpty";
                case NOT_AN_IP_ADDRESS -> "udp.error.groupInvalid";
                case NOT_MULTICAST -> "udp.error.groupNotMulticast";
            };
            groupError.word(() -> I18n.text(key));
            return false;
        }
        if (networkInterface.get() == null) {
            groupError.word(() -> I18n.text("udp.error.interface"));
            return false;
        }
        if (session == null) {
            groupError.word(() -> I18n.text("udp.error.joinNotOpen"));
            return false;
        }
        if (!reaches.test(input.group())) {
            groupError.word(() -> UdpRemoteModel.familyMessage(input.group(), socketText));
            return false;
        }
        Membership wanted = new Membership(input.group(), networkInterface.get().name());
        if (joined.contains(wanted)) {
            session.leave(wanted.group(), wanted.interfaceName());
        } else {
            session.join(wanted.group(), wanted.interfaceName());
        }
        return true;
    }

    /** The TTL typed, or -1 with the reason at the field. */
    int parseTtl() {
        String text = ttl.get() == null ? "" : ttl.get().strip();
        if (!text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                && Integer.parseInt(text) <= 255) {
            ttlError.set(null);
            return Integer.parseInt(text);
        }
        ttlError.word(() -> I18n.text("udp.error.ttl"));
        return -1;
    }

    /**
     * The TTL for a socket about to open, or -1 with the reason at the field. The row is then
     * shown: the TTL applies to the socket whether the row is shown or not, and a stopped Open
     * with its reason in a hidden row looks like a button that does nothing.
     */
    int ttlForOpen() {
        int parsed = parseTtl();
        if (parsed < 0) {
            shown.set(true);
        }
        return parsed;
    }

    void onJoined(InetAddress joinedGroup, String interfaceName) {
        Membership membership = new Membership(joinedGroup, interfaceName);
        if (!joined.contains(membership)) {
            joined.add(membership);
        }
    }

    void onLeft(InetAddress leftGroup, String interfaceName) {
        joined.remove(new Membership(leftGroup, interfaceName));
    }

    /** The socket closed: it is in no group any more. */
    void forgetMemberships() {
        joined.clear();
    }

    private Membership selected() {
        MulticastGroupInput.Result input = MulticastGroupInput.parse(group.get());
        MulticastInterfaces.Choice choice = networkInterface.get();
        return input.valid() && choice != null ? new Membership(input.group(), choice.name()) : null;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public ObservableList<MulticastInterfaces.Choice> interfaces() {
        return interfaces;
    }

    public ObjectProperty<MulticastInterfaces.Choice> interfaceProperty() {
        return networkInterface;
    }

    public StringProperty ttlProperty() {
        return ttl;
    }

    public BooleanProperty loopbackProperty() {
        return loopback;
    }

    /** Whether the tab shows the multicast controls (remembered with the tab's fields). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyStringProperty groupErrorProperty() {
        return groupError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ttlErrorProperty() {
        return ttlError.getReadOnlyProperty();
    }

    /** Groups joined, in the order they were joined. */
    public ObservableList<Membership> joined() {
        return joinedReadOnly;
    }

    /** True when the typed group on the chosen interface is joined: the button then leaves it. */
    public BooleanBinding selectedJoinedProperty() {
        return selectedJoined;
    }

    /** "Joined: 239.1.2.3 on lo", or "" when in no group. */
    public StringBinding joinedSummaryProperty() {
        return joinedSummary;
    }
}
