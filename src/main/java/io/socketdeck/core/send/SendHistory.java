package io.socketdeck.core.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was sent from one send box, for Up and Down, like a shell's history: the newest
 * {@link #capacity()} distinct entries, sending one again moves it to the newest place. An entry
 * keeps how its text was read (hex, escapes) with the text, so a recalled hex send is hex again:
 * the same text in another mode is another entry.
 *
 * <p>Only texts up to {@link #MAX_ENTRY_CHARS} are kept, {@link #MAX_TOTAL_CHARS} in all.
 *
 * <p>Navigation: {@link #previous(String)} (Up) first keeps the box's text as the draft and shows
 * the newest entry, then older ones, stopping at the oldest; {@link #next()} (Down) goes back
 * towards the newest and then returns the draft, which ends the navigation. Sending, or any
 * {@link #add}, ends it too. Edits to a recalled entry are not kept when moving on (the draft is).
 *
 * <p>Not thread-safe: the UI uses it on its own thread. Persist {@link #entries()} (oldest first)
 * and give them back to {@link #restore(List)}.
 */
public final class SendHistory {

    public static final int DEFAULT_CAPACITY = 100;
    /**
     * The longest text remembered. A longer one (a pasted dump) is sent but not kept: the history
     * is saved with the settings, and a 21-million-character entry once made the next start
     * unable to read the settings file at all.
     */
    public static final int MAX_ENTRY_CHARS = 16 * 1024;
    /** Characters of all entries together; the oldest go first beyond it. */
    public static final int MAX_TOTAL_CHARS = 256 * 1024;

    /** One send: the text as typed and how it was read. */
    public record Entry(String text, boolean hex, boolean escapes) {

        public Entry {
            Objects.requireNonNull(text, "text");
        }

        /** Plain text, no escapes. */
        public static Entry text(String text) {
            return new Entry(text, false, false);
        }

        /** The mode as one word, for a settings file: {@code text}, {@code hex} or {@code escapes}. */
        public String mode() {
            return hex ? "hex" : escapes ? "escapes" : "text";
        }

        /** {@code text} in the mode {@link #mode()} named; an unknown or missing name is plain text. */
        public static Entry of(String text, String mode) {
            return new Entry(text, "hex".equals(mode), "escapes".equals(mode));
        }
    }

    private final int capacity;
    /** Oldest first. */
    private final List<Entry> entries = new ArrayList<>();
    private long totalChars;
    /** Index into entries while navigating, -1 otherwise. */
    private int cursor = -1;
    private Entry draft = Entry.text("");

    public SendHistory() {
        this(DEFAULT_CAPACITY);
    }

    public SendHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** A history holding {@code oldestFirst} as if each had been added in turn (duplicates and blanks dropped). */
    public static SendHistory restore(List<Entry> oldestFirst) {
        SendHistory history = new SendHistory();
        for (Entry entry : oldestFirst) {
            if (entry != null) {
                history.add(entry);
            }
        }
        return history;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Records a send as the newest entry; blank texts and texts over {@link #MAX_ENTRY_CHARS} are
     * not recorded. Ends navigation.
     */
    public void add(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        resetNavigation();
        if (entry.text().isBlank() || entry.text().length() > MAX_ENTRY_CHARS) {
            return;
        }
        if (entries.remove(entry)) {
            totalChars -= entry.text().length();
        }
        entries.add(entry);
        totalChars += entry.text().length();
        while (entries.size() > capacity || totalChars > MAX_TOTAL_CHARS) {
            totalChars -= entries.remove(0).text().length();
        }
    }

    /**
     * Up: the next older entry, or empty when there is no history. On the first Up,
     * {@code current} (what the box holds, in its mode) is kept as the draft that {@link #next()}
     * returns to.
     */
    public Optional<Entry> previous(Entry current) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (cursor < 0) {
            draft = current == null ? Entry.text("") : current;
            cursor = entries.size() - 1;
        } else if (cursor > 0) {
            cursor--;
        }
        return Optional.of(entries.get(cursor));
    }

    /** Down: the next newer entry, then the draft (ending navigation); empty when not navigating. */
    public Optional<Entry> next() {
        if (cursor < 0) {
            return Optional.empty();
        }
        if (cursor < entries.size() - 1) {
            cursor++;
            return Optional.of(entries.get(cursor));
        }
        Entry back = draft;
        resetNavigation();
        return Optional.of(back);
    }

    public boolean isNavigating() {
        return cursor >= 0;
    }

    /** Forgets the position and the draft, e.g. when the user types. */
    public void resetNavigation() {
        cursor = -1;
        draft = Entry.text("");
    }

    /** Every entry, oldest first: what to persist. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        totalChars = 0;
        resetNavigation();
    }
}
