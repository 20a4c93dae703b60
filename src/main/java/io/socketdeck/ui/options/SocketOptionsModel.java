package io.socketdeck.ui.options;

import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.options.ExtendedOptions;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.options.SocketOptionKind;
import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.tcp.KeepAlive;
import io.socketdeck.core.tcp.TcpSocketSettings;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One tab's socket options panel: what was typed, checked at the field, turned into the engine's
 * {@link TcpSocketSettings} or {@link SocketOptionSet}, and what the system granted, read back
 * from the socket ({@link SessionEvent.OptionsApplied}). The tab applies them at connect, listen
 * or open, and on the open socket when the user presses Apply.
 */
public final class SocketOptionsModel {

    /** Which tab: a UDP socket has no Nagle, keepalive or linger; only a listener has SO_REUSEPORT. */
    public enum Kind { CLIENT, SERVER, UDP }

    static final int MAX_KEEP_SECONDS = 32_767;
    static final int MAX_KEEP_PROBES = 127;

    private final Kind kind;
    private final BooleanProperty noDelay = new SimpleBooleanProperty(this, "noDelay", true);
    private final BooleanProperty keepAlive = new SimpleBooleanProperty(this, "keepAlive", true);
    private final StringProperty keepIdle = new SimpleStringProperty(this, "keepIdle", "30");
    private final StringProperty keepInterval = new SimpleStringProperty(this, "keepInterval", "5");
    private final StringProperty keepCount = new SimpleStringProperty(this, "keepCount", "4");
    private final StringProperty receiveBuffer = new SimpleStringProperty(this, "receiveBuffer", "");
    private final StringProperty sendBuffer = new SimpleStringProperty(this, "sendBuffer", "");
    private final StringProperty linger = new SimpleStringProperty(this, "linger", "");
    private final StringProperty trafficClass = new SimpleStringProperty(this, "trafficClass", "");
    private final BooleanProperty reusePort = new SimpleBooleanProperty(this, "reusePort", false);
    private final StringProperty localAddress = new SimpleStringProperty(this, "localAddress", "");
    private final StringProperty localPort = new SimpleStringProperty(this, "localPort", "");
    private final WordedText keepAliveError = new WordedText(this, "keepAliveError");
    private final WordedText receiveBufferError = new WordedText(this, "receiveBufferError");
    private final WordedText sendBufferError = new WordedText(this, "sendBufferError");
    private final WordedText lingerError = new WordedText(this, "lingerError");
    private final WordedText trafficClassError = new WordedText(this, "trafficClassError");
    private final WordedText localError = new WordedText(this, "localError");
    private final ReadOnlyStringWrapper receiveGranted = new ReadOnlyStringWrapper(this, "receiveGranted", "");
    private final ReadOnlyStringWrapper sendGranted = new ReadOnlyStringWrapper(this, "sendGranted", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private SessionEvent.OptionsApplied lastGrants;
    private Runnable applier = () -> { };

    public SocketOptionsModel(Kind kind) {
        this.kind = kind;
        keepIdle.addListener((obs, old, now) -> keepAliveError.set(null));
        keepInterval.addListener((obs, old, now) -> keepAliveError.set(null));
        keepCount.addListener((obs, old, now) -> keepAliveError.set(null));
        receiveBuffer.addListener((obs, old, now) -> receiveBufferError.set(null));
        sendBuffer.addListener((obs, old, now) -> sendBufferError.set(null));
        linger.addListener((obs, old, now) -> lingerError.set(null));
        trafficClass.addListener((obs, old, now) -> trafficClassError.set(null));
        localAddress.addListener((obs, old, now) -> localError.set(null));
        localPort.addListener((obs, old, now) -> localError.set(null));
    }

    public Kind kind() {
        return kind;
    }

    /** True where this platform takes keepalive timings; the fields are greyed out otherwise. */
    public boolean keepAliveTimingsSupported() {
        return ExtendedOptions.keepAliveTimings();
    }

    /** True where a listening socket takes SO_REUSEPORT. */
    public boolean reusePortSupported() {
        return ExtendedOptions.reusePort();
    }

    /**
     * The TCP options as typed, or null when a field is wrong (its message is set). Every field is
     * checked, so every message shows at once.
     */
    public TcpSocketSettings tcpSettings() {
        SocketOptionSet others = others();
        KeepAlive keep = keepAlive();
        return others == null || keep == null ? null : new TcpSocketSettings(noDelay.get(), keep, others);
    }

    /** Buffers, linger, traffic class and reuse port as typed, or null when one is wrong (its message is set). */
    public SocketOptionSet others() {
        int rcv = OptionInputs.bytes(receiveBuffer.get(), 0, SocketOptionSet.MAX_BUFFER);
        int snd = OptionInputs.bytes(sendBuffer.get(), 0, SocketOptionSet.MAX_BUFFER);
        int lingerSeconds = kind == Kind.UDP ? -1
                : OptionInputs.number(linger.get(), -1, 0, SocketOptionSet.MAX_LINGER_SECONDS);
        int tos = OptionInputs.tos(trafficClass.get(), -1);
        // Cleared first: the same message set again is no change, and the pane opens only on a change.
        for (WordedText error : new WordedText[] {receiveBufferError, sendBufferError, lingerError, trafficClassError}) {
            error.set(null);
        }
        receiveBufferError.word(() -> rcv == OptionInputs.INVALID ? I18n.text("options.error.buffer") : null);
        sendBufferError.word(() -> snd == OptionInputs.INVALID ? I18n.text("options.error.buffer") : null);
        lingerError.word(() -> lingerSeconds == OptionInputs.INVALID ? I18n.text("options.error.linger") : null);
        trafficClassError.word(() -> tos == OptionInputs.INVALID ? I18n.text("options.error.tos") : null);
        if (rcv == OptionInputs.INVALID || snd == OptionInputs.INVALID || lingerSeconds == OptionInputs.INVALID
                || tos == OptionInputs.INVALID) {
            return null;
        }
        return new SocketOptionSet(rcv, snd, lingerSeconds, tos, kind == Kind.SERVER && reusePort.get());
    }

    private KeepAlive keepAlive() {
        int idle = OptionInputs.number(keepIdle.get(), OptionInputs.INVALID, 1, MAX_KEEP_SECONDS);
        int interval = OptionInputs.number(keepInterval.get(), OptionInputs.INVALID, 1, MAX_KEEP_SECONDS);
        int count = OptionInputs.number(keepCount.get(), OptionInputs.INVALID, 1, MAX_KEEP_PROBES);
        boolean valid = idle != OptionInputs.INVALID && interval != OptionInputs.INVALID && count != OptionInputs.INVALID;
        // Timings only matter when keepalive is on: off, a wrong number stays unsaid and unused.
        keepAliveError.set(null); // so a message set again is a change, which opens the pane
        if (!keepAlive.get()) {
            return valid ? new KeepAlive(false, Duration.ofSeconds(idle), Duration.ofSeconds(interval), count)
                    : KeepAlive.OFF;
        }
        keepAliveError.word(() -> valid ? null
                : I18n.format("options.error.keepAlive", MAX_KEEP_SECONDS, MAX_KEEP_PROBES));
        return valid ? new KeepAlive(true, Duration.ofSeconds(idle), Duration.ofSeconds(interval), count) : null;
    }

    /**
     * The client's local address and port to connect from: null for "any" (both empty), or empty
     * when what was typed is wrong (its message is set). The address is read as an IP literal,
     * never looked up.
     */
    public Optional<InetSocketAddress> localBind() {
        String address = localAddress.get() == null ? "" : localAddress.get().strip();
        String port = localPort.get() == null ? "" : localPort.get().strip();
        localError.set(null); // so a message set again is a change, which opens the pane
        if (address.isEmpty() && port.isEmpty()) {
            return Optional.of(ANY);
        }
        Optional<InetAddress> ip = address.isEmpty() ? Optional.empty() : IpLiterals.parse(address);
        int number = OptionInputs.number(port, 0, 0, 65_535);
        if (!address.isEmpty() && ip.isEmpty() || number == OptionInputs.INVALID) {
            localError.word(() -> I18n.text("options.error.local"));
            return Optional.empty();
        }
        return Optional.of(ip.map(value -> new InetSocketAddress(value, number))
                .orElseGet(() -> new InetSocketAddress(number)));
    }

    /** Stands for "from any address and port" in {@link #localBind()}; never connected from. */
    public static final InetSocketAddress ANY = InetSocketAddress.createUnresolved("any", 0);

    /** What the system granted, as read back from the socket: the buffer sizes and any problem. */
    public void granted(SessionEvent.OptionsApplied applied) {
        lastGrants = applied;
        showGrants();
    }

    private void showGrants() {
        if (lastGrants == null) {
            receiveGranted.set("");
            sendGranted.set("");
            note.set("");
            return;
        }
        StringJoiner problems = new StringJoiner(" · ");
        for (OptionGrant grant : lastGrants.grants()) {
            // A size the system capped or rounded says so: what is in the field is not what the socket has.
            String key = grant.outcome() == OptionGrant.Outcome.ADJUSTED ? "options.granted.adjusted" : "options.granted";
            if (grant.option() == SocketOptionKind.SO_RCVBUF && !grant.granted().isEmpty()) {
                receiveGranted.set(I18n.format(key, grant.granted()));
            } else if (grant.option() == SocketOptionKind.SO_SNDBUF && !grant.granted().isEmpty()) {
                sendGranted.set(I18n.format(key, grant.granted()));
            }
            if (grant.isProblem()) {
                problems.add(EventTexts.grant(grant));
            }
        }
        note.set(problems.toString());
    }

    /** The session ended: nothing is granted any more. */
    public void clearGranted() {
        lastGrants = null;
        showGrants();
    }

    /** Says the grants and the title again in the language just chosen; the fields' messages follow by themselves. */
    public void languageChanged() {
        showGrants();
        revision.set(revision.get() + 1);
    }

    /** Moves when the words change but no field did (a language switch): the title follows it. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** What Apply does: the tab sets the options on its open socket. */
    public void setApplier(Runnable applier) {
        this.applier = applier;
    }

    /** Applies the options to the open socket now, if they are valid (otherwise the fields say why). */
    public void applyNow() {
        if (live.get()) {
            applier.run();
        }
    }

    /** True while there is an open socket to apply options to: Apply is enabled. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public void setLive(boolean on) {
        live.set(on);
    }

    /** A short summary for the collapsed panel's title: what differs from the defaults. */
    public String summary() {
        StringJoiner parts = new StringJoiner(" · ");
        if (kind != Kind.UDP) {
            parts.add(I18n.text(noDelay.get() ? "options.summary.noDelay" : "options.summary.nagle"));
            parts.add(keepAlive.get() ? I18n.format("options.summary.keepAlive", keepIdle.get(), keepInterval.get(),
                    keepCount.get()) : I18n.text("options.summary.keepAliveOff"));
        }
        addIfSet(parts, "SO_RCVBUF", receiveBuffer.get());
        addIfSet(parts, "SO_SNDBUF", sendBuffer.get());
        if (kind != Kind.UDP) {
            addIfSet(parts, "SO_LINGER", linger.get());
        }
        addIfSet(parts, "IP_TOS", trafficClass.get());
        if (kind == Kind.SERVER && reusePort.get()) {
            parts.add("SO_REUSEPORT");
        }
        if (kind == Kind.CLIENT && !(localAddress.get().isBlank() && localPort.get().isBlank())) {
            parts.add(I18n.format("options.summary.local", localAddress.get().isBlank() ? "*" : localAddress.get().strip(),
                    localPort.get().isBlank() ? "*" : localPort.get().strip()));
        }
        String text = parts.toString();
        return text.isEmpty() ? I18n.text("options.summary.system") : text;
    }

    private static void addIfSet(StringJoiner parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + " " + value.strip());
        }
    }

    /** Every field, kept in the tab's settings. */
    public PersistedFields persisted() {
        PersistedFields fields = new PersistedFields()
                .text("receiveBuffer", receiveBuffer)
                .text("sendBuffer", sendBuffer)
                .text("trafficClass", trafficClass);
        if (kind != Kind.UDP) {
            fields.flag("noDelay", noDelay)
                    .flag("keepAlive", keepAlive)
                    .text("keepIdle", keepIdle)
                    .text("keepInterval", keepInterval)
                    .text("keepCount", keepCount)
                    .text("linger", linger);
        }
        if (kind == Kind.SERVER) {
            fields.flag("reusePort", reusePort);
        }
        if (kind == Kind.CLIENT) {
            fields.text("localAddress", localAddress).text("localPort", localPort);
        }
        return fields;
    }

    public BooleanProperty noDelayProperty() {
        return noDelay;
    }

    public BooleanProperty keepAliveProperty() {
        return keepAlive;
    }

    public StringProperty keepIdleProperty() {
        return keepIdle;
    }

    public StringProperty keepIntervalProperty() {
        return keepInterval;
    }

    public StringProperty keepCountProperty() {
        return keepCount;
    }

    public StringProperty receiveBufferProperty() {
        return receiveBuffer;
    }

    public StringProperty sendBufferProperty() {
        return sendBuffer;
    }

    public StringProperty lingerProperty() {
        return linger;
    }

    public StringProperty trafficClassProperty() {
        return trafficClass;
    }

    public BooleanProperty reusePortProperty() {
        return reusePort;
    }

    public StringProperty localAddressProperty() {
        return localAddress;
    }

    public StringProperty localPortProperty() {
        return localPort;
    }

    public ReadOnlyStringProperty keepAliveErrorProperty() {
        return keepAliveError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receiveBufferErrorProperty() {
        return receiveBufferError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sendBufferErrorProperty() {
        return sendBufferError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lingerErrorProperty() {
        return lingerError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trafficClassErrorProperty() {
        return trafficClassError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty localErrorProperty() {
        return localError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receiveGrantedProperty() {
        return receiveGranted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sendGrantedProperty() {
        return sendGranted.getReadOnlyProperty();
    }

    /** What could not be set as asked, in words; empty when all went well. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
