package io.socketdeck.ui.tcpclient;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.ui.capture.CaptureModel;
import io.socketdeck.ui.tab.ThroughputModel;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.log.CountersModel;
import io.socketdeck.ui.common.FieldErrors;
import io.socketdeck.ui.fx.IoWorkers;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.send.SendModel;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.tab.TabTraffic;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.tab.SessionTab;
import io.socketdeck.ui.tab.SessionTask;
import io.socketdeck.ui.log.TrafficLog;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The TCP client tab: validates what was typed, runs a {@link TcpClientSession} on a background
 * task, and follows its events (through the log's pump, in order) to show the connection state.
 */
public final class TcpClientViewModel implements SessionTab {

    static final long MAX_TIMEOUT_MILLIS = 600_000;

    private final StringProperty host = new SimpleStringProperty(this, "host", "127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout",
            Long.toString(TcpClientOptions.DEFAULT_CONNECT_TIMEOUT.toMillis()));
    private final ReadOnlyStringWrapper hostError = new ReadOnlyStringWrapper(this, "hostError");
    private final ReadOnlyStringWrapper timeoutError = new ReadOnlyStringWrapper(this, "timeoutError");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError");
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper localAddress = new ReadOnlyStringWrapper(this, "localAddress", "");

    private final TabTraffic traffic = new TabTraffic(this::sendTarget, false);
    private final TrafficLog log = traffic.log();
    private SessionTask task;
    private String target = "";

    public TcpClientViewModel() {
        host.addListener((obs, old, now) -> hostError.set(null));
        port.addListener((obs, old, now) -> portError.set(null));
        connectTimeout.addListener((obs, old, now) -> timeoutError.set(null));
        log.addControlListener(this::onControlEvent);
        state.addListener((obs, old, now) -> updateStatus());
        updateStatus();
    }

    /** Connect when idle, otherwise disconnect (or cancel a connect under way). */
    public void toggleConnection() {
        if (state.get() == ConnectionState.IDLE) {
            connect();
        } else {
            disconnect();
        }
    }

    public boolean connect() {
        if (state.get() != ConnectionState.IDLE) {
            return false;
        }
        HostInput.Result hostInput = HostInput.parse(host.get());
        PortInput.Result portInput = PortInput.parse(port.get(), false);
        long timeoutMillis = parseTimeout(connectTimeout.get());
        hostError.set(hostInput.valid() ? null : FieldErrors.host(hostInput.problem()));
        portError.set(portInput.valid() ? null : FieldErrors.port(portInput.problem(), false));
        timeoutError.set(timeoutMillis > 0 ? null : I18n.format("field.timeout.invalid", MAX_TIMEOUT_MILLIS));
        if (!hostInput.valid() || !portInput.valid() || timeoutMillis <= 0) {
            return false;
        }
        TcpClientOptions options = TcpClientOptions.of(hostInput.host(), portInput.port())
                .withConnectTimeout(Duration.ofMillis(timeoutMillis));
        target = hostInput.host().contains(":") ? "[" + hostInput.host() + "]:" + portInput.port()
                : hostInput.host() + ":" + portInput.port();
        task = new SessionTask(new TcpClientSession(options, traffic.newSessionListener(), traffic.engineCounters()));
        state.set(ConnectionState.OPENING);
        IoWorkers.run(task);
        return true;
    }

    public void disconnect() {
        if (task != null && state.get() != ConnectionState.IDLE) {
            state.set(ConnectionState.CLOSING);
            task.cancel();
        }
    }

    /** Sends the send box's content; problems are shown at the send box. */
    public boolean send() {
        return traffic.sendTools().send();
    }

    private SendTargetChoice sendTarget() {
        if (state.get() != ConnectionState.OPEN || task == null) {
            return SendTargetChoice.none(I18n.text("send.error.notConnected"));
        }
        return SendTargetChoice.of((TcpClientSession) task.session());
    }

    @Override
    public void shutdown() {
        traffic.shutdown();
        if (task != null) {
            task.cancel();
        }
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
                .include(traffic.persisted());
    }

    /** Milliseconds, or -1 when the text is not a number in 1..MAX_TIMEOUT_MILLIS. */
    private static long parseTimeout(String text) {
        return Numbers.parse(text, 1, MAX_TIMEOUT_MILLIS);
    }

    private void onControlEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Connected connected) {
            localAddress.set(Addresses.format(connected.local()));
            target = Addresses.format(connected.remote());
            if (state.get() == ConnectionState.OPENING) {
                state.set(ConnectionState.OPEN);
            }
            updateStatus();
        } else if (event instanceof SessionEvent.Closed) {
            localAddress.set("");
            task = null;
            state.set(ConnectionState.IDLE);
        }
    }

    private void updateStatus() {
        status.set(switch (state.get()) {
            case IDLE -> I18n.text("client.state.idle");
            case OPENING -> I18n.format("client.state.connecting", target);
            case OPEN -> I18n.format("client.state.connected", localAddress.get(), target);
            case CLOSING -> I18n.text("client.state.closing");
        });
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

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty localAddressProperty() {
        return localAddress.getReadOnlyProperty();
    }

    @Override
    public TabTraffic traffic() {
        return traffic;
    }
}
