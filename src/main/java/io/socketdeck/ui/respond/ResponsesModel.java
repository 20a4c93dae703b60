package io.socketdeck.ui.respond;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleJson;
import io.socketdeck.core.respond.RuleSet;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.settings.EntriesRead;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.fx.FileJobs;
import io.socketdeck.ui.fx.UiTick;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a tab answers on its own: auto-reply rules (the first enabled one that matches a message
 * answers it) and echo (a message no rule answered goes back as it came). The answering runs on
 * the session's I/O thread ({@link Responder}); this keeps the user's choices, hands every change
 * to the live session's responder at once, and shows each rule's hits. FX thread.
 *
 * <p>Rules files are imported and exported on the model's own worker ({@link FileJobs}), never
 * the FX thread; an import adds what it read after the rules in the list when it ends, an export
 * writes the rules as they were when asked.
 */
public final class ResponsesModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(ResponsesModel.class);
    /** How often, at most, the hit counters are redrawn while rules answer. */
    private static final long HITS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final BooleanProperty echo = new SimpleBooleanProperty(this, "echo");
    private final BooleanProperty rulesOn = new SimpleBooleanProperty(this, "rulesOn", true);
    private final ObservableList<Rule> rules = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper hitsRevision = new ReadOnlyLongWrapper(this, "hitsRevision");
    private final UiTick.Handle hitsJob;
    /** Where a problem with the stored rules is told: the tab's log. */
    private final Consumer<String> notes;
    /** Stored rules this version cannot read: written back as they were, in their places. */
    private List<EntriesRead.Unread> unreadRules = List.of();
    private volatile RuleSet compiled = RuleSet.EMPTY; // read by I/O threads in trafficMoved()
    private long shownHits;
    private Responder current;
    /** Rules files read and written off the FX thread. */
    private final FileJobs files;
    private final FileJobs.Slot importing;
    private final FileJobs.Slot exporting;

    /** @param notes where a problem with the stored rules is told, once, at restore */
    public ResponsesModel(UiTick tick, Consumer<String> notes) {
        this.notes = notes;
        echo.addListener((obs, old, now) -> {
            if (current != null) {
                current.setEcho(now);
            }
        });
        rules.addListener((javafx.collections.ListChangeListener<Rule>) change -> recompile());
        rulesOn.addListener((obs, old, now) -> recompile());
        hitsJob = tick.add(this::showHits);
        files = new FileJobs(tick, "socketdeck-rules-files");
        importing = files.slot();
        exporting = files.slot();
    }

    private void recompile() {
        compiled = RuleSet.of(List.copyOf(rules)); // new rules count from 0
        shownHits = -1;
        if (current != null) {
            current.setRules(compiled, rulesOn.get());
        }
        hitsRevision.set(hitsRevision.get() + 1);
    }

    /**
     * The responder for a new session, as the user set things up; it goes last in the session's
     * listeners.
     *
     * @param report      where its own events go (a loop paused): the session's other listeners
     * @param textCharset the tab's encoding, which text rules match in
     * @param counter     the tab's counter, for {@code {{COUNTER}}} in replies
     */
    public Responder newResponder(SessionListener report, Supplier<Charset> textCharset, MacroValues counter) {
        current = new Responder(report, textCharset, counter);
        current.setEcho(echo.get());
        current.setRules(compiled, rulesOn.get());
        hitsJob.wake();
        return current;
    }

    /** The session the current responder answers through, once it exists. */
    public void answerThrough(Replies session) {
        if (current != null) {
            current.answerThrough(session);
        }
    }

    private long showHits(long nowNanos) {
        long total = 0;
        for (int i = 0; i < compiled.size(); i++) {
            total += compiled.hits(i);
        }
        if (total == shownHits) {
            return UiTick.IDLE; // nothing answered since: an idle window does not poll (traffic wakes it)
        }
        shownHits = total;
        hitsRevision.set(hitsRevision.get() + 1);
        return nowNanos + HITS_EVERY_NANOS; // answers may be coming fast: redraw at most four times a second
    }

    /** A message came or went: a rule may have answered. Any thread, cheap. */
    public void trafficMoved() {
        if (compiled.size() > 0) {
            hitsJob.wake();
        }
    }

    /** How many messages rule {@code index} answered since the rules last changed. */
    public long hits(int index) {
        return compiled.hits(index);
    }

    /** Bumped when any hit count may have moved: the list redraws its counts. */
    public ReadOnlyLongProperty hitsRevisionProperty() {
        return hitsRevision.getReadOnlyProperty();
    }

    /** Echo every received message no rule answered back to its sender; applies at once. */
    public BooleanProperty echoProperty() {
        return echo;
    }

    /** The master switch of the rules; applies at once. */
    public BooleanProperty rulesOnProperty() {
        return rulesOn;
    }

    /** The rules, in the order they are tried; edit freely, the live session follows. */
    public ObservableList<Rule> rules() {
        return rules;
    }

    /**
     * Reads the rules in {@code file} on the worker, then adds them after the ones in the list by
     * then; {@code notes} (the tab's log) gets how many, or why none. A file that cannot be read
     * changes nothing. Does nothing while an import runs. FX thread.
     *
     * @return false when nothing was started
     */
    boolean importFrom(Path file, BiConsumer<LogEntry.Kind, String> notes) {
        return importing.start(file, () -> RuleJson.importFrom(file), imported -> {
            rules.addAll(imported);
            notes.accept(LogEntry.Kind.INFO, I18n.format("rule.imported", imported.size(), name(file)));
        }, e -> notes.accept(LogEntry.Kind.ERROR, InputErrors.importFailed(name(file), e)),
                () -> notes.accept(LogEntry.Kind.INFO, I18n.format("quick.importGivenUp", name(file))));
    }

    /** The import under way is not wanted: nothing it reads is added; its notes say so. FX thread. */
    void giveUpImport() {
        importing.giveUp();
    }

    /**
     * Writes the rules as they are now to {@code file}, on the worker; {@code notes} (the tab's
     * log) gets what came of it. Does nothing while an export runs. FX thread.
     *
     * @return false when nothing was started
     */
    boolean exportTo(Path file, BiConsumer<LogEntry.Kind, String> notes) {
        List<Rule> exported = List.copyOf(rules);
        return exporting.start(file, () -> {
            RuleJson.export(file, exported);
            return exported.size();
        }, count -> notes.accept(LogEntry.Kind.INFO, I18n.format("rule.exported", count, file.toString())),
                e -> notes.accept(LogEntry.Kind.ERROR, I18n.format("quick.exportFailed", name(file),
                        IoErrors.describe(e))));
    }

    /** The file being imported, or null. */
    ReadOnlyObjectProperty<Path> importingProperty() {
        return importing.fileProperty();
    }

    /** The file being exported to, or null. */
    ReadOnlyObjectProperty<Path> exportingProperty() {
        return exporting.fileProperty();
    }

    /** The tab closes: an import or export under way is given up, unheard. Never waits. FX thread. */
    public void shutdown() {
        files.shutdown();
    }

    private static String name(Path file) {
        return String.valueOf(file.getFileName());
    }

    /**
     * What is remembered: "echo", "rulesOn" and the "rules" themselves; a stored rule this version
     * cannot read is kept as it was, saved back in its place, and told once.
     */
    public PersistedFields persisted() {
        return new PersistedFields()
                .flag("echo", echo)
                .flag("rulesOn", rulesOn)
                .custom("rules", (settings, path) -> settings.put(path,
                                EntriesRead.withUnread(RuleJson.toTree(List.copyOf(rules)), unreadRules)),
                        (settings, path) -> settings.get(path).ifPresent(tree -> restoreRules(tree, path)), rules);
    }

    private void restoreRules(Object tree, String path) {
        EntriesRead<Rule> stored = RuleJson.readEach(tree);
        rules.setAll(stored.read());
        unreadRules = stored.unread();
        if (!unreadRules.isEmpty()) {
            LOGGER.warn("{} auto-reply rules at {} in the settings cannot be read, kept as they are: {}",
                    unreadRules.size(), path, unreadRules.stream().map(EntriesRead.Unread::problem).toList());
            notes.accept(I18n.format("rule.unread", unreadRules.size()));
        }
    }
}
