package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.log.TrafficLog;
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
        I18n.use(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        I18n.use(Locale.ENGLISH);
    }

    private LogIngest ingest(boolean serverSide) {
        return new LogIngest(() -> charset, TrafficLog.PREVIEW_CHARS, entries::add, LogIngest.Framing.STREAM, serverSide);
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
        I18n.use(I18n.CHINESE);
        ingest(true).onEvent(new SessionEvent.SentToMany(3, new byte[] {0x41}, 3));
        assertEquals("3 个客户端", entries.get(0).peer());
    }
}
