package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.Language;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 3: a client that stopped reading made a 1 ms repeat log one "Not sent to X" per
 * tick (31,168 in 30 s, half the log). A repeated error is now one row with a count, updated.
 */
class LogIngestRepeatTest {

    private static final InetSocketAddress STUCK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000);
    private static final InetSocketAddress OTHER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5001);

    private final List<LogEntry> rows = new ArrayList<>();
    private final List<LogEntry> repeated = new ArrayList<>();
    private final LogIngest ingest = new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, rows::add,
            LogIngest.Boundaries.STREAM, true, repeated::add);

    @BeforeEach
    void english() {
        Language.use(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        Language.use(Locale.ENGLISH);
    }

    private static SessionEvent.Failure full(long time, InetSocketAddress peer) {
        return new SessionEvent.Failure(time, FailureKind.SEND_BUFFER_FULL, peer, "", 7);
    }

    @Test
    void theSameErrorAgainIsCountedInItsRowNotRepeated() {
        for (int tick = 0; tick < 312; tick++) {
            ingest.onEvent(full(1_000 + tick, STUCK));
            ingest.onEvent(new SessionEvent.SentToMany(1_000 + tick, new byte[] {1}, 3)); // rows between
        }
        List<LogEntry> errors = rows.stream().filter(r -> r.kind() == LogEntry.Kind.ERROR).toList();
        assertEquals(1, errors.size(), "one row for 312 refusals");
        assertEquals("Not sent to 127.0.0.1:5000: too much data is still waiting to be sent  (\u00d7312)",
                errors.get(0).message());
        assertEquals(312, errors.get(0).repeats());
        assertEquals(311, repeated.size(), "the view is told each time the count moves");
        assertEquals(312, rows.size() - 1, "the sends still have their rows");
    }

    /**
     * A client that reconnects makes a session, and an ingest, per attempt: its refusals are
     * counted in one row of the log all the same, and after Clear a refusal is a row again.
     */
    @Test
    void theSessionsOfOneLogCountTheirRepeatsInOneRowUntilCleared() {
        RecentErrors shared = new RecentErrors();
        List<LogEntry> log = new ArrayList<>();
        List<LogEntry> counted = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            LogIngest session = new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, log::add,
                    LogIngest.Boundaries.STREAM, false, counted::add, shared);
            session.onEvent(new SessionEvent.Failure(1_000 + attempt * 400L, FailureKind.CONNECTION_REFUSED, STUCK, ""));
        }
        assertEquals(1, log.size(), "one row for five refused attempts: " + log);
        assertEquals(5, log.get(0).repeats());
        assertEquals(4, counted.size());

        shared.clear();
        new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, log::add, LogIngest.Boundaries.STREAM,
                false, counted::add, shared).onEvent(new SessionEvent.Failure(3_500, FailureKind.CONNECTION_REFUSED, STUCK, ""));
        assertEquals(2, log.size(), "after Clear the next refusal is a row the user sees");
        assertEquals(1, log.get(1).repeats());
    }

    @Test
    void aDifferentPeerOrErrorHasItsOwnRow() {
        ingest.onEvent(full(1, STUCK));
        ingest.onEvent(full(2, OTHER));
        ingest.onEvent(new SessionEvent.Failure(3, FailureKind.NOT_CONNECTED, STUCK, "not connected"));
        ingest.onEvent(full(4, STUCK));
        assertEquals(3, rows.size());
        assertEquals(2, rows.get(0).repeats());
        assertEquals(1, rows.get(1).repeats());
    }

    @Test
    void afterTheWindowANewRowStartsSoARepeatIsNeverHiddenFarUp() {
        ingest.onEvent(full(0, STUCK));
        ingest.onEvent(full(RecentErrors.REPEAT_WINDOW_MILLIS - 1, STUCK));
        ingest.onEvent(full(RecentErrors.REPEAT_WINDOW_MILLIS, STUCK));
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).repeats());
        assertEquals(1, rows.get(1).repeats());
        assertEquals("Not sent to 127.0.0.1:5000: too much data is still waiting to be sent", rows.get(1).message());
    }

    @Test
    void clientsLeftOutOfARepeatAreOneRowThatNamesThem() {
        List<InetSocketAddress> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000 + i));
        }
        ingest.onEvent(new SessionEvent.SendQueueFull(1, many, true));
        ingest.onEvent(new SessionEvent.SendQueueFull(2, List.of(STUCK), false));
        assertEquals(2, rows.size());
        assertEquals(LogEntry.Kind.ERROR, rows.get(0).kind());
        assertEquals("100 clients", rows.get(0).peer());
        assertEquals("100 clients are not reading and their send queues are full: this repeat or file send skips"
                + " them from now on: 127.0.0.1:40000, 127.0.0.1:40001, 127.0.0.1:40002, 127.0.0.1:40003,"
                + " 127.0.0.1:40004\u2026 (and 95 more)", rows.get(0).message());
        assertEquals("127.0.0.1:5000", rows.get(1).peer());
        assertTrue(rows.get(1).message().startsWith("Not sent to 127.0.0.1:5000: its send queue is full"));
    }

    @Test
    void aPeerThatFinishedSendingIsAnInformationRow() {
        ingest.onEvent(new SessionEvent.PeerFinished(1, STUCK, 3));
        ingest.onEvent(new SessionEvent.Data(2, Direction.TX, STUCK, "answer".getBytes(StandardCharsets.US_ASCII), 3));
        assertEquals(LogEntry.Kind.INFO, rows.get(0).kind());
        assertEquals("127.0.0.1:5000 finished sending (end of stream); the connection stays open: you can still send"
                + " until either side closes", rows.get(0).message());
        assertEquals(LogEntry.Kind.TX, rows.get(1).kind());
    }
}
