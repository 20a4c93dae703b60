package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.Language;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A relay's log: both directions per connection, each decoded on its own, and its faults in words. */
class LogIngestRelayTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000);
    private static final InetSocketAddress TARGET = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);

    private final List<LogEntry> entries = new ArrayList<>();
    private final LogIngest ingest = new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, entries::add,
            LogIngest.Boundaries.STREAM, true);

    @BeforeEach
    void english() {
        Language.use(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        Language.use(Locale.ENGLISH);
    }

    private void relayed(long connection, Leg leg, byte[] bytes) {
        InetSocketAddress from = leg == Leg.UP ? CLIENT : TARGET;
        InetSocketAddress to = leg == Leg.UP ? TARGET : CLIENT;
        ingest.onEvent(new SessionEvent.Relayed(1, connection, leg, from, to, bytes, false));
    }

    @Test
    void eachLegOfEachConnectionHasItsOwnDecoder() {
        byte[] up = "上行".getBytes(StandardCharsets.UTF_8);
        byte[] down = "下行".getBytes(StandardCharsets.UTF_8);
        // Each leg's first character is cut after its first byte; the other leg and connection come between.
        relayed(1, Leg.UP, Arrays.copyOfRange(up, 0, 1));
        relayed(1, Leg.DOWN, Arrays.copyOfRange(down, 0, 1));
        relayed(2, Leg.UP, "x".getBytes(StandardCharsets.UTF_8));
        relayed(1, Leg.UP, Arrays.copyOfRange(up, 1, up.length));
        relayed(1, Leg.DOWN, Arrays.copyOfRange(down, 1, down.length));
        // A lone byte shows as pending hex at once; the leg's next row completes its character.
        assertEquals("\u2039E4\u203a", entries.get(0).text());
        assertEquals("上行", entries.get(3).text());
        assertEquals("\u2039E4\u203a", entries.get(1).text());
        assertEquals("下行", entries.get(4).text());
        assertEquals("x", entries.get(2).text());
        assertEquals("127.0.0.1:5000 \u2192 127.0.0.1:80", entries.get(0).peer());
        assertEquals("127.0.0.1:80 \u2192 127.0.0.1:5000", entries.get(1).peer());
        assertEquals(LogEntry.Kind.RX, entries.get(0).kind());
        assertEquals(LogEntry.Kind.TX, entries.get(1).kind());
    }

    @Test
    void aConnectionThatLeftForgetsItsDecoders() {
        relayed(7, Leg.UP, new byte[] {(byte) 0xe4});
        ingest.onEvent(new SessionEvent.Disconnected(2, CLIENT, CloseReason.PEER, 7));
        relayed(7, Leg.UP, "a".getBytes(StandardCharsets.UTF_8));
        assertEquals("a", entries.get(entries.size() - 1).text(), "nothing carried over from the ended connection");
    }

    @Test
    void faultsAndLinksAreEventRowsInTheUsersLanguage() {
        relayed(3, Leg.DOWN, new byte[] {1});
        ingest.onEvent(new SessionEvent.FaultInjected(2, 3, Leg.DOWN, RelayFault.CORRUPTED, "5:3"));
        ingest.onEvent(new SessionEvent.FaultInjected(3, 0, Leg.UP, RelayFault.FAULTS_CHANGED, "latency=50ms"));
        ingest.onEvent(new SessionEvent.Linked(4, 3, CLIENT, TARGET));
        LogEntry corrupted = entries.get(1);
        assertEquals(LogEntry.Kind.INFO, corrupted.kind());
        assertEquals("Flipped bit 3 of the byte at offset 5 (target \u2192 client)", corrupted.message());
        assertEquals("127.0.0.1:80 \u2192 127.0.0.1:5000", corrupted.peer());
        assertEquals("Faults client \u2192 target now: latency=50ms", entries.get(2).message());
        assertEquals("Client 127.0.0.1:5000 linked to target 127.0.0.1:80", entries.get(3).message());

        Language.use(Locale.SIMPLIFIED_CHINESE);
        ingest.onEvent(new SessionEvent.FaultInjected(5, 0, null, RelayFault.HELD, ""));
        assertTrue(entries.get(4).message().contains("暂停转发"), entries.get(4).message());
    }
}
