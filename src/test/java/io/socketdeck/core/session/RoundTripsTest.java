package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One send, one round trip: the first message after it, in time; nothing else is an answer. */
class RoundTripsTest {

    @Test
    void theFirstMessageAfterASendIsItsAnswer() {
        RoundTrips pairs = new RoundTrips();
        assertEquals(RoundTrips.NONE, pairs.received(100), "no send yet");
        pairs.sent(1_000);
        assertEquals(420, pairs.received(1_420));
        assertEquals(RoundTrips.NONE, pairs.received(1_500), "a second message answers nothing");
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsNone() {
        RoundTrips pairs = new RoundTrips();
        pairs.sent(0);
        assertEquals(RoundTrips.NONE, pairs.received(RoundTrips.TIMEOUT_NANOS + 1));
        pairs.sent(10);
        assertEquals(RoundTrips.TIMEOUT_NANOS, pairs.received(10 + RoundTrips.TIMEOUT_NANOS), "just in time");
    }
}
