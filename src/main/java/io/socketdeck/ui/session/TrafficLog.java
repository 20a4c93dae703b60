package io.socketdeck.ui.session;

import io.socketdeck.core.codec.StreamTextDecoder;
import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.util.BatchQueue;
import io.socketdeck.ui.fx.BoundedList;
import io.socketdeck.ui.fx.FxPump;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The model behind a tab's traffic log: sessions feed it through {@link #newIngest()}, a pump
 * moves finished entries into a bounded list once per pulse, and the encoding and hex switches
 * re-render what is already there from the kept bytes.
 */
public final class TrafficLog {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Memory for the entries' bytes and previews; the capture file, not the view, keeps it all. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /**
     * What may wait for the next pulse. A pulse shows the newest entries only, so holding more
     * would just keep a flood's bytes alive longer, which the garbage collector pays for in pauses.
     */
    private static final int QUEUE_SHARE = 4;
    public static final int PREVIEW_CHARS = 400;

    private final BoundedList<LogEntry> list;
    private final FxPump<LogEntry> pump;
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(this, "charset", SupportedCharsets.all().get(0));
    private final BooleanProperty hexView = new SimpleBooleanProperty(this, "hexView");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyLongWrapper renderRevision = new ReadOnlyLongWrapper(this, "renderRevision");
    private final List<Consumer<SessionEvent>> controlListeners = new ArrayList<>();
    private volatile Charset ingestCharset = charset.get();

    public TrafficLog() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    public TrafficLog(int maxEntries, long maxBytes) {
        list = new BoundedList<>(maxEntries, maxBytes, LogEntry::weight);
        pump = new FxPump<>(new BatchQueue<>(maxEntries, maxBytes / QUEUE_SHARE, LogEntry::weight,
                entry -> entry.control() == null),
                this::append);
        charset.addListener((obs, old, now) -> {
            ingestCharset = now;
            rerender();
        });
        hexView.addListener((obs, old, now) -> renderRevision.set(renderRevision.get() + 1));
    }

    /** A listener for one session: give each session its own, as it keeps that session's decoders. */
    public SessionListener newIngest() {
        return new LogIngest(() -> ingestCharset, PREVIEW_CHARS, pump::offer);
    }

    /** Like {@link #newIngest()} for a server: clients arrive, it listens, sends may go to many. */
    public SessionListener newServerIngest() {
        return new LogIngest(() -> ingestCharset, PREVIEW_CHARS, pump::offer, true);
    }

    public ObservableList<LogEntry> entries() {
        return list.items();
    }

    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    public BooleanProperty hexViewProperty() {
        return hexView;
    }

    /** Bumped once per batch appended, and on clear: the view follows the tail, counters refresh. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Bumped when existing rows must be drawn again: another encoding, hex view on or off. */
    public ReadOnlyLongProperty renderRevisionProperty() {
        return renderRevision.getReadOnlyProperty();
    }

    /** Called on the FX thread, in log order, for connect, disconnect, failure and close events. */
    public void addControlListener(Consumer<SessionEvent> listener) {
        controlListeners.add(listener);
    }

    public void setLimits(int maxEntries, long maxBytes) {
        list.setLimits(maxEntries, maxBytes);
    }

    public int maxEntries() {
        return list.maxItems();
    }

    /** Entries trimmed off the top (or dropped before display) because of the limits. */
    public long trimmedCount() {
        return list.trimmed() + pump.dropped();
    }

    public void clear() {
        pump.discardQueued();
        list.clear();
        bump();
    }

    /** Delivers what is queued now instead of at the next pulse; FX thread. */
    public void flushNow() {
        pump.flushNow();
    }

    private void append(List<LogEntry> batch) {
        List<LogEntry> visible = new ArrayList<>(batch.size());
        boolean stale = false;
        Charset current = charset.get();
        for (LogEntry entry : batch) {
            if (entry.isVisible()) {
                visible.add(entry);
                stale |= entry.isData() && !current.equals(entry.charset());
            }
            if (entry.control() != null) {
                for (Consumer<SessionEvent> listener : controlListeners) {
                    listener.accept(entry.control());
                }
            }
        }
        list.appendAll(visible);
        if (stale) {
            rerender(); // decoded before an encoding switch reached the I/O thread
        }
        bump();
    }

    /** Decodes every data row again in the current encoding, each stream in order. */
    private void rerender() {
        Charset current = charset.get();
        Map<StreamKey, StreamTextDecoder> decoders = new HashMap<>();
        for (LogEntry entry : list.items()) {
            if (entry.isData()) {
                StreamTextDecoder decoder = decoders.computeIfAbsent(new StreamKey(entry.peer(), entry.kind()),
                        key -> new StreamTextDecoder(current));
                entry.render(current, decoder.decodePreview(entry.bytes(), 0, entry.byteCount(), PREVIEW_CHARS));
            }
        }
        renderRevision.set(renderRevision.get() + 1);
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }
}
