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
}
