package io.socketdeck.ui.log;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.log.ByteBlocks;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.LogExport;
import io.socketdeck.core.log.LogIngest;
import io.socketdeck.core.log.LogRendering;
import io.socketdeck.core.log.RecentErrors;
import io.socketdeck.core.log.ViewMode;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.core.util.BatchQueue;
import io.socketdeck.core.util.PrivateFiles;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.fx.BoundedList;
import io.socketdeck.ui.fx.FxPump;
import io.socketdeck.ui.fx.IoWorkers;
import io.socketdeck.ui.fx.UiTick;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The model behind a tab's traffic log: sessions feed it through {@link #newIngest()}, a pump on
 * the window's {@link UiTick} moves finished rows into a bounded list once per pulse, and the
 * encoding and view switches re-render what is already there from the kept bytes.
 *
 * <p>Rows only: connection state reaches the tab on its own channel, so dropping rows under a
 * flood, trimming them or clearing them never loses a state change.
 */
public final class TrafficLog {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Memory for the entries' bytes and previews; the capture file, not the view, keeps it all. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /** Memory allowed per entry of the limit: the default's ratio, so a bigger log may hold more... */
    private static final long BYTES_PER_ENTRY = DEFAULT_MAX_BYTES / DEFAULT_MAX_ENTRIES;
    /**
     * ...but never more than this: at 100,000 rows the ratio gave 160 MiB, which a flood of big
     * reads fills, and pausing then held as much again. 100,000 rows of up to 50 bytes still fit.
     */
    public static final long MAX_BYTES = 24L << 20;
    /** The sizes offered in the View menu. */
    public static final java.util.List<Integer> ENTRY_LIMITS = java.util.List.of(1_000, 10_000, 100_000);
    /**
     * What may wait for the next pulse: this share of the list's bytes, at most {@link
     * #QUEUE_MAX_BYTES}. A pulse shows the newest entries only, so holding more would just keep a
     * flood's bytes alive longer, which the garbage collector pays for in pauses.
     */
    private static final int QUEUE_SHARE = 4;
    /**
     * ...and never more than this, whatever the list's size: still every row of up to about
     * 60 MB/s at 60 pulses a second. Bytes waiting here are live when a young collection comes;
     * with a quarter of the default list (4 MiB) a 500 MB/s TLS flood had the collector copy
     * tens of MiB each time, overflow its survivor space into the old generation with rows long
     * gone, and grow the heap to its 1 GB limit, pauses up to 30-60 ms. With 1 MiB: the heap at
     * 396-506 MB, pauses up to 8-20 ms, the engine's TLS ingest 1.07-1.17 of a plain SSLSocket
     * reader instead of 0.70-0.81 (bench group tls, three alternating pairs).
     */
    private static final long QUEUE_MAX_BYTES = 1L << 20;
    /** Held rows while paused take at most this share of the list's memory (see {@link #hold}). */
    private static final int HELD_SHARE = 4;
    public static final int PREVIEW_CHARS = LogEntry.PREVIEW_CHARS;
    /** Counts of repeated errors are redrawn at most this often. */
    private static final long REPEATS_EVERY_NANOS = 250_000_000L;
    /** Rows above which whole-log work (decoding again, filtering) runs on a worker, not the FX thread. */
    static final int BACKGROUND_ABOVE = 2_000;
    private static final long STORM_CHECK_NANOS = 100_000_000L;

    private final BoundedList<LogEntry> list;
    private final BatchQueue<LogEntry> pending;
    /** The bytes of the rows shown and held, packed as they arrive from the queue (FX thread). */
    private final ByteBlocks blocks = new ByteBlocks();
    private final FxPump<LogEntry> pump;
    /** Errors counted in their rows, across this log's sessions (a client's reconnect attempts). */
    private final RecentErrors recentErrors = new RecentErrors();
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(this, "charset", SupportedCharsets.all().get(0));
    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(this, "viewMode", ViewMode.TEXT);
    /** Hex view on or off: a view of {@link #viewMode} kept for the simple hex toggle. */
    private final BooleanProperty hexView = new SimpleBooleanProperty(this, "hexView");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyLongWrapper renderRevision = new ReadOnlyLongWrapper(this, "renderRevision");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final BooleanProperty wrap = new SimpleBooleanProperty(this, "wrap", true);
    private final BooleanProperty showTime = new SimpleBooleanProperty(this, "showTime", true);
    private final BooleanProperty monospaceText = new SimpleBooleanProperty(this, "monospaceText");
    /** Where the user is in the rows (auto-scroll, the top row, the selection), for a view built again. */
    private final LogPlace place = new LogPlace();
    /** Rows that arrived while the display was paused, shown on resume; within the list's limits. */
    private final ArrayDeque<LogEntry> held = new ArrayDeque<>();
    private long heldWeight;
    private long heldDropped;
    /** Rows the queue before the display had dropped when the pause began: those dropped since count too. */
    private long droppedBeforePause;
    private final ReadOnlyIntegerWrapper heldCount = new ReadOnlyIntegerWrapper(this, "heldCount");
    private final LogFilter filter;
    /** How wide the widest shown row is: whether the list may give its rows one fixed height. */
    private final RowFit rowFit;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Ingests folding a storm of connects or disconnects into summary rows. */
    private final CopyOnWriteArrayList<LogIngest> folding = new CopyOnWriteArrayList<>();
    private final UiTick.Handle stormJob;
    private final BackgroundWork work = new BackgroundWork(busy);
    /** Bumped by each re-render, so a slow one that finishes after a newer one is dropped. */
    private long renderGeneration;
    private volatile Charset ingestCharset = charset.get();
    /** An error row counted one more repeat (I/O thread); the rows on screen are redrawn, at most a few times a second. */
    private volatile boolean repeatsChanged;
    private final UiTick.Handle repeatsJob;
    private long repeatsShownNanos;

    public TrafficLog(UiTick tick) {
        this(tick, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    public TrafficLog(UiTick tick, int maxEntries, long maxBytes) {
        list = new BoundedList<>(maxEntries, maxBytes, LogEntry::weight);
        pending = new BatchQueue<>(maxEntries, queueBytes(maxBytes), LogEntry::weight);
        pump = new FxPump<>(tick, pending, this::append);
        repeatsJob = tick.add(this::showRepeats);
        repeatsShownNanos = System.nanoTime() - REPEATS_EVERY_NANOS;
        stormJob = tick.add(this::sayFoldedStorms);
        charset.addListener((obs, old, now) -> {
            ingestCharset = now;
            rerender();
        });
        viewMode.addListener((obs, old, now) -> {
            hexView.set(now == ViewMode.HEX);
            redraw();
        });
        hexView.addListener((obs, old, now) -> {
            if (now) {
                viewMode.set(ViewMode.HEX);
            } else if (viewMode.get() == ViewMode.HEX) {
                viewMode.set(ViewMode.TEXT);
            }
        });
        wrap.addListener((obs, old, now) -> redraw());
        showTime.addListener((obs, old, now) -> redraw());
        paused.addListener((obs, old, now) -> {
            if (now) {
                droppedBeforePause = pump.dropped();
            } else {
                resume();
            }
        });
        filter = new LogFilter(tick, work, list.items(), charset);
        rowFit = new RowFit(filter.shown(), viewMode);
    }

    /** A listener for one session: give each session its own, as it keeps that session's decoders. */
    public SessionListener newIngest() {
        return ingest(LogIngest.Boundaries.STREAM, false);
    }

    /**
     * A listener for one datagram session (UDP): one entry per datagram, each decoded from its own
     * bytes, never joined with the one before (see {@link LogIngest}).
     */
    public SessionListener newDatagramIngest() {
        return ingest(LogIngest.Boundaries.DATAGRAM, false);
    }

    /** Like {@link #newIngest()} for a server: clients arrive, it listens, sends may go to many. */
    public SessionListener newServerIngest() {
        return ingest(LogIngest.Boundaries.STREAM, true);
    }

    private LogIngest ingest(LogIngest.Boundaries boundaries, boolean serverSide) {
        return new LogIngest(() -> ingestCharset, PREVIEW_CHARS, pump::offer, boundaries, serverSide, this::repeated,
                recentErrors)
                .whenFolding(ingest -> {
                    folding.addIfAbsent(ingest);
                    stormJob.wake();
                });
    }

    /**
     * While a storm is being folded, says its summary rows a window after they are due, so the
     * last one comes even when nothing follows the storm; idle otherwise.
     */
    private long sayFoldedStorms(long nowNanos) {
        for (LogIngest ingest : folding) {
            ingest.sayFolded(System.currentTimeMillis());
            if (!ingest.hasFolded()) {
                folding.remove(ingest);
            }
        }
        return folding.isEmpty() ? UiTick.IDLE : nowNanos + STORM_CHECK_NANOS;
    }

    public ObservableList<LogEntry> entries() {
        return list.items();
    }

    /** The rows that pass the filter: what the view shows. */
    public ObservableList<LogEntry> shownEntries() {
        return filter.shown();
    }

    public LogFilter filter() {
        return filter;
    }

    /** How wide the widest row {@link #shownEntries} holds is (see {@link RowFit}). */
    RowFit rowFit() {
        return rowFit;
    }

    /** While true the view stands still; traffic is still counted, captured and kept for later. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Rows waiting for the display to resume. */
    public ReadOnlyIntegerProperty heldCountProperty() {
        return heldCount.getReadOnlyProperty();
    }

    public LogPlace place() {
        return place;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    public BooleanProperty showTimeProperty() {
        return showTime;
    }

    /** Text payloads in a fixed-width font too; hex, hex + text and dump always are. Set for the whole window. */
    public BooleanProperty monospaceTextProperty() {
        return monospaceText;
    }

    /** The payloads are shown in a fixed-width font: any hex view, or text when asked for. */
    public boolean isMonospace() {
        return viewMode.get() != ViewMode.TEXT || monospaceText.get();
    }

    /**
     * Saves every row, decoded in full, on a worker thread; a row in the log says how it went.
     * The rows are copied first, so traffic arriving meanwhile changes nothing.
     */
    public Task<Integer> saveAs(Path file, LogExport.Format format) {
        List<LogEntry> snapshot = List.copyOf(list.items());
        Charset current = charset.get();
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() throws IOException {
                try (Writer out = PrivateFiles.newBufferedWriter(file, StandardCharsets.UTF_8)) { // 0600
                    LogExport.write(snapshot, entry -> true, current, format, out);
                }
                return snapshot.size();
            }
        };
        task.setOnSucceeded(event -> note(LogEntry.Kind.INFO,
                I18n.format("log.saved", task.getValue(), file.toString())));
        task.setOnFailed(event -> note(LogEntry.Kind.ERROR,
                I18n.format("log.saveFailed", file.toString(), IoErrors.describe(task.getException()))));
        IoWorkers.run(task);
        return task;
    }

    /** How the log is shown, remembered across restarts: encoding, view, wrap, time column. */
    public PersistedFields persisted() {
        return new PersistedFields()
                .named("encoding", charset, Charset::name, SupportedCharsets::byName)
                .choice("view", viewMode, ViewMode.class)
                .flag("wrap", wrap)
                .flag("time", showTime);
    }

    /** Adds a row of the application's own, e.g. "saved the log to …"; FX thread. */
    public void note(LogEntry.Kind kind, String message) {
        pump.flushNow(); // rows that arrived before it come before it
        list.appendAll(List.of(LogEntry.event(System.currentTimeMillis(), kind, "", message)));
        bump();
    }

    /** The encoding chosen now, for threads other than the FX thread (an I/O thread matching text). */
    public Charset currentCharset() {
        return ingestCharset;
    }

    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    public ObjectProperty<ViewMode> viewModeProperty() {
        return viewMode;
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

    public void setLimits(int maxEntries, long maxBytes) {
        list.setLimits(maxEntries, maxBytes);
        pending.setLimits(maxEntries, queueBytes(maxBytes));
        bump();
    }

    /** The bytes that may wait for the next pulse in front of a list of {@code maxBytes}. */
    private static long queueBytes(long maxBytes) {
        return Math.min(maxBytes / QUEUE_SHARE, QUEUE_MAX_BYTES);
    }

    /** Keeps at most {@code maxEntries} rows, with memory for them in proportion. */
    public void setMaxEntries(int maxEntries) {
        setLimits(maxEntries, Math.min(MAX_BYTES, Math.max(DEFAULT_MAX_BYTES, maxEntries * BYTES_PER_ENTRY)));
    }

    public int maxEntries() {
        return list.maxItems();
    }

    /** Memory the rows may take, shown or held while paused (each within it). */
    public long maxBytes() {
        return list.maxWeight();
    }

    /** Entries trimmed off the top (or dropped before display) because of the limits. */
    public long trimmedCount() {
        return list.trimmed() + pump.dropped();
    }

    /** Empties the rows, shown, held and queued; nothing else (connections, counters, capture) changes. */
    public void clear() {
        recentErrors.clear(); // a repeat after Clear starts a row the user sees
        pump.discardQueued();
        list.clear();
        held.clear();
        blocks.release();
        heldWeight = 0;
        heldDropped = 0;
        droppedBeforePause = pump.dropped();
        heldCount.set(0);
        bump();
    }

    /** Delivers what is queued now instead of at the next pulse; FX thread. */
    public void flushNow() {
        pump.flushNow();
    }

    private void append(List<LogEntry> batch) {
        blocks.pack(batch, System.nanoTime(), list.maxItems(), list.maxWeight(), pump.dropped());
        if (paused.get()) {
            hold(batch);
        } else {
            list.appendAll(batch);
            if (LogRendering.anyStale(batch, charset.get())) {
                rerender(); // decoded before an encoding switch reached the I/O thread
            }
        }
        bump();
    }

    /**
     * Keeps what arrives while paused within the log's limits: as many rows as the list, and a
     * quarter of its memory, beside the rows on screen, which stay. The oldest held rows go first.
     * On resume the held rows are the newest; more would only push out the ones on screen.
     */
    private void hold(List<LogEntry> batch) {
        for (LogEntry entry : batch) {
            held.addLast(entry);
            heldWeight += entry.weight();
        }
        trimHeld(list.maxItems(), heldBudget());
        heldCount.set(held.size());
    }

    /** Memory for held rows: a quarter of the list's, so paused and flooded the log takes 1.5 times its size. */
    private long heldBudget() {
        return list.maxWeight() / HELD_SHARE;
    }

    private void trimHeld(int maxItems, long maxWeight) {
        while (held.size() > 1 && (held.size() > maxItems || heldWeight > maxWeight)) {
            heldWeight -= held.removeFirst().weight();
            heldDropped++;
        }
    }

    private void resume() {
        long dropped = heldDropped + pump.dropped() - droppedBeforePause;
        LogEntry note = null;
        if (dropped > 0) {
            // Room for the note above the held rows: the list keeps the newest, and the note is older.
            // Sized for the largest count it can say, so the final text never weighs more.
            int before = held.size();
            long room = droppedNote(dropped + before).weight();
            trimHeld(list.maxItems() - 1, list.maxWeight() - room);
            note = droppedNote(dropped + before - held.size());
        }
        List<LogEntry> waiting = new ArrayList<>(held.size() + 1);
        if (note != null) {
            waiting.add(note);
        }
        waiting.addAll(held);
        held.clear();
        heldWeight = 0;
        heldDropped = 0;
        heldCount.set(0);
        list.appendAll(waiting);
        if (LogRendering.anyStale(waiting, charset.get())) {
            rerender(); // held across an encoding switch: decoded the old way
        }
        bump();
    }

    private static LogEntry droppedNote(long dropped) {
        return LogEntry.event(System.currentTimeMillis(), LogEntry.Kind.INFO, "",
                I18n.format("log.droppedWhilePaused", dropped));
    }

    /** I/O thread: a row's count went up ("… (×312)"); cheap, the tick redraws later. */
    private void repeated(LogEntry entry) {
        repeatsChanged = true;
        repeatsJob.wake();
    }

    private long showRepeats(long nowNanos) {
        if (!repeatsChanged) {
            return UiTick.IDLE;
        }
        if (nowNanos - repeatsShownNanos < REPEATS_EVERY_NANOS) {
            return repeatsShownNanos + REPEATS_EVERY_NANOS;
        }
        repeatsChanged = false;
        repeatsShownNanos = nowNanos;
        redraw();
        return UiTick.IDLE;
    }

    private void redraw() {
        renderRevision.set(renderRevision.get() + 1);
    }

    /**
     * Decodes every data row again in the current encoding, each stream in order, each datagram
     * alone: a big log on a worker over a copy of the rows, the result shown in one go when ready.
     */
    private void rerender() {
        List<LogEntry> rows = List.copyOf(list.items());
        Charset target = charset.get();
        long generation = ++renderGeneration;
        if (rows.size() <= BACKGROUND_ABOVE) {
            LogRendering.rerender(rows, target);
            rowFit.rowsRendered();
            redraw();
            return;
        }
        work.run(() -> LogRendering.decode(rows, target), previews -> {
            if (generation == renderGeneration) {
                LogRendering.apply(rows, target, previews);
                rowFit.rowsRendered();
                redraw();
            }
        });
    }

    /**
     * The rows in {@code chosen}, decoded in full, as text lines in log order, for the clipboard:
     * built on a worker for a big log; {@code ready} gets the text on the FX thread.
     */
    public void copyText(Collection<LogEntry> chosen, Consumer<String> ready) {
        List<LogEntry> rows = List.copyOf(list.items());
        List<LogEntry> wanted = List.copyOf(chosen);
        Charset current = charset.get();
        if (rows.size() <= BACKGROUND_ABOVE) {
            ready.accept(LogExport.copyText(rows, wanted, current));
        } else {
            work.run(() -> LogExport.copyText(rows, wanted, current), ready);
        }
    }

    /** True while whole-log work (decoding again, filtering) runs in the background: the view may say so. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }
}
