package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.SendHistory.Entry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendHistoryTest {

    private static SendHistory of(String... entries) {
        return SendHistory.restore(Arrays.stream(entries).map(Entry::text).toList());
    }

    private static Optional<String> text(Optional<Entry> entry) {
        return entry.map(Entry::text);
    }

    private static List<String> texts(SendHistory history) {
        return history.entries().stream().map(Entry::text).toList();
    }

    @Test
    void upWalksFromTheNewestToTheOldestAndStops() {
        SendHistory history = of("one", "two", "three");
        assertEquals(Optional.of("three"), text(history.previous(Entry.text("draft"))));
        assertEquals(Optional.of("two"), text(history.previous(Entry.text("three"))));
        assertEquals(Optional.of("one"), text(history.previous(Entry.text("two"))));
        assertEquals(Optional.of("one"), text(history.previous(Entry.text("one"))), "stays at the oldest");
    }

    @Test
    void downGoesBackToTheDraft() {
        SendHistory history = of("one", "two");
        history.previous(Entry.text("half typed"));
        history.previous(Entry.text("two"));
        assertEquals(Optional.of("two"), text(history.next()));
        assertEquals(Optional.of("half typed"), text(history.next()), "past the newest: the draft");
        assertFalse(history.isNavigating());
        assertEquals(Optional.empty(), text(history.next()), "down without navigating does nothing");
    }

    @Test
    void emptyHistoryLeavesTheBoxAlone() {
        SendHistory history = new SendHistory();
        assertEquals(Optional.empty(), text(history.previous(Entry.text("typed"))));
        assertEquals(Optional.empty(), text(history.next()));
    }

    @Test
    void sendingAgainMovesAnEntryToTheNewestAndEndsNavigation() {
        SendHistory history = of("a", "b", "c");
        history.previous(Entry.text(""));
        history.previous(Entry.text("c"));
        assertTrue(history.isNavigating());
        history.add(Entry.text("a"));
        assertFalse(history.isNavigating());
        assertEquals(List.of("b", "c", "a"), texts(history));
        assertEquals(Optional.of("a"), text(history.previous(Entry.text(""))));
    }

    @Test
    void blanksAreNotRecorded() {
        SendHistory history = of("a");
        history.add(Entry.text(""));
        history.add(Entry.text("  \r\n"));
        assertEquals(List.of("a"), texts(history));
    }

    @Test
    void keepsTheNewestHundredDistinctEntries() {
        SendHistory history = new SendHistory();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            history.add(Entry.text("cmd " + i));
            history.add(Entry.text("cmd " + i)); // a repeat is not a second entry
            sent.add("cmd " + i);
        }
        assertEquals(SendHistory.DEFAULT_CAPACITY, history.size());
        assertEquals(sent.subList(50, 150), texts(history));
        assertEquals(history.entries(), SendHistory.restore(history.entries()).entries(), "round trip");
    }

    /** Issue 9: the history is saved with the settings, so what it keeps is capped. */
    @Test
    void aHugeTextIsSentButNotRemembered() {
        SendHistory history = new SendHistory();
        history.add(Entry.text("AT"));
        history.add(Entry.text("x".repeat(SendHistory.MAX_ENTRY_CHARS + 1)));
        assertEquals(List.of("AT"), texts(history));
        String atCap = "y".repeat(SendHistory.MAX_ENTRY_CHARS);
        history.add(Entry.text(atCap));
        assertEquals(List.of("AT", atCap), texts(history));
    }

    @Test
    void allEntriesTogetherStayWithinTheirBudget() {
        SendHistory history = new SendHistory();
        for (int i = 0; i < 40; i++) {
            history.add(Entry.text(i + "z".repeat(SendHistory.MAX_ENTRY_CHARS - 10)));
        }
        int total = texts(history).stream().mapToInt(String::length).sum();
        assertTrue(total <= SendHistory.MAX_TOTAL_CHARS, "total " + total);
        assertTrue(texts(history).get(history.size() - 1).startsWith("39"), "the newest stays");
        assertEquals(SendHistory.MAX_TOTAL_CHARS / (SendHistory.MAX_ENTRY_CHARS - 8), history.size());
    }

    @Test
    void anEntryComesBackInTheModeItWasSentIn() {
        SendHistory history = new SendHistory();
        history.add(new Entry("48 65", true, false));
        history.add(new Entry("ok\\r\\n", false, true));
        history.add(Entry.text("plain"));
        Entry draft = new Entry("half", false, true);
        assertEquals(Optional.of(Entry.text("plain")), history.previous(draft));
        assertEquals(Optional.of(new Entry("ok\\r\\n", false, true)), history.previous(Entry.text("plain")));
        assertEquals(Optional.of(new Entry("48 65", true, false)), history.previous(Entry.text("x")));
        history.next();
        history.next();
        assertEquals(Optional.of(draft), history.next(), "the draft keeps its mode too");
    }

    @Test
    void theSameTextInAnotherModeIsAnotherEntry() {
        SendHistory history = new SendHistory();
        history.add(Entry.text("41"));
        history.add(new Entry("41", true, false));
        history.add(Entry.text("41"));
        assertEquals(List.of(new Entry("41", true, false), Entry.text("41")), history.entries());
    }

    @Test
    void modesAreStoredAsWordsAndUnknownWordsAreText() {
        for (Entry entry : List.of(Entry.text("a"), new Entry("a", true, false), new Entry("a", false, true))) {
            assertEquals(entry, Entry.of(entry.text(), entry.mode()));
        }
        assertEquals(Entry.text("a"), Entry.of("a", null), "an older settings file has no modes");
        assertEquals(Entry.text("a"), Entry.of("a", "binary"));
    }
}
