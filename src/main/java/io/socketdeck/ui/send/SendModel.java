package io.socketdeck.ui.send;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.Macros;
import io.socketdeck.core.send.PayloadBuildFailure;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.Payloads;
import io.socketdeck.core.send.SendHistory;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PayloadErrors;
import io.socketdeck.ui.common.WordedText;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The send box: what the user typed, how to read it (hex, escapes), what to append (checksum,
 * line ending), the history of what was sent, and the message shown under the box when it
 * cannot be sent. Turning text into bytes never loses a character silently: one the encoding
 * cannot represent is an error at the field, not a '?' on the wire.
 */
public final class SendModel {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty hex = new SimpleBooleanProperty(this, "hex");
    private final BooleanProperty escapes = new SimpleBooleanProperty(this, "escapes");
    /** Which pane shows beside the send box: 0 quick send, 1 the next added (auto-reply rules). */
    private final IntegerProperty shownSide = new SimpleIntegerProperty(this, "shownSide");
    private final ObjectProperty<LineEnding> lineEnding = new SimpleObjectProperty<>(this, "lineEnding", LineEnding.NONE);
    private final ObjectProperty<Checksum> checksum = new SimpleObjectProperty<>(this, "checksum", Checksum.NONE);
    private final WordedText error = new WordedText(this, "error");
    /**
     * The wording of the last message about where the send goes (not connected, no client
     * selected), not about what was typed: it goes by itself while it is still the one shown, in
     * whichever language it is said by then (a flag cleared on every change of the text would be
     * cleared by the switch saying it again).
     */
    private Supplier<String> targetProblem;
    private SendHistory history = new SendHistory();
    private final ReadOnlyLongWrapper historyRevision = new ReadOnlyLongWrapper(this, "historyRevision");
    /** The tab's {@code {{COUNTER}}}: 1 for its first send that has it; any thread (a repeat builds on its session's). */
    private final AtomicLong counter = new AtomicLong();
    private final MacroValues macros = counter::incrementAndGet;

    public SendModel() {
        text.addListener((obs, old, now) -> error.set(null));
        hex.addListener((obs, old, now) -> error.set(null));
        escapes.addListener((obs, old, now) -> error.set(null));
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty hexProperty() {
        return hex;
    }

    /** Read the escapes r, n, t, backslash, 0, xNN and uNNNN (each after a backslash) in text. */
    /** Which pane shows beside the send box, kept here for a view built again (a language switch). */
    public IntegerProperty shownSideProperty() {
        return shownSide;
    }

    public BooleanProperty escapesProperty() {
        return escapes;
    }

    public ObjectProperty<LineEnding> lineEndingProperty() {
        return lineEnding;
    }

    public ObjectProperty<Checksum> checksumProperty() {
        return checksum;
    }

    /** The reason the last send attempt failed, localized, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public SendHistory history() {
        return history;
    }

    /** Shows why what was asked cannot be sent, said again in each language chosen while it shows. */
    void showError(Supplier<String> wording) {
        error.word(wording);
    }

    public void clearError() {
        error.set(null);
    }

    /**
     * Shows why there is nowhere to send, said again after a language switch; it goes by itself
     * when {@link #targetChanged()} says so. Null clears the message: a field shows the problem.
     */
    public void showTargetProblem(Supplier<String> wording) {
        if (wording == null) {
            error.set(null);
            return;
        }
        targetProblem = wording;
        error.word(wording);
    }

    /**
     * Where a send would go may have changed (connected, stopped, another client selected): a
     * message about the old target no longer holds. One about the text stays.
     */
    public void targetChanged() {
        if (error.isWordedBy(targetProblem)) {
            error.set(null);
        }
        targetProblem = null;
    }

    public PayloadOptions options(Charset charset) {
        return new PayloadOptions(hex.get(), charset, escapes.get(), lineEnding.get(), checksum.get());
    }

    /** The bytes to send, or empty with {@link #errorProperty()} saying why. */
    public Optional<byte[]> encode(Charset charset) {
        String input = text.get() == null ? "" : text.get();
        if (input.isEmpty()) {
            error.word(() -> I18n.text("send.error.empty"));
            return Optional.empty();
        }
        return build(input, options(charset));
    }

    /** Builds any payload, e.g. a quick command's, reporting problems at the send box. */
    public Optional<byte[]> build(String input, PayloadOptions options) {
        try {
            byte[] bytes = Payloads.build(input, options, macros);
            if (bytes.length == 0) {
                error.word(() -> I18n.text("send.error.empty"));
                return Optional.empty();
            }
            error.set(null);
            return Optional.of(bytes);
        } catch (PayloadException e) {
            error.word(() -> PayloadErrors.describe(e));
            return Optional.empty();
        }
    }

    /** The tab's counter and clock for macros: automatic answers count on from the same counter. */
    public MacroValues macros() {
        return macros;
    }

    /**
     * What a repeat sends, asked once per send: {@code first} (the send box's content, built and
     * checked already) and, when it has macros that change (a counter, a time), the content built
     * again for each later send with new values.
     */
    public Supplier<byte[]> repeating(byte[] first, Charset charset) {
        Macros.Template template;
        try {
            template = Macros.parse(text.get() == null ? "" : text.get());
        } catch (PayloadException alreadyBuilt) {
            throw new IllegalStateException("built once already", alreadyBuilt);
        }
        if (template.fixed()) {
            return first::clone;
        }
        PayloadOptions options = options(charset);
        AtomicBoolean firstTaken = new AtomicBoolean();
        return () -> {
            if (firstTaken.compareAndSet(false, true)) {
                return first;
            }
            try {
                return Payloads.build(template, options, macros);
            } catch (PayloadException newValuesMadeItBad) {
                throw new PayloadBuildFailure(newValuesMadeItBad);
            }
        };
    }

    /** Replaces the history with entries kept from an earlier run, oldest first. */
    public void restoreHistory(List<SendHistory.Entry> oldestFirst) {
        history = SendHistory.restore(oldestFirst);
        historyRevision.set(historyRevision.get() + 1);
    }

    /** Remembers what was just sent, in its mode, for Up/Down. */
    public void remember() {
        history.add(current());
        historyRevision.set(historyRevision.get() + 1);
    }

    private SendHistory.Entry current() {
        return new SendHistory.Entry(text.get() == null ? "" : text.get(), hex.get(), escapes.get());
    }

    /** Changes whenever the history does: for saving it soon after a send. */
    public ReadOnlyLongProperty historyRevisionProperty() {
        return historyRevision.getReadOnlyProperty();
    }

    /** Up in the send box: the previous entry, keeping what was being typed as a draft. */
    public void historyBack() {
        history.previous(current()).ifPresent(this::showFromHistory);
    }

    /** Down in the send box: the next entry, and finally the draft again. */
    public void historyForward() {
        history.next().ifPresent(this::showFromHistory);
    }

    /** The entry's text in the mode it was sent in, so it goes out the same way again. */
    private void showFromHistory(SendHistory.Entry entry) {
        hex.set(entry.hex());
        escapes.set(entry.escapes());
        text.set(entry.text());
    }
}
