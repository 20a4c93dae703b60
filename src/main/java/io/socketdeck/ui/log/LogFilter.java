package io.socketdeck.ui.log;

import io.socketdeck.core.codec.ByteSearch;
import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.HexParser;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.ui.common.I18n;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Narrows the log to the rows that contain a pattern: text (ASCII case ignored) or hex bytes.
 * Data rows are matched on their raw bytes, with a text pattern encoded in the log's encoding,
 * so the whole payload is searched, not just the preview on screen; event rows on their text.
 */
public final class LogFilter {

    private final FilteredList<LogEntry> shown;
    private final ObjectProperty<Charset> charset;
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final BooleanProperty hex = new SimpleBooleanProperty(this, "hex");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    LogFilter(ObservableList<LogEntry> entries, ObjectProperty<Charset> charset) {
        this.shown = new FilteredList<>(entries);
        this.charset = charset;
        pattern.addListener((obs, old, now) -> apply());
        hex.addListener((obs, old, now) -> apply());
        charset.addListener((obs, old, now) -> apply());
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

    private void apply() {
        String text = pattern.get() == null ? "" : pattern.get();
        error.set(null);
        if (text.isBlank()) {
            shown.setPredicate(null);
            return;
        }
        if (hex.get()) {
            try {
                shown.setPredicate(matchingBytes(HexParser.parse(text), false, null));
            } catch (HexFormatException e) {
                error.set(I18n.format(e.reason() == HexFormatException.Reason.ODD_DIGITS
                        ? "send.error.hexOdd" : "send.error.hexChar", String.valueOf(e.position() + 1), e.offending()));
                shown.setPredicate(entry -> false);
            }
            return;
        }
        byte[] needle = text.getBytes(charset.get());
        shown.setPredicate(matchingBytes(needle, true, text.toLowerCase(Locale.ROOT)));
    }

    private static Predicate<LogEntry> matchingBytes(byte[] needle, boolean ignoreCase, String eventText) {
        return entry -> {
            if (entry.isData()) {
                return ByteSearch.indexOf(entry.bytes(), needle, ignoreCase) >= 0;
            }
            return eventText != null && entry.message() != null
                    && entry.message().toLowerCase(Locale.ROOT).contains(eventText);
        };
    }
}
