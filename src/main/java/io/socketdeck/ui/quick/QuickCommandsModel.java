package io.socketdeck.ui.quick;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandFormatException;
import io.socketdeck.core.send.QuickCommandImport;
import io.socketdeck.core.send.QuickCommandList;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quick-send commands, one list for the whole window (a device's commands are useful in
 * every tab). Edits go through the engine's {@link QuickCommandList}; the observable copy is what
 * the panes show.
 */
public final class QuickCommandsModel {

    /** Ctrl+1 .. Ctrl+9 send the first nine. */
    public static final int SHORTCUTS = 9;

    private final QuickCommandList commands = new QuickCommandList();
    private final ObservableList<QuickCommand> items = FXCollections.observableArrayList();
    private final ObservableList<QuickCommand> readOnly = FXCollections.unmodifiableObservableList(items);

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
     * Writes every command to {@code file}; what came of it, in words, goes to {@code notes} (the
     * tab's log). FX thread.
     */
    void exportTo(Path file, BiConsumer<LogEntry.Kind, String> notes) {
        try {
            commands.exportTo(file);
            notes.accept(LogEntry.Kind.INFO, I18n.format("quick.exported", commands.size(), file.toString()));
        } catch (IOException e) {
            notes.accept(LogEntry.Kind.ERROR, I18n.format("quick.exportFailed", name(file), IoErrors.describe(e)));
        }
    }

    /**
     * Adds the commands in {@code file} after the existing ones; {@code notes} (the tab's log) gets
     * what was imported, with any encoding that fell back to UTF-8, or why nothing was. FX thread.
     */
    void importFrom(Path file, BiConsumer<LogEntry.Kind, String> notes) {
        QuickCommandImport imported;
        try {
            imported = QuickCommandList.importFrom(file);
        } catch (IOException | QuickCommandFormatException e) {
            notes.accept(LogEntry.Kind.ERROR, InputErrors.importFailed(name(file), e));
            return;
        }
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

    private static String name(Path file) {
        return String.valueOf(file.getFileName());
    }

    private void sync() {
        items.setAll(commands.list());
    }
}
