package io.socketdeck.ui.log;

import io.socketdeck.core.codec.ByteSearch;
import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.HexParser;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.fx.UiTick;
import java.nio.charset.Charset;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Narrows the log to the rows that contain a pattern: text (ASCII case ignored) or hex bytes.
 * Data rows are matched on their raw bytes, with a text pattern encoded in the log's encoding,
 * so the whole payload is searched, not just the preview on screen; event rows on their text.
 *
 * <p>Typing is followed a moment after it pauses (on the window's tick), and a big log is searched
 * on a worker over a copy of its rows: the FX thread then only looks the answers up, and tests
 * rows that arrived meanwhile one by one.
 */
public final class LogFilter {

    static final long DEBOUNCE_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private final FilteredList<LogEntry> shown;
    private final ObservableList<LogEntry> entries;
    private final ObjectProperty<Charset> charset;
    private final BackgroundWork work;
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final BooleanProperty hex = new SimpleBooleanProperty(this, "hex");
    private final WordedText error = new WordedText(this, "error");
    private final UiTick.Handle debounce;
    private long changedNanos;
    private boolean changed;
    /** Bumped by each search, so a slow one that finishes after a newer one is dropped. */
    private long generation;

    LogFilter(UiTick tick, BackgroundWork work, ObservableList<LogEntry> entries, ObjectProperty<Charset> charset) {
        this.shown = new FilteredList<>(entries);
        this.entries = entries;
        this.charset = charset;
        this.work = work;
        this.debounce = tick.add(this::applyWhenQuiet);
        pattern.addListener((obs, old, now) -> changed());
        hex.addListener((obs, old, now) -> changed());
        charset.addListener((obs, old, now) -> changed());
    }

    private void changed() {
        changed = true;
        changedNanos = System.nanoTime();
        debounce.wake();
    }

    private long applyWhenQuiet(long nowNanos) {
        if (!changed) {
            return UiTick.IDLE;
        }
        if (nowNanos - changedNanos < DEBOUNCE_NANOS) {
            return changedNanos + DEBOUNCE_NANOS;
        }
        changed = false;
        apply();
        return UiTick.IDLE;
    }

    ObservableList<LogEntry> shown() {
        return shown;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public BooleanProperty hexProperty() {
        return hex;
    }

    /** Why the pattern cannot be used (bad hex), localized, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isActive() {
        return shown.getPredicate() != null;
    }

    /** Applies the pattern now, without waiting for typing to pause; FX thread. */
    public void applyNow() {
        changed = false;
        apply();
    }

    private void apply() {
        long search = ++generation;
        String text = pattern.get() == null ? "" : pattern.get();
        error.set(null);
        if (text.isBlank()) {
            shown.setPredicate(null);
            return;
        }
        Predicate<LogEntry> matcher;
        if (hex.get()) {
            try {
                matcher = matchingBytes(HexParser.parse(text), false, null);
            } catch (HexFormatException e) {
                error.word(() -> I18n.format(e.reason() == HexFormatException.Reason.ODD_DIGITS
                        ? "send.error.hexOdd" : "send.error.hexChar", String.valueOf(e.position() + 1), e.offending()));
                shown.setPredicate(entry -> false);
                return;
            }
        } else {
            matcher = matchingBytes(text.getBytes(charset.get()), true, text.toLowerCase(Locale.ROOT));
        }
        if (entries.size() <= TrafficLog.BACKGROUND_ABOVE) {
            shown.setPredicate(matcher);
            return;
        }
        List<LogEntry> rows = List.copyOf(entries);
        work.run(() -> answers(rows, matcher), known -> {
            if (search == generation) {
                shown.setPredicate(entry -> {
                    Boolean answer = known.get(entry);
                    return answer != null ? answer : matcher.test(entry); // a row that came meanwhile
                });
            }
        });
    }

    /** Whether each of {@code rows} matches; by identity, as a row is itself and no other. */
    private static Map<LogEntry, Boolean> answers(List<LogEntry> rows, Predicate<LogEntry> matcher) {
        Map<LogEntry, Boolean> known = new IdentityHashMap<>(rows.size() * 2);
        for (LogEntry row : rows) {
            known.put(row, matcher.test(row));
        }
        return known;
    }

    private static Predicate<LogEntry> matchingBytes(byte[] needle, boolean ignoreCase, String eventText) {
        return entry -> {
            if (entry.isData()) {
                return ByteSearch.indexOf(entry.byteStore(), entry.byteOffset(), entry.byteCount(), needle,
                        ignoreCase) >= 0;
            }
            return eventText != null && entry.message() != null
                    && entry.message().toLowerCase(Locale.ROOT).contains(eventText);
        };
    }
}
