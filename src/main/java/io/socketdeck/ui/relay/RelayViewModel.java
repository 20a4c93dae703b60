package io.socketdeck.ui.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.relay.LegFaults;
import io.socketdeck.core.relay.RelayConnection;
import io.socketdeck.core.relay.RelayOptions;
import io.socketdeck.core.relay.RelayProtocol;
import io.socketdeck.core.relay.RelaySession;
import io.socketdeck.core.relay.TargetFailureAction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.fx.SyncedList;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.ConnectionTabModel;
import io.socketdeck.ui.tab.TabContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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
 * The relay tab: checks what was typed and builds a {@link RelaySession} from it; the shared
 * {@link ConnectionTabModel} runs it and follows its state. The connection table is the engine's
 * own versioned list, applied on the window's tick when connections come, go or change state, and
 * its counts a few times a second while bytes move: one source of truth, as in the server tab.
 * The faults of each direction apply to the running relay as soon as what was typed is valid;
 * hold too. Sends inject into the chosen direction of the one selected connection.
 */
public final class RelayViewModel extends ConnectionTabModel {

    private static final long COUNTS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final Comparator<RelayRow> BY_ARRIVAL = Comparator.comparingLong(RelayRow::id);

    private final ObjectProperty<RelayProtocol> protocol = new SimpleObjectProperty<>(this, "protocol", RelayProtocol.TCP);
    private final StringProperty listenHost = new SimpleStringProperty(this, "listenHost", "127.0.0.1");
    private final StringProperty listenPort = new SimpleStringProperty(this, "listenPort", "");
    private final StringProperty targetHost = new SimpleStringProperty(this, "targetHost", "");
    private final StringProperty targetPort = new SimpleStringProperty(this, "targetPort", "");
    private final WordedText listenHostError = new WordedText(this, "listenHostError");
    private final WordedText listenPortError = new WordedText(this, "listenPortError");
    private final WordedText targetHostError = new WordedText(this, "targetHostError");
    private final WordedText targetPortError = new WordedText(this, "targetPortError");
    private final WordedText faultsError = new WordedText(this, "faultsError");
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ObjectProperty<Leg> direction = new SimpleObjectProperty<>(this, "direction", Leg.UP);
    private final BooleanProperty hold = new SimpleBooleanProperty(this, "hold");
    /** A client whose target fails is reset (as a failed direct connect would be) rather than closed. */
    private final BooleanProperty resetOnTargetFailure = new SimpleBooleanProperty(this, "resetOnTargetFailure");
    private final ReadOnlyLongWrapper heldBytes = new ReadOnlyLongWrapper(this, "heldBytes");
    private final LegFaultFields up;
    private final LegFaultFields down;
    private final BooleanBinding udp = Bindings.equal(protocol, RelayProtocol.UDP);

    private final SyncedList<RelayRow> rows = new SyncedList<>(BY_ARRIVAL);
    private final ObservableList<RelayRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, RelayRow> rowsById = new HashMap<>();
    private final ObservableList<RelayRow> selected = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final StringBinding connectionSummary;
    private final UiTick.Handle tableJob;
    /** An unknown target host met by the engine (I/O thread), to show at the field on the tick. */
    private final AtomicReference<String> unknownTarget = new AtomicReference<>();
    private RelaySession relay;
    private BindAddress requestedAddress;
    private int requestedPort;
    private long shownVersion = -1;
    /** The rules' hits (up, down) when the counts were last shown. */
    private List<List<Long>> shownHits = List.of();
    private long countsShownNanos;

    public RelayViewModel(TabContext context) {
        super(context, false, true);
        up = new LegFaultFields(Leg.UP, () -> traffic().log().charsetProperty().get(), udp);
        down = new LegFaultFields(Leg.DOWN, () -> traffic().log().charsetProperty().get(), udp);
        for (LegFaultFields leg : List.of(up, down)) {
            leg.faultsProperty().addListener((obs, old, now) -> {
                if (relay != null) {
                    relay.setFaults(leg.leg(), now); // live: the next bytes meet them
                }
            });
            leg.validProperty().addListener((obs, old, now) -> faultsError.set(null));
        }
        // Text rules are bytes in the traffic's encoding: a new encoding makes them anew.
        traffic().log().charsetProperty().addListener((obs, old, now) -> {
            up.check();
            down.check();
        });
        hold.addListener((obs, old, now) -> {
            if (relay != null) {
                relay.hold(now);
            }
        });
        listenHost.addListener((obs, old, now) -> listenHostError.set(null));
        listenPort.addListener((obs, old, now) -> listenPortError.set(null));
        targetHost.addListener((obs, old, now) -> targetHostError.set(null));
        targetPort.addListener((obs, old, now) -> targetPortError.set(null));
        direction.addListener((obs, old, now) -> traffic().sendTools().targetChanged());
        selected.addListener((ListChangeListener<RelayRow>) change -> traffic().sendTools().targetChanged());
        connectionSummary = Bindings.createStringBinding(() -> hold.get() || heldBytes.get() > 0
                ? I18n.format("relay.connections.countHeld", rows.size(), selected.size(), I18n.count(heldBytes.get()))
                : I18n.format("relay.connections.count", rows.size(), selected.size()), rows, selected, hold, heldBytes,
                I18n.languageProperty()); // the views are built again, this model stays
        rows.addListener((ListChangeListener<RelayRow>) change -> updateStatus());
        tableJob = context.tick().add(this::showConnections);
        updateStatus();
    }

    @Override
    protected Session createSession(SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        BindAddress.Parsed address = BindAddress.parse(listenHost.get());
        PortInput.Result portInput = PortInput.parse(listenPort.get(), true);
        HostInput.Result host = HostInput.parse(targetHost.get());
        PortInput.Result targetPortInput = PortInput.parse(targetPort.get(), false);
        listenHostError.word(() -> address.valid() ? null : BindAddressChoices.problem(address.problem()));
        listenPortError.word(() -> portInput.valid() ? null : FieldErrors.port(portInput.problem(), true));
        targetHostError.word(() -> host.valid() ? null : FieldErrors.host(host.problem()));
        targetPortError.word(() -> targetPortInput.valid() ? null : FieldErrors.port(targetPortInput.problem(), false));
        boolean faultsValid = up.validProperty().get() && down.validProperty().get();
        faultsError.word(() -> faultsValid ? null : I18n.text("relay.error.faults"));
        if (!address.valid() || !portInput.valid() || !host.valid() || !targetPortInput.valid() || !faultsValid) {
            return null;
        }
        requestedAddress = address.address();
        requestedPort = portInput.port();
        unknownTarget.set(null);
        RelayOptions options = RelayOptions.of(protocol.get(), requestedAddress.address(), requestedPort, host.host(),
                targetPortInput.port()).withOnTargetFailure(resetOnTargetFailure.get() ? TargetFailureAction.RESET
                : TargetFailureAction.CLOSE);
        SessionListener watching = event -> {
            // The target is looked up at each connect: a name that does not resolve is about the field.
            if (event instanceof SessionEvent.Failure failure && failure.kind() == FailureKind.UNKNOWN_HOST) {
                unknownTarget.set(options.targetHost());
                tableJob.wake();
            }
            listener.onEvent(event);
        };
        relay = new RelaySession(options, watching, counters, loop);
        relay.setFaults(Leg.UP, up.faultsProperty().get());
        relay.setFaults(Leg.DOWN, down.faultsProperty().get());
        if (hold.get()) {
            relay.hold(true);
        }
        return relay;
    }

    /** Connections come and go by the thousand: the table follows the engine's list, not these events. */
    @Override
    protected boolean needsOnFx(SessionEvent event) {
        if (event instanceof SessionEvent.Connected || event instanceof SessionEvent.Disconnected
                || event instanceof SessionEvent.Linked || event instanceof SessionEvent.PeerFinished
                || event instanceof SessionEvent.FaultInjected || event instanceof SessionEvent.Relayed) {
            tableJob.wake();
            return false;
        }
        return true;
    }

    @Override
    protected void onTraffic() {
        tableJob.wake();
    }

    /** The one selected connection, in the chosen direction. */
    @Override
    protected SendTargetChoice sendTarget() {
        if (stateProperty().get() != ConnectionState.OPEN || relay == null) {
            return SendTargetChoice.none(() -> I18n.text("relay.error.notRunning"));
        }
        if (selected.isEmpty()) {
            return SendTargetChoice.none(() -> I18n.text("relay.error.noSelection"));
        }
        if (selected.size() > 1) {
            return SendTargetChoice.none(() -> I18n.text("relay.error.oneSelection"));
        }
        return SendTargetChoice.of(relay.injectTarget(selected.get(0).id(), direction.get()));
    }

    /** Closes the selected connections, both sides. */
    public void disconnectSelected() {
        if (relay != null && !selected.isEmpty()) {
            relay.disconnect(selected.stream().map(RelayRow::id).toList());
        }
    }

    /**
     * The tick's job: the engine's connection list when its version moved, the counts (and the
     * held bytes, the rules' hits) at most four times a second while they move. Idle once
     * nothing moves.
     */
    private long showConnections(long nowNanos) {
        String unknown = unknownTarget.getAndSet(null);
        if (unknown != null && unknown.equals(HostInput.parse(targetHost.get()).host())) {
            targetHostError.word(() -> I18n.format("relay.error.unknownHost", unknown));
        }
        RelaySession current = relay;
        if (current == null) {
            return UiTick.IDLE;
        }
        long version = current.connectionVersion();
        boolean membership = version != shownVersion;
        if (!membership && nowNanos - countsShownNanos < COUNTS_EVERY_NANOS) {
            return countsShownNanos + COUNTS_EVERY_NANOS;
        }
        countsShownNanos = nowNanos;
        List<RelayConnection> connections = current.connections();
        boolean moved = membership;
        List<RelayRow> wanted = new ArrayList<>(connections.size());
        Map<Long, RelayRow> live = new HashMap<>(connections.size() * 2);
        for (RelayConnection connection : connections) {
            RelayRow row = rowsById.get(connection.id());
            if (row == null) {
                row = new RelayRow(connection);
                moved = true;
            } else if (!row.now().equals(connection)) {
                row.update(connection);
                moved = true;
            }
            live.put(connection.id(), row);
            wanted.add(row);
        }
        if (membership || live.size() != rowsById.size()) {
            rows.syncTo(wanted, RelayRow::id);
            rowsById.clear();
            rowsById.putAll(live);
            shownVersion = version;
        }
        long held = current.heldBytes();
        if (held != heldBytes.get()) {
            heldBytes.set(held);
            moved = true;
        }
        // A rule counts its hit after the read that brought the bytes was counted: a look that saw
        // the bytes may not see the hit, and the next one (due while things move) must show it.
        List<List<Long>> hits = List.of(current.rewriteHits(Leg.UP), current.rewriteHits(Leg.DOWN));
        if (!hits.equals(shownHits)) {
            shownHits = hits;
            moved = true;
        }
        if (moved) {
            revision.set(revision.get() + 1);
            return nowNanos + COUNTS_EVERY_NANOS; // look again while things move
        }
        return UiTick.IDLE;
    }

    @Override
    protected void onStateEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Opened opened) {
            listeningAddress.set(Addresses.format(opened.local()));
            becomeOpen();
        } else if (event instanceof SessionEvent.Failure failure) {
            showListenFailure(failure); // only failures before listening reach the tab
        }
    }

    @Override
    protected void onClosed() {
        if (!listeningAddress.get().isEmpty()) {
            traffic().log().note(LogEntry.Kind.INFO, I18n.format("relay.stopped", listeningAddress.get()));
        }
        rows.clear();
        rowsById.clear();
        selected.clear();
        shownVersion = -1;
        shownHits = List.of();
        heldBytes.set(0);
        listeningAddress.set("");
        relay = null;
    }

    /** A failed listen is about what was typed: say so at the field to change. */
    private void showListenFailure(SessionEvent.Failure failure) {
        String portText = Integer.toString(requestedPort);
        String literal = requestedAddress.literal(); // the address of this attempt, not of a later one
        switch (failure.kind()) {
            case PORT_IN_USE -> listenPortError.word(() -> I18n.format("relay.error.portInUse", portText, literal));
            case PERMISSION_DENIED -> listenPortError.word(() -> I18n.format("relay.error.permission", portText));
            case ADDRESS_NOT_AVAILABLE -> listenHostError.word(() -> I18n.format("relay.error.addressNotAvailable",
                    literal));
            default -> { } // the log says it in the system's words
        }
    }

    @Override
    protected String statusText(ConnectionState now) {
        return switch (now) {
            case IDLE -> I18n.text("relay.state.idle");
            case OPENING -> I18n.format("relay.state.opening", requestedAddress == null ? ""
                    : requestedAddress.literal() + ":" + requestedPort);
            case OPEN -> I18n.format("relay.state.open", listeningAddress.get(),
                    relay == null ? "" : relay.options().targetHost() + ":" + relay.options().targetPort(), rows.size());
            case CLOSING -> I18n.text("relay.state.closing");
        };
    }

    /** Switches every fault and rewrite of both directions off. */
    public void clearFaults() {
        up.clear();
        down.clear();
    }

    /** The rewrite rules' hits of {@code leg} in the running relay, in the order of its rules; empty when stopped. */
    List<Long> rewriteHits(Leg leg) {
        return relay == null ? List.of() : relay.rewriteHits(leg);
    }

    /** The faults in force on {@code leg}. */
    LegFaults faults(Leg leg) {
        return faultFields(leg).faultsProperty().get();
    }

    LegFaultFields faultFields(Leg leg) {
        return leg == Leg.UP ? up : down;
    }

    public ObjectProperty<RelayProtocol> protocolProperty() {
        return protocol;
    }

    public StringProperty listenHostProperty() {
        return listenHost;
    }

    public StringProperty listenPortProperty() {
        return listenPort;
    }

    public StringProperty targetHostProperty() {
        return targetHost;
    }

    public StringProperty targetPortProperty() {
        return targetPort;
    }

    public ReadOnlyStringProperty listenHostErrorProperty() {
        return listenHostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listenPortErrorProperty() {
        return listenPortError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetHostErrorProperty() {
        return targetHostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetPortErrorProperty() {
        return targetPortError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty faultsErrorProperty() {
        return faultsError.getReadOnlyProperty();
    }

    /** The address listened on, with the port the system picked; "" when stopped. */
    public ReadOnlyStringProperty listeningAddressProperty() {
        return listeningAddress.getReadOnlyProperty();
    }

    /** Which way Send injects into the selected connection. */
    public ObjectProperty<Leg> directionProperty() {
        return direction;
    }

    /** Forwarding paused (bytes queue, bounded) while true; kept across a restart of the relay. */
    public BooleanProperty holdProperty() {
        return hold;
    }

    /** Reset (true) or close a client whose target cannot be reached; taken at Start. */
    public BooleanProperty resetOnTargetFailureProperty() {
        return resetOnTargetFailure;
    }

    /** Bytes read but not yet delivered, all connections; refreshed on the tick. */
    public ReadOnlyLongProperty heldBytesProperty() {
        return heldBytes.getReadOnlyProperty();
    }

    /** The relayed connections, oldest first; read-only. */
    public ObservableList<RelayRow> connections() {
        return readOnlyRows;
    }

    /** The connections selected in the table; the view keeps it in step with the table's selection. */
    public ObservableList<RelayRow> selectedConnections() {
        return selected;
    }

    /** Bumped when the rows' snapshots changed: visible cells draw again. */
    ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** "3 open · 1 selected", and "· 1,024 B held" while bytes are held. */
    public StringBinding connectionSummary() {
        return connectionSummary;
    }

    /** The faults of the relay running now (or to run), by direction. */
    public LegFaults upFaults() {
        return up.faultsProperty().get();
    }

    public LegFaults downFaults() {
        return down.faultsProperty().get();
    }

    @Override
    public String settingsKey() {
        return "relay";
    }

    @Override
    public PersistedFields persisted() {
        return new PersistedFields()
                .choice("protocol", protocol, RelayProtocol.class)
                .text("listenHost", listenHost)
                .text("listenPort", listenPort)
                .text("targetHost", targetHost)
                .text("targetPort", targetPort)
                .choice("direction", direction, Leg.class)
                .flag("resetOnTargetFailure", resetOnTargetFailure)
                .nested("up", up.persisted())
                .nested("down", down.persisted())
                .include(traffic().persisted());
    }
}
