package io.socketdeck.ui.quick;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandJson;
import io.socketdeck.core.send.QuickCommandImport;
import io.socketdeck.core.send.QuickCommandList;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FileJobs;
import io.socketdeck.ui.fx.UiTick;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quick-send commands, one list for the whole window (a device's commands are useful in
 * every tab). Edits go through the engine's {@link QuickCommandList}; the observable copy is what
 * the panes show.
 *
 * <p>Import and export read and write their files on the model's own worker ({@link FileJobs}),
 * never the FX thread: a named pipe waits there for its other end, a hung network mount for as
 * long as it hangs. Meanwhile every tab's menu says so, and a click gives an import up. An import
 * adds what it read after the commands in the list when it ends, edits made meanwhile included;
 * an export writes the list as it was when asked.
 */
public final class QuickCommandsModel {

    /** Ctrl+1 .. Ctrl+9 send the first nine. */
    public static final int SHORTCUTS = 9;

    private final QuickCommandList commands = new QuickCommandList();
    private final ObservableList<QuickCommand> items = FXCollections.observableArrayList();
    private final ObservableList<QuickCommand> readOnly = FXCollections.unmodifiableObservableList(items);
    private final FileJobs files;
    private final FileJobs.Slot importing;
    private final FileJobs.Slot exporting;

    /** @param tick the window's: an import's or export's outcome is applied on it */
    public QuickCommandsModel(UiTick tick) {
        files = new FileJobs(tick, "socketdeck-quick-files");
        importing = files.slot();
        exporting = files.slot();
    }

    public ObservableList<QuickCommand> items() {
        return readOnly;
    }

    public void add(QuickCommand command) {
        commands.add(command);
        sync();
    }

    public void replace(int index, QuickCommand command) {
        commands.replace(index, command);
        sync();
    }

    public void remove(int index) {
        commands.remove(index);
        sync();
    }

    public boolean moveUp(int index) {
        boolean moved = commands.moveUp(index);
        sync();
        return moved;
    }

    public boolean moveDown(int index) {
        boolean moved = commands.moveDown(index);
        sync();
        return moved;
    }

    public void setAll(List<QuickCommand> replacement) {
        commands.setAll(replacement);
        sync();
    }

    /**
     * Writes the commands as they are now to {@code file}, on the worker; what came of it, in
     * words, goes to {@code notes} (the tab's log) on the FX thread. Does nothing while an export
     * runs. FX thread.
     *
     * @return false when nothing was started
     */
    boolean exportTo(Path file, BiConsumer<LogEntry.Kind, String> notes) {
        List<QuickCommand> snapshot = commands.list();
        return exporting.start(file, () -> {
            QuickCommandJson.export(file, snapshot);
            return snapshot.size();
        }, count -> notes.accept(LogEntry.Kind.INFO, I18n.format("quick.exported", count, file.toString())),
                e -> notes.accept(LogEntry.Kind.ERROR, I18n.format("quick.exportFailed", name(file), IoErrors.describe(e))));
    }

    /**
     * Reads the commands in {@code file} on the worker, then adds them after the ones in the list
     * by then; {@code notes} (the tab's log) gets what was imported, with any encoding that fell
     * back to UTF-8, or why nothing was. A file that cannot be read changes nothing. Does nothing
     * while an import runs. FX thread.
     *
     * @return false when nothing was started
     */
    boolean importFrom(Path file, BiConsumer<LogEntry.Kind, String> notes) {
        return importing.start(file, () -> QuickCommandList.importFrom(file), imported -> merge(imported, file, notes),
                e -> notes.accept(LogEntry.Kind.ERROR, InputErrors.importFailed(name(file), e)),
                () -> notes.accept(LogEntry.Kind.INFO, I18n.format("quick.importGivenUp", name(file))));
    }

    /** The import under way is not wanted: nothing it reads is added; its notes say so. FX thread. */
    void giveUpImport() {
        importing.giveUp();
    }

    private void merge(QuickCommandImport imported, Path file, BiConsumer<LogEntry.Kind, String> notes) {
        imported.commands().forEach(commands::add);
        sync();
        String note = I18n.format("quick.imported", imported.commands().size(), name(file));
        if (!imported.charsetFallbacks().isEmpty()) {
            note += " " + I18n.format("quick.imported.fallback", imported.charsetFallbacks().stream()
                    .map(fallback -> fallback.commandName() + " (" + fallback.charsetName() + ")")
                    .collect(Collectors.joining(", ")));
        }
        notes.accept(LogEntry.Kind.INFO, note);
    }

    /** The file being imported, or null. */
    ReadOnlyObjectProperty<Path> importingProperty() {
        return importing.fileProperty();
    }

    /** The file being exported to, or null. */
    ReadOnlyObjectProperty<Path> exportingProperty() {
        return exporting.fileProperty();
    }

    /** The window goes: an import or export under way is given up, unheard. Never waits. FX thread. */
    public void shutdown() {
        files.shutdown();
    }

    private static String name(Path file) {
        return String.valueOf(file.getFileName());
    }

    private void sync() {
        items.setAll(commands.list());
    }
}
