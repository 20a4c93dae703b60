package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.Unsent;
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
 * What a connection's end cut off is a problem row of its own words, whatever the end: nothing
 * sent goes unreported, and a storm of such ends stays a few rows with the totals.
 */
class LogIngestUnsentTest {

    private static final InetSocketAddress DEVICE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000);

    private final List<LogEntry> entries = new ArrayList<>();

    @BeforeEach
    void english() {
        Language.use(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        Language.use(Locale.ENGLISH);
    }

    private LogIngest ingest(boolean serverSide) {
        return new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, entries::add,
                LogIngest.Boundaries.STREAM, serverSide);
    }

    private static SessionEvent.Disconnected end(CloseReason reason, Unsent unsent) {
        return new SessionEvent.Disconnected(1_000, DEVICE, reason, 7, unsent);
    }

    @Test
    void aResetThatCutASendOffSaysHowFarItWentAndWhatElseWasNotSent() {
        ingest(false).onEvent(end(CloseReason.RESET, new Unsent(4, 64_983_067 + 710, 2_125_797, 67_108_864)));
        LogEntry row = entries.get(0);
        assertEquals(LogEntry.Kind.ERROR, row.kind());
        assertEquals("Connection reset by 127.0.0.1:5000; a send was cut off after 2,125,797 of its 67,108,864 bytes,"
                + " and 3 more sends (710 bytes) not sent", row.message());
    }

    @Test
    void aSendCutOffAloneAndSendsThatNeverBeganAreSaidEachTheirWay() {
        LogIngest client = ingest(false);
        client.onEvent(end(CloseReason.PEER, new Unsent(1, 999, 1, 1_000)));
        client.onEvent(end(CloseReason.ERROR, new Unsent(1, 1, 0, 0)));
        assertEquals("127.0.0.1:5000 closed the connection; a send was cut off after 1 of its 1,000 bytes",
                entries.get(0).message());
        assertEquals("Connection to 127.0.0.1:5000 failed; 1 send (1 byte) not sent", entries.get(1).message());
    }

    /** The user's own Disconnect is no error, but dropping what waited is: the row says so. */
    @Test
    void anOrderlyCloseThatDroppedSendsIsAProblemRowAndOneThatDroppedNoneIsNot() {
        LogIngest client = ingest(false);
        client.onEvent(end(CloseReason.LOCAL, new Unsent(2, 10, 0, 0)));
        client.onEvent(end(CloseReason.LOCAL, Unsent.NONE));
        assertEquals(LogEntry.Kind.ERROR, entries.get(0).kind());
        assertEquals("Disconnected from 127.0.0.1:5000; 2 sends (10 bytes) not sent", entries.get(0).message());
        assertEquals(LogEntry.Kind.INFO, entries.get(1).kind());
        assertEquals("Disconnected from 127.0.0.1:5000", entries.get(1).message());
    }

    @Test
    void chineseSaysItInChinese() {
        Language.use(Language.CHINESE);
        LogIngest client = ingest(false);
        client.onEvent(end(CloseReason.RESET, new Unsent(4, 64_983_067 + 710, 2_125_797, 67_108_864)));
        client.onEvent(end(CloseReason.LOCAL, new Unsent(2, 10, 0, 0)));
        assertEquals("127.0.0.1:5000 重置了连接；一次发送被截断：67,108,864 字节中只发出了 2,125,797 字节，"
                + "另有 3 次发送（710 字节）未发出", entries.get(0).message());
        assertEquals("已断开与 127.0.0.1:5000 的连接；2 次发送（10 字节）未发出", entries.get(1).message());
    }

    /** A server stopped under a broadcast: 1,000 clients each had a send waiting; the summary totals them. */
    @Test
    void aStormOfEndsThatLeftSendsUnsentIsFoldedWithTheirTotals() {
        LogIngest server = ingest(true);
        for (int i = 0; i < 1_000; i++) {
            server.onEvent(new SessionEvent.Disconnected(20_000, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    20_000 + i), CloseReason.SERVER_STOPPED, i + 1, new Unsent(2, 100, 30, 64)));
        }
        server.onEvent(new SessionEvent.Closed(20_001, CloseReason.LOCAL));
        assertEquals(StormFolder.SHOWN_PER_WINDOW + 1, entries.size(), "a storm is still a few rows");
        LogEntry summary = entries.get(entries.size() - 1);
        assertEquals("950 more clients disconnected within 0.0 s: 950 server stopped; 1,900 sends to them not sent"
                + " whole (95,000 bytes left unsent)", summary.message());
        assertEquals(LogEntry.Kind.ERROR, summary.kind());
    }
}
