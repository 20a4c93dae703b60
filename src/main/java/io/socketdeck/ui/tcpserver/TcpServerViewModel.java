package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.log.CountersModel;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.fx.IoWorkers;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.tab.TabTraffic;
import io.socketdeck.ui.tab.SessionTab;
import io.socketdeck.ui.tab.SessionTask;
import io.socketdeck.ui.log.TrafficLog;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
 * The TCP server tab: validates what was typed, runs a {@link TcpServerSession} on a background
 * task, keeps the client table in step with the session's events (through the log's pump, in
 * order) and its byte counts with a slow poll, and sends to all or to the selected clients.
 */
public final class TcpServerViewModel implements SessionTab {

    static final int MAX_CLIENTS_LIMIT = 1_000_000;

    private final StringProperty bindAddress = new SimpleStringProperty(this, "bindAddress", "0.0.0.0");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty maxClients = new SimpleStringProperty(this, "maxClients", "");
    private final BooleanProperty reuseAddress = new SimpleBooleanProperty(this, "reuseAddress", true);
    private final ReadOnlyStringWrapper bindError = new ReadOnlyStringWrapper(this, "bindError");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError");
    private final ReadOnlyStringWrapper maxClientsError = new ReadOnlyStringWrapper(this, "maxClientsError");
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ObjectProperty<Recipients> recipients = new SimpleObjectProperty<>(this, "recipients", Recipients.ALL);

    private final TabTraffic traffic = new TabTraffic(this::sendTarget, false);
    private final TrafficLog log = traffic.log();
    private final ClientTable clients = new ClientTable();
    private final ObservableList<ClientRow> selected = FXCollections.observableArrayList();
    private final StringBinding clientSummary;
    private final ClientPoller poller = new ClientPoller(clients::refresh);
    private SessionTask task;
    private TcpServerSession session;
    private BindAddress requestedAddress;
    private int requestedPort;

    public TcpServerViewModel() {
        bindAddress.addListener((obs, old, now) -> bindError.set(null));
        port.addListener((obs, old, now) -> portError.set(null));
        maxClients.addListener((obs, old, now) -> maxClientsError.set(null));
        recipients.addListener((obs, old, now) -> traffic.sendBox().clearError());
        log.addControlListener(this::onControlEvent);
        // After every batch from the pump: the batch's arrivals and departures in one go.
        log.revisionProperty().addListener((obs, old, now) -> clients.applyPending());
        clientSummary = Bindings.createStringBinding(
                () -> I18n.format("server.clients.count", clients.rows().size(), selected.size()),
                clients.rows(), selected);
        clients.rows().addListener((ListChangeListener<ClientRow>) change -> updateStatus());
        state.addListener((obs, old, now) -> updateStatus());
        updateStatus();
    }

    /** Listen when idle, otherwise stop. */
    public void toggleListening() {
        if (state.get() == ConnectionState.IDLE) {
            listen();
        } else {
            stop();
        }
    }

    public boolean listen() {
        if (state.get() != ConnectionState.IDLE) {
            return false;
        }
        BindAddress.Parsed address = BindAddress.parse(bindAddress.get());
        PortInput.Result portInput = PortInput.parse(port.get(), true);
        int limit = parseMaxClients(maxClients.get());
        bindError.set(address.valid() ? null : BindAddressChoices.problem(address.problem()));
        portError.set(portInput.valid() ? null : FieldErrors.port(portInput.problem(), true));
        maxClientsError.set(limit >= 0 ? null : I18n.format("field.maxClients.invalid", I18n.count(MAX_CLIENTS_LIMIT)));
        if (!address.valid() || !portInput.valid() || limit < 0) {
            return false;
        }
        requestedAddress = address.address();
        requestedPort = portInput.port();
        TcpServerOptions options = TcpServerOptions.of(requestedAddress.address(), requestedPort)
                .withReuseAddress(reuseAddress.get())
                .withMaxClients(limit);
        session = new TcpServerSession(options, traffic.newServerSessionListener(), traffic.engineCounters());
        task = new SessionTask(session);
        state.set(ConnectionState.OPENING);
        IoWorkers.run(task);
        return true;
    }

    /** Stops listening; every client is closed and logged as "server stopped". */
    public void stop() {
        if (task != null && state.get() != ConnectionState.IDLE) {
            state.set(ConnectionState.CLOSING);
            task.cancel();
        }
    }

    /** Sends the send box's content to the chosen recipients; problems are shown at the send box. */
    public boolean send() {
        return traffic.sendTools().send();
    }

    /** All clients, or the selected ones: every send tool goes where the "Send to" choice says. */
    private SendTargetChoice sendTarget() {
        if (state.get() != ConnectionState.OPEN || session == null) {
            return SendTargetChoice.none(I18n.text("server.error.notListening"));
        }
        if (recipients.get() == Recipients.SELECTED) {
            if (selected.isEmpty()) {
                return SendTargetChoice.none(I18n.text("server.error.noSelection"));
            }
            return SendTargetChoice.of(session.clients(selected.stream().map(ClientRow::remote).toList()));
        }
        if (session.clientCount() == 0) {
            return SendTargetChoice.none(I18n.text("server.error.noClients"));
        }
        return SendTargetChoice.of(session.allClients());
    }

    /** Closes the connections of the selected clients. */
    public void disconnectSelected() {
        if (session != null && !selected.isEmpty()) {
            session.disconnect(selected.stream().map(ClientRow::remote).toList());
        }
    }

    @Override
    public void shutdown() {
        traffic.shutdown();
        poller.stop();
        if (task != null) {
            task.cancel();
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

    private void onControlEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Connected connected) {
            clients.connected(connected.remote(), connected.timeMillis());
        } else if (event instanceof SessionEvent.Disconnected disconnected) {
            clients.disconnected(disconnected.remote());
        } else if (event instanceof SessionEvent.Opened opened) {
            listeningAddress.set(Addresses.format(opened.local()));
            state.set(ConnectionState.OPEN);
            poller.start(session);
        } else if (event instanceof SessionEvent.Failure failure && state.get() == ConnectionState.OPENING) {
            showListenFailure(failure);
        } else if (event instanceof SessionEvent.Closed) {
            poller.stop();
            clients.clear();
            listeningAddress.set("");
            task = null;
            session = null;
            state.set(ConnectionState.IDLE);
        }
    }

    /** A failed listen is about what was typed: say so at the field to change, not only in the log. */
    private void showListenFailure(SessionEvent.Failure failure) {
        String portText = Integer.toString(requestedPort); // no digit grouping in a port
        switch (failure.kind()) {
            case PORT_IN_USE -> portError.set(I18n.format("server.error.portInUse", portText, requestedAddress.literal()));
            case PERMISSION_DENIED -> portError.set(I18n.format("server.error.permission", portText));
            case ADDRESS_NOT_AVAILABLE -> bindError.set(I18n.format("server.error.addressNotAvailable",
                    requestedAddress.literal()));
            default -> { } // not about a field: the log shows it with the system's words
        }
    }

    private void updateStatus() {
        status.set(switch (state.get()) {
            case IDLE -> I18n.text("server.state.idle");
            case OPENING -> I18n.format("server.state.opening", requestedAddress == null ? ""
                    : Addresses.format(new InetSocketAddress(requestedAddress.address(), requestedPort)));
            case OPEN -> I18n.format("server.state.listening", listeningAddress.get(), clients.rows().size());
            case CLOSING -> I18n.text("server.state.closing");
        });
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

    public ReadOnlyStringProperty bindErrorProperty() {
        return bindError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maxClientsErrorProperty() {
        return maxClientsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
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
                .include(traffic.persisted());
    }

    @Override
    public TabTraffic traffic() {
        return traffic;
    }
}
