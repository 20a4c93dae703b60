package io.socketdeck.ui.send;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.SendHistory;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Everything a tab can send with, built once for all tabs: the send box, quick commands, repeat
 * send and file send. A tab only says where a send goes ({@link SendTargetChoice}) and how a file
 * is cut (a stream for TCP, datagrams for UDP).
 */
public final class SendToolkit {

    private final SendModel box = new SendModel();
    private final PeriodicSendModel periodic;
    private final FileSendModel file;
    private final Supplier<SendTargetChoice> targets;
    private final ObservableValue<Charset> charset;
    private final TrafficLog log;
    private final boolean datagrams;
    private final StringProperty chunkSize = new SimpleStringProperty(this, "chunkSize", "1024");
    private final StringProperty chunkDelay = new SimpleStringProperty(this, "chunkDelay", "0");

    /**
     * @param captureRecordsSent true while a capture records sent bytes (any thread): a file
     *                  send's bytes are then all read back for it, not only the log's share
     * @param datagrams true for UDP: files go out in datagrams of {@link #chunkSizeProperty()}
     *                  bytes, {@link #chunkDelayProperty()} ms apart; false streams them
     */
    public SendToolkit(UiTick tick, Supplier<SendTargetChoice> targets, TrafficLog log,
                       BooleanSupplier captureRecordsSent, boolean datagrams) {
        this.periodic = new PeriodicSendModel(tick);
        this.file = new FileSendModel(tick, captureRecordsSent);
        this.targets = targets;
        this.log = log;
        this.charset = log.charsetProperty();
        this.datagrams = datagrams;
    }

    public boolean isDatagrams() {
        return datagrams;
    }

    /** Bytes per datagram when sending a file over UDP, 1..65,507. */
    public StringProperty chunkSizeProperty() {
        return chunkSize;
    }

    /** Milliseconds between datagrams when sending a file over UDP. */
    public StringProperty chunkDelayProperty() {
        return chunkDelay;
    }

    public SendModel box() {
        return box;
    }

    public PeriodicSendModel periodic() {
        return periodic;
    }

    public FileSendModel file() {
        return file;
    }

    /** Sends the send box's content; problems are shown under the box. */
    public boolean send() {
        Optional<SendTarget> target = target();
        Optional<byte[]> bytes = target.flatMap(t -> box.encode(charset.getValue())).filter(this::fits);
        if (bytes.isEmpty()) {
            return false;
        }
        target.get().send(bytes.get(), SendTarget.SendCompletion.IGNORE);
        box.remember();
        return true;
    }

    /** Sends a quick command with its own encoding and options. */
    public boolean send(QuickCommand command) {
        Optional<SendTarget> target = target();
        Optional<byte[]> bytes = target.flatMap(t -> box.build(command.payload(), command.options())).filter(this::fits);
        if (bytes.isEmpty()) {
            return false;
        }
        target.get().send(bytes.get(), SendTarget.SendCompletion.IGNORE);
        return true;
    }

    /** Sends the send box's content every N ms until stopped, counted out or disconnected. */
    public boolean startPeriodic() {
        if (!periodic.validate()) {
            return false;
        }
        Optional<SendTarget> target = target();
        Optional<byte[]> bytes = target.flatMap(t -> box.encode(charset.getValue())).filter(this::fits);
        if (bytes.isEmpty()) {
            return false;
        }
        periodic.start(target.get(), box.repeating(bytes.get(), charset.getValue()),
                problem -> log.note(LogEntry.Kind.ERROR, problem));
        box.remember();
        return true;
    }

    public void stopPeriodic() {
        periodic.stop();
    }

    /**
     * Sends a file to the current target: true when the send begins, its file opening off the FX
     * thread. The log says how it ended; a file that does not open is said under the send box.
     */
    public boolean sendFile(Path path) {
        Optional<FileSendOptions> options = fileOptions();
        Optional<SendTarget> target = options.isEmpty() ? Optional.empty() : target();
        if (target.isEmpty()) {
            return false;
        }
        String name = path.getFileName().toString();
        file.start(path, target.get(), options.get(), log.maxBytes(), (ok, message) ->
                log.note(ok ? LogEntry.Kind.INFO : LogEntry.Kind.ERROR, message),
                e -> box.showError(() -> InputErrors.fileOpen(name, IoErrors.describe(e))));
        return true;
    }

    public void cancelFile() {
        file.cancel();
    }

    /** The send box's options, repeat settings and history, remembered across restarts. */
    public PersistedFields persisted() {
        return new PersistedFields()
                .flag("hex", box.hexProperty())
                .flag("escapes", box.escapesProperty())
                .choice("lineEnding", box.lineEndingProperty(), LineEnding.class)
                .choice("checksum", box.checksumProperty(), Checksum.class)
                .text("repeatInterval", periodic.intervalProperty())
                .text("repeatCount", periodic.countProperty())
                .text("chunkSize", chunkSize)
                .text("chunkDelay", chunkDelay)
                .custom("history", this::saveHistory, this::restoreHistory, box.historyRevisionProperty());
    }

    /**
     * The texts under {@code history}, as before modes were kept, so an older version still reads
     * them; their modes beside them under {@code historyModes}.
     */
    private void saveHistory(Settings settings, String path) {
        List<SendHistory.Entry> entries = box.history().entries();
        settings.put(path, entries.stream().map(SendHistory.Entry::text).toList());
        settings.put(path + "Modes", entries.stream().map(SendHistory.Entry::mode).toList());
    }

    /** Entries without a mode (a file written before modes were kept) come back as plain text. */
    private void restoreHistory(Settings settings, String path) {
        List<String> texts = settings.getStringList(path);
        List<String> modes = settings.getStringList(path + "Modes");
        List<SendHistory.Entry> entries = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            entries.add(SendHistory.Entry.of(texts.get(i), modes.size() == texts.size() ? modes.get(i) : null));
        }
        box.restoreHistory(entries);
    }

    /** Stops what runs in the background, for good: the tab closes or the window exits. Never waits. */
    public void shutdown() {
        periodic.stop();
        file.shutdown();
    }

    /** A datagram holds at most 65,507 bytes: say so before sending rather than lose it. */
    private boolean fits(byte[] bytes) {
        if (datagrams && bytes.length > FileSendOptions.MAX_DATAGRAM) {
            int length = bytes.length; // kept, not the bytes: the message may show for long
            box.showError(() -> I18n.format("udp.error.tooLong", length, FileSendOptions.MAX_DATAGRAM));
            return false;
        }
        return true;
    }

    private Optional<FileSendOptions> fileOptions() {
        if (!datagrams) {
            return Optional.of(FileSendOptions.stream());
        }
        long size = Numbers.parse(chunkSize.get(), 1, FileSendOptions.MAX_DATAGRAM);
        long delay = Numbers.parse(chunkDelay.get(), 0, 60_000);
        if (size < 0 || delay < 0) {
            box.showError(() -> I18n.format("file.error.chunks", FileSendOptions.MAX_DATAGRAM));
            return Optional.empty();
        }
        return Optional.of(FileSendOptions.datagrams((int) size, Duration.ofMillis(delay)));
    }

    /** Where a send goes may have changed: a message that there is nowhere to send goes. */
    public void targetChanged() {
        box.targetChanged();
    }

    private Optional<SendTarget> target() {
        SendTargetChoice choice = targets.get();
        if (!choice.available()) {
            box.showTargetProblem(choice.problem());
            return Optional.empty();
        }
        return Optional.of(choice.target());
    }
}
