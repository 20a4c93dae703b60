package io.socketdeck.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntriesReadTest {

    private static final EntriesRead.EntryReader<String> TEXT_ONLY = (entry, index) -> {
        if (!(entry instanceof String text)) {
            throw new IllegalArgumentException("entry " + index + " is not text");
        }
        return text;
    };

    @Test
    void anEntryThatCannotBeReadCostsNothingElseAndGoesBackInItsPlace() {
        List<Object> stored = new ArrayList<>(List.of("a", Map.of("newer", 1), "b", "c"));
        stored.add(3, null);
        EntriesRead<String> read = EntriesRead.of(stored, TEXT_ONLY);

        assertEquals(List.of("a", "b", "c"), read.read());
        assertEquals(List.of(1, 3), read.unread().stream().map(EntriesRead.Unread::index).toList());
        assertEquals("entry 1 is not text", read.unread().get(0).problem());
        assertEquals(stored, EntriesRead.withUnread(read.read(), read.unread()), "unchanged, as stored");
    }

    @Test
    void aListShorterNowTakesTheRestAtItsEnd() {
        EntriesRead<String> read = EntriesRead.of(List.of("a", "b", "c", 7), TEXT_ONLY);
        assertEquals(List.of("a", 7), EntriesRead.withUnread(List.of("a"), read.unread()), "b and c deleted since");
        assertEquals(List.of("x", "a", "b", 7, "c"), EntriesRead.withUnread(List.of("x", "a", "b", "c"), read.unread()),
                "one added in front: the unread entry keeps its index");
    }
}
