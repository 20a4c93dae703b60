package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.text.Language;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server's log reads as a server's: clients arrive, it listens, and a broadcast is one row. */
class LogIngestServerTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000);
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50123);

    private final List<LogEntry> entries = new ArrayList<>();
    private Charset charset = StandardCharsets.UTF_8;

    @BeforeEach
    void english() {
        Language.use(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        Language.use(Locale.ENGLISH);
    }

    private LogIngest ingest(boolean serverSide) {
        return new LogIngest(() -> charset, LogEntry.PREVIEW_CHARS, entries::add, LogIngest.Boundaries.STREAM, serverSide);
    }

    @Test
    void aServerSaysClientsConnectAndThatItListens() {
        LogIngest server = ingest(true);
        server.onEvent(new SessionEvent.Opened(1, LOCAL));
        server.onEvent(new SessionEvent.Connected(2, LOCAL, CLIENT));
        assertEquals("Listening on 127.0.0.1:5000", entries.get(0).message());
        assertEquals("Client 127.0.0.1:50123 connected to 127.0.0.1:5000", entries.get(1).message());
        assertEquals("127.0.0.1:50123", entries.get(1).peer(), "the entry names its client");
    }

    @Test
    void aClientKeepsItsWording() {
        LogIngest client = ingest(false);
        client.onEvent(new SessionEvent.Connected(2, CLIENT, LOCAL));
        assertEquals("Connected to 127.0.0.1:5000 from 127.0.0.1:50123", entries.get(0).message());
    }

    @Test
    void aSendToManyIsOneTxRowNamingHowManyInTheCurrentEncoding() {
        charset = Charset.forName("GBK");
        byte[] payload = "全部".getBytes(charset);
        ingest(true).onEvent(new SessionEvent.SentToMany(3, payload, 10_000));
        LogEntry row = entries.get(0);
        assertEquals(LogEntry.Kind.TX, row.kind());
        assertEquals("10,000 clients", row.peer());
        assertEquals("全部", row.text());
        assertArrayEquals(payload, row.bytes());
    }

    @Test
    void aSendThatFoundNoClientIsAnError() {
        ingest(true).onEvent(new SessionEvent.SentToMany(3, new byte[] {1}, 0));
        assertEquals(LogEntry.Kind.ERROR, entries.get(0).kind());
        assertEquals("Not sent: no client is connected", entries.get(0).message());
    }

    @Test
    void chineseNamesTheRecipientsInChinese() {
        Language.use(Language.CHINESE);
        ingest(true).onEvent(new SessionEvent.SentToMany(3, new byte[] {0x41}, 3));
        assertEquals("3 个客户端", entries.get(0).peer());
    }

    @Test
    void aStormOfArrivalsIsFoldedIntoASummaryRowAndEveryDepartureCounted() {
        LogIngest server = ingest(true);
        for (int i = 0; i < 1_000; i++) { // all within one 100 ms window
            server.onEvent(new SessionEvent.Connected(10_000 + i / 100, LOCAL,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 20_000 + i), i + 1));
        }
        assertEquals(StormFolder.SHOWN_PER_WINDOW, entries.size(), "the first of the window are rows of their own");
        assertEquals(true, server.hasFolded());
        server.sayFolded(10_200); // the window is over: its owner's tick says the rest
        assertEquals(StormFolder.SHOWN_PER_WINDOW + 1, entries.size());
        assertEquals("950 more clients connected within 0.0 s (too many to list one by one)",
                entries.get(entries.size() - 1).message());
        assertEquals(false, server.hasFolded());

        entries.clear();
        for (int i = 0; i < 1_000; i++) {
            server.onEvent(new SessionEvent.Disconnected(20_000, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    20_000 + i), i < 600 ? CloseReason.SERVER_STOPPED : CloseReason.RESET, i + 1));
        }
        server.onEvent(new SessionEvent.Closed(20_001, CloseReason.LOCAL)); // the end says what was folded
        assertEquals(StormFolder.SHOWN_PER_WINDOW + 1, entries.size());
        assertEquals("950 more clients disconnected within 0.0 s: 400 reset, 550 server stopped",
                entries.get(entries.size() - 1).message());
    }

    /** 2,000 TLS clients arriving at once: their handshakes are folded as their arrivals are. */
    @Test
    void aStormOfHandshakesIsFoldedLikeItsArrivals() {
        LogIngest server = ingest(true);
        TlsHandshake handshake = new TlsHandshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", "", false, 2_000_000,
                List.of(), TlsHandshake.Trust.NONE);
        for (int i = 0; i < 2_000; i++) {
            InetSocketAddress client = new InetSocketAddress(InetAddress.getLoopbackAddress(), 20_000 + i);
            server.onEvent(new SessionEvent.Connected(10_000, LOCAL, client, i + 1));
            server.onEvent(new SessionEvent.Secured(10_050, client, handshake, i + 1));
        }
        long secured = entries.stream().filter(e -> e.message().startsWith("TLS with")).count();
        assertEquals(StormFolder.SHOWN_PER_WINDOW, secured, "the first handshakes of the window are rows of their own");
        server.sayFolded(10_200);
        assertEquals("1,950 more TLS handshakes completed within 0.0 s (too many to list one by one)",
                entries.get(entries.size() - 1).message());
        assertEquals(2 * StormFolder.SHOWN_PER_WINDOW + 2, entries.size(), "a hundred rows and two summaries, not 4,000");
    }

    /** A client's log shows its one handshake, whatever came before. */
    @Test
    void aClientsHandshakeIsAlwaysARow() {
        LogIngest client = ingest(false);
        TlsHandshake handshake = new TlsHandshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", "", false, 2_000_000,
                List.of(), TlsHandshake.Trust.NONE);
        for (int i = 0; i < 100; i++) {
            client.onEvent(new SessionEvent.Secured(10_000, LOCAL, handshake, i + 1));
        }
        assertEquals(100, entries.size());
    }

    @Test
    void aFewClientsAreRowsOfTheirOwn() {
        LogIngest server = ingest(true);
        for (int i = 0; i < 3; i++) {
            server.onEvent(new SessionEvent.Connected(30_000 + i * 500L, LOCAL,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000 + i), i + 1));
        }
        assertEquals(3, entries.size());
        assertEquals(false, server.hasFolded());
    }
}
