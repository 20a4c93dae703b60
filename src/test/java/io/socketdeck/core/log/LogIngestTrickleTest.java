package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a device that trickles GBK one byte at a time showed 中 / 文 with an empty row for each
 * half character. A read that completes no character is no row: its bytes join the next row of
 * its stream, and when the stream ends first they are a row of their own. No byte is left out.
 */
class LogIngestTrickleTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final InetSocketAddress DEVICE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000);

    private final List<LogEntry> rows = new ArrayList<>();
    private final AtomicReference<Charset> charset = new AtomicReference<>(GBK);
    private final LogIngest ingest = new LogIngest(charset::get, LogEntry.PREVIEW_CHARS, rows::add);

    private void read(byte... bytes) {
        ingest.onEvent(new SessionEvent.Data(1L, Direction.RX, DEVICE, bytes));
    }

    private List<String> texts() {
        return rows.stream().map(LogEntry::text).toList();
    }

    private byte[] allRowBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        rows.forEach(row -> all.writeBytes(row.bytes()));
        return all.toByteArray();
    }

    @Test
    void aCharacterTrickledAByteAtATimeIsOneRowWithBothBytes() {
        byte[] text = "中文测试".getBytes(GBK);
        for (byte b : text) {
            read(b);
        }
        assertEquals(List.of("中", "文", "测", "试"), texts(), "no empty rows between them");
        assertArrayEquals(text, allRowBytes(), "every byte in a row, in order");
        assertEquals(2, rows.get(0).bytes().length);
    }

    @Test
    void bytesLeftWhenTheStreamEndsAreARowOfTheirOwn() {
        byte[] zhong = "中".getBytes(GBK);
        read((byte) 'a');
        read(zhong[0]); // half a character, and then the device goes
        ingest.onEvent(new SessionEvent.Disconnected(2L, DEVICE, CloseReason.PEER, 0));
        assertEquals(List.of(LogEntry.Kind.RX, LogEntry.Kind.RX, LogEntry.Kind.INFO),
                rows.stream().map(LogEntry::kind).toList(), "the held byte before the Disconnected row");
        assertEquals(List.of("a", "\uFFFD"), texts().subList(0, 2));
        assertArrayEquals(new byte[] {'a', zhong[0]}, allRowBytes(rows.subList(0, 2)));
    }

    @Test
    void aFourByteCharacterWaitsForAllItsBytesAndTheEncodingMayChangeMeanwhile() {
        byte[] smile = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        charset.set(StandardCharsets.UTF_8);
        read(smile[0]);
        read(smile[1]);
        charset.set(Charset.forName("GB18030")); // the user picks another encoding mid-character
        charset.set(StandardCharsets.UTF_8);
        read(smile[2]);
        read(smile[3]);
        assertEquals(List.of("\uD83D\uDE00"), texts());
        assertArrayEquals(smile, allRowBytes());
    }

    private static byte[] allRowBytes(List<LogEntry> some) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        some.forEach(row -> all.writeBytes(row.bytes()));
        return all.toByteArray();
    }
}
