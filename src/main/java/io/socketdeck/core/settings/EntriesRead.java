package io.socketdeck.core.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A stored list read entry by entry: the entries this version understands, and the others kept as
 * they were, each with its place, so that saving the list writes them back unchanged. An entry
 * written by a newer version (a checksum or a kind of match this one does not know) or a typo of a
 * hand edit then costs nothing: the newer version, or the fixed file, finds it again.
 *
 * @param read   the entries understood, in their order
 * @param unread the others, by their place in the stored list
 * @param <T>    what an entry is read as
 */
public record EntriesRead<T>(List<T> read, List<Unread> unread) {

    /**
     * An entry kept as it was stored.
     *
     * @param index   its place in the stored list, 0 first
     * @param tree    the entry as the JSON reader gave it (maps, lists, text, numbers, true/false)
     * @param problem why it could not be read, for the log
     */
    public record Unread(int index, Object tree, String problem) {
    }

    /** Reads one entry; any exception means this version cannot read it. */
    @FunctionalInterface
    public interface EntryReader<T> {
        T read(Object entry, int index) throws Exception;
    }

    public EntriesRead {
        read = List.copyOf(read);
        unread = List.copyOf(unread);
    }

    /** Every entry of {@code entries} through {@code reader}; one it refuses is kept unread, not a reason to drop the rest. */
    public static <T> EntriesRead<T> of(List<?> entries, EntryReader<T> reader) {
        List<T> read = new ArrayList<>(entries.size());
        List<Unread> unread = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            Object entry = entries.get(index);
            try {
                read.add(Objects.requireNonNull(reader.read(entry, index)));
            } catch (Exception cannotRead) {
                unread.add(new Unread(index, entry, String.valueOf(cannotRead.getMessage())));
            }
        }
        return new EntriesRead<>(read, unread);
    }

    /**
     * {@code written} (the entries as this version writes them) with each unread entry back at its
     * place, or at the end when the list is shorter now.
     */
    public static List<Object> withUnread(List<?> written, List<Unread> unread) {
        List<Object> all = new ArrayList<>(written);
        unread.stream().sorted(Comparator.comparingInt(Unread::index))
                .forEach(entry -> all.add(Math.min(entry.index(), all.size()), entry.tree()));
        return all;
    }
}
