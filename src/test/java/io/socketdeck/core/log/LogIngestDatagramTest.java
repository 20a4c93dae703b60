package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UDP side of the log ingest: one entry per datagram, each decoded on its own. */
class LogIngestDatagramTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final InetSocketAddress SENDER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000);

    private final List<LogEntry> entries = new ArrayList<>();

    private LogIngest ingest(LogIngest.Boundaries boundaries) {
        return new LogIngest(() -> GBK, LogEntry.PREVIEW_CHARS, entries::add, boundaries, false);
    }

    private static SessionEvent.Data rx(byte[] bytes) {
        return new SessionEvent.Data(1L, Direction.RX, SENDER, bytes);
    }

    @Test
    void aBrokenDatagramDoesNotGarbleTheNextOne() {
        byte[] ni = "你".getBytes(GBK);
        LogIngest datagrams = ingest(LogIngest.Boundaries.DATAGRAM);
        datagrams.onEvent(rx(new byte[] {'a', ni[0]}));
        datagrams.onEvent(rx("你好".getBytes(GBK)));

        assertEquals(List.of("a\uFFFD", "你好"), entries.stream().map(LogEntry::text).toList());
        assertTrue(entries.stream().allMatch(LogEntry::isWholeMessage));
        assertEquals("127.0.0.1:40000", entries.get(1).peer(), "each datagram shows its sender");
    }

    @Test
    void aStreamStillJoinsACharacterSplitAcrossReads() {
        byte[] ni = "你".getBytes(GBK);
        LogIngest stream = ingest(LogIngest.Boundaries.STREAM);
        stream.onEvent(rx(new byte[] {'a', ni[0]}));
        stream.onEvent(rx(new byte[] {ni[1]}));

        assertEquals(List.of("a", "你"), entries.stream().map(LogEntry::text).toList());
        assertFalse(entries.get(0).isWholeMessage());
    }

    @Test
    void multicastMembershipIsAnInfoRow() throws Exception {
        LogIngest datagrams = ingest(LogIngest.Boundaries.DATAGRAM);
        SessionEvent.MulticastJoined joined =
                new SessionEvent.MulticastJoined(1L, InetAddress.getByName("ff15:0:0:0:0:0:0:1234"), "lo");
        datagrams.onEvent(joined);
        assertEquals(LogEntry.Kind.INFO, entries.get(0).kind());
        assertTrue(entries.get(0).message().contains("ff15::1234"), entries.get(0).message());
    }

    @Test
    void senderNamesStayBoundedUnderAPortScan() {
        LogIngest datagrams = ingest(LogIngest.Boundaries.DATAGRAM);
        int senders = LogIngest.MAX_PEER_NAMES + 10;
        for (int port = 1; port <= senders; port++) {
            datagrams.onEvent(new SessionEvent.Data(1L, Direction.RX,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), new byte[] {'x'}));
            assertTrue(datagrams.cachedPeerNames() <= LogIngest.MAX_PEER_NAMES, "cache bounded");
        }
        assertEquals(senders, entries.size(), "every datagram is an entry");
        assertEquals("127.0.0.1:" + senders, entries.get(senders - 1).peer(), "names stay right after a purge");
    }
}
