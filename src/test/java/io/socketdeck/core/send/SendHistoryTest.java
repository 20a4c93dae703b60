package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendHistoryTest {

    private static SendHistory of(String... entries) {
        return SendHistory.restore(List.of(entries));
    }

    @Test
    void upWalksFromTheNewestToTheOldestAndStops() {
        SendHistory history = of("one", "two", "three");
        assertEquals(Optional.of("three"), history.previous("draft"));
        assertEquals(Optional.of("two"), history.previous("three"));
        assertEquals(Optional.of("one"), history.previous("two"));
        assertEquals(Optional.of("one"), history.previous("one"), "stays at the oldest");
    }

    @Test
    void downGoesBackToTheDraft() {
        SendHistory history = of("one", "two");
        history.previous("half typed");
        history.previous("two");
        assertEquals(Optional.of("two"), history.next());
        assertEquals(Optional.of("half typed"), history.next(), "past the newest: the draft");
        assertFalse(history.isNavigating());
        assertEquals(Optional.empty(), history.next(), "down without navigating does nothing");
    }

    @Test
    void emptyHistoryLeavesTheBoxAlone() {
        SendHistory history = new SendHistory();
        assertEquals(Optional.empty(), history.previous("typed"));
        assertEquals(Optional.empty(), history.next());
    }

    @Test
    void sendingAgainMovesAnEntryToTheNewestAndEndsNavigation() {
        SendHistory history = of("a", "b", "c");
        history.previous("");
        history.previous("c");
        assertTrue(history.isNavigating());
        history.add("a");
        assertFalse(history.isNavigating());
        assertEquals(List.of("b", "c", "a"), history.entries());
        assertEquals(Optional.of("a"), history.previous(""));
    }

    @Test
    void blanksAreNotRecorded() {
        SendHistory history = of("a");
        history.add("");
        history.add("  \r\n");
        assertEquals(List.of("a"), history.entries());
    }

    @Test
    void keepsTheNewestHundredDistinctEntries() {
        SendHistory history = new SendHistory();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            history.add("cmd " + i);
            history.add("cmd " + i); // a repeat is not a second entry
            sent.add("cmd " + i);
        }
        assertEquals(SendHistory.DEFAULT_CAPACITY, history.size());
        assertEquals(sent.subList(50, 150), history.entries());
        assertEquals(history.entries(), SendHistory.restore(history.entries()).entries(), "round trip");
    }

    /** Issue 9: the history is saved with the settings, so what it keeps is capped. */
    @Test
    void aHugeTextIsSentButNotRemembered() {
        SendHistory history = new SendHistory();
        history.add("AT");
        history.add("x".repeat(SendHistory.MAX_ENTRY_CHARS + 1));
        assertEquals(List.of("AT"), history.entries());
        String atCap = "y".repeat(SendHistory.MAX_ENTRY_CHARS);
        history.add(atCap);
        assertEquals(List.of("AT", atCap), history.entries());
    }

    @Test
    void allEntriesTogetherStayWithinTheirBudget() {
        SendHistory history = new SendHistory();
        for (int i = 0; i < 40; i++) {
            history.add(i + "z".repeat(SendHistory.MAX_ENTRY_CHARS - 10));
        }
        int total = history.entries().stream().mapToInt(String::length).sum();
        assertTrue(total <= SendHistory.MAX_TOTAL_CHARS, "total " + total);
        assertTrue(history.entries().get(history.size() - 1).startsWith("39"), "the newest stays");
        assertEquals(SendHistory.MAX_TOTAL_CHARS / (SendHistory.MAX_ENTRY_CHARS - 8), history.size());
    }
}
