package io.socketdeck.core.send;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The quick-send list of one tab, in the order the user arranged it; entry {@code i} is sent by
 * Ctrl+{@code i+1} for the first nine. Not thread-safe: the UI owns it. Persist it with
 * {@link QuickCommandJson#toTree(List)} inside the settings, or export it to a file.
 */
public final class QuickCommandList {

    private final List<QuickCommand> commands = new ArrayList<>();

    public QuickCommandList() {
    }

    public QuickCommandList(List<QuickCommand> initial) {
        commands.addAll(initial);
    }

    /** Appends at the end. */
    public void add(QuickCommand command) {
        commands.add(Objects.requireNonNull(command, "command"));
    }

    /** Replaces the command at {@code index} (an edit). */
    public void replace(int index, QuickCommand command) {
        commands.set(index, Objects.requireNonNull(command, "command"));
    }

    public QuickCommand remove(int index) {
        return commands.remove(index);
    }

    /** Swaps with the one above; false at the top. */
    public boolean moveUp(int index) {
        Objects.checkIndex(index, commands.size());
        if (index == 0) {
            return false;
        }
        Collections.swap(commands, index, index - 1);
        return true;
    }

    /** Swaps with the one below; false at the bottom. */
    public boolean moveDown(int index) {
        Objects.checkIndex(index, commands.size());
        if (index == commands.size() - 1) {
            return false;
        }
        Collections.swap(commands, index, index + 1);
        return true;
    }

    public QuickCommand get(int index) {
        return commands.get(index);
    }

    public int size() {
        return commands.size();
    }

    /** A copy, in order. */
    public List<QuickCommand> list() {
        return List.copyOf(commands);
    }

    /** Replaces every command, e.g. after an import. */
    public void setAll(List<QuickCommand> replacement) {
        List<QuickCommand> copy = List.copyOf(replacement);
        commands.clear();
        commands.addAll(copy);
    }

    /** Writes the list as JSON, atomically (see {@link QuickCommandJson#export(Path, List)}). */
    public void exportTo(Path file) throws IOException {
        QuickCommandJson.export(file, commands);
    }

    /**
     * Reads commands from a JSON file without changing this list: the caller decides whether they
     * replace ({@link #setAll}) or join ({@link #add}) the current ones.
     */
    public static QuickCommandImport importFrom(Path file) throws IOException, QuickCommandFormatException {
        return QuickCommandJson.importFrom(file);
    }
}
