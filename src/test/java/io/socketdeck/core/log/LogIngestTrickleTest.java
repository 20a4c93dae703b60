package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a device that trickles GBK one byte at a time showed 中 / 文 with an empty row for each
 * half character. A read that completes no character now shows its bytes as pending hex, at once
 * (a lone byte is never hidden waiting for the rest), and the next row shows the character. Every
 * byte is in a row, in order; re-rendering in another encoding keeps the rule.
 */
class LogIngestTrickleTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final InetSocketAddress DEVICE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000);

    private final List<LogEntry> rows = new ArrayList<>();
    private final LogIngest ingest = new LogIngest(() -> GBK, LogEntry.PREVIEW_CHARS, rows::add);

    private void read(byte... bytes) {
        ingest.onEvent(new SessionEvent.Data(1L, Direction.RX, DEVICE, bytes));
    }

    private List<String> texts() {
        return rows.stream().map(LogEntry::text).toList();
    }

    @Test
    void halfACharacterShowsAsPendingHexAndTheNextRowCompletesIt() {
        byte[] text = "中文".getBytes(GBK);
        for (byte b : text) {
            read(b);
        }
        assertEquals(List.of("\u2039D6\u203a", "中", "\u2039CE\u203a", "文"), texts(), "no empty rows");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        rows.forEach(row -> all.writeBytes(row.bytes()));
        assertArrayEquals(text, all.toByteArray(), "every byte in a row, in order");
    }

    @Test
    void aReRenderInAnotherEncodingKeepsPendingBytesVisible() {
        byte[] smile = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        read(smile[0], smile[1]);
        read(smile[2], smile[3]);
        LogRendering.rerender(rows, StandardCharsets.UTF_8);
        assertEquals(List.of("\u2039F0 9F\u203a", "\uD83D\uDE00"), texts());
    }
}
