package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.codec.ByteSearch;
import io.socketdeck.core.codec.DecodedPreview;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteBlocksTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_ROWS = 10_000;
    private static final long MAX_BYTES = 16L << 20;

    private static LogEntry row(String text) {
        return row(text.getBytes(StandardCharsets.UTF_8));
    }

    private static LogEntry row(byte[] bytes) {
        return LogEntry.data(0, LogEntry.Kind.RX, "peer", bytes, StandardCharsets.UTF_8,
                new DecodedPreview(new String(bytes, StandardCharsets.UTF_8), false));
    }

    @Test
    void rowsArrivingSlowlyShareOneBlockAndKeepTheirBytesExactly() {
        ByteBlocks blocks = new ByteBlocks();
        LogEntry first = row("hello ");
        LogEntry second = row("\u4f60\u597d"); // 你好, six bytes in UTF-8
        byte[] secondBytes = second.bytes();

        blocks.pack(List.of(first, second), 0, MAX_ROWS, MAX_BYTES, 0);

        assertSame(first.byteStore(), second.byteStore(), "both rows in one block");
        assertEquals(ByteBlocks.BLOCK_BYTES, first.byteStore().length);
        assertEquals(0, first.byteOffset());
        assertEquals(6, second.byteOffset());
        assertEquals("hello ", new String(first.bytes(), StandardCharsets.UTF_8));
        assertArrayEquals(secondBytes, second.bytes());
        assertEquals(6, second.byteCount());
        assertNotSame(second.bytes(), second.bytes(), "a packed row's bytes() is a copy: the block is shared");
        assertEquals(3, ByteSearch.indexOf(second.byteStore(), second.byteOffset(), second.byteCount(),
                "\u597d".getBytes(StandardCharsets.UTF_8), false), "found within the row, counted from its start");
        assertEquals(-1, ByteSearch.indexOf(first.byteStore(), first.byteOffset(), first.byteCount(),
                "\u4f60".getBytes(StandardCharsets.UTF_8), false), "the next row's bytes are not this row's");
    }

    @Test
    void eventRowsLargeRowsAndPackedRowsStayAsTheyAre() {
        ByteBlocks blocks = new ByteBlocks();
        LogEntry event = LogEntry.event(0, LogEntry.Kind.INFO, "", "Connected");
        byte[] big = new byte[ByteBlocks.OWN_ARRAY_ABOVE + 1];
        LogEntry large = row(big);
        LogEntry small = row("x");

        blocks.pack(List.of(event, large, small), 0, MAX_ROWS, MAX_BYTES, 0);
        byte[] block = small.byteStore();
        blocks.pack(List.of(small), 1, MAX_ROWS, MAX_BYTES, 0);

        assertNull(event.byteStore());
        assertSame(big, large.byteStore(), "a row over the limit keeps the array it came in");
        assertSame(big, large.bytes());
        assertSame(block, small.byteStore(), "packed once only");
        assertEquals(0, small.byteOffset());
    }

    @Test
    void aRowThatDoesNotFitWhatIsLeftStartsANewBlock() {
        ByteBlocks blocks = new ByteBlocks();
        List<LogEntry> rows = new ArrayList<>();
        byte[] chunk = new byte[ByteBlocks.OWN_ARRAY_ABOVE];
        int fit = ByteBlocks.BLOCK_BYTES / chunk.length;
        for (int i = 0; i <= fit; i++) {
            Arrays.fill(chunk, (byte) i);
            rows.add(row(chunk.clone()));
        }

        blocks.pack(rows, 0, MAX_ROWS, MAX_BYTES, 0);

        assertSame(rows.get(0).byteStore(), rows.get(fit - 1).byteStore());
        assertNotSame(rows.get(0).byteStore(), rows.get(fit).byteStore());
        assertEquals(0, rows.get(fit).byteOffset());
        for (int i = 0; i <= fit; i++) {
            byte[] expected = new byte[chunk.length];
            Arrays.fill(expected, (byte) i);
            assertArrayEquals(expected, rows.get(i).bytes(), "row " + i);
        }
    }

    @Test
    void rowsThatTheListWouldKeepForUnderASecondAreNotPacked() {
        ByteBlocks blocks = new ByteBlocks();
        blocks.pack(List.of(row("first")), 0, MAX_ROWS, MAX_BYTES, 0);
        // 4 MiB in a quarter second: 16 MiB of rows turn over in one second... and a byte more is faster
        byte[] quarter = new byte[ByteBlocks.OWN_ARRAY_ABOVE];
        for (int i = 0; i < 64; i++) {
            blocks.pack(List.of(row(quarter.clone())), i * (ByteBlocks.WINDOW_NANOS / 64), MAX_ROWS, MAX_BYTES, 0);
        }
        blocks.pack(List.of(row("x")), ByteBlocks.WINDOW_NANOS - 1_000, MAX_ROWS, MAX_BYTES, 0);
        LogEntry afterFastWindow = row("after");

        blocks.pack(List.of(afterFastWindow), ByteBlocks.WINDOW_NANOS, MAX_ROWS, MAX_BYTES, 0);

        assertFalse(blocks.packing());
        assertEquals(5, afterFastWindow.byteStore().length, "left in its own array");

        LogEntry slow = row("slow again");
        blocks.pack(List.of(slow), ByteBlocks.WINDOW_NANOS + SECOND, MAX_ROWS, MAX_BYTES, 0);
        assertTrue(blocks.packing(), "one row in a second: packing again");
        assertEquals(ByteBlocks.BLOCK_BYTES, slow.byteStore().length);
    }

    @Test
    void manySmallRowsTurnTheListOverByTheirCountToo() {
        ByteBlocks blocks = new ByteBlocks();
        List<LogEntry> burst = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            burst.add(row("d" + i));
        }
        blocks.pack(burst, 0, MAX_ROWS, MAX_BYTES, 0); // 3,000 rows in a quarter second: 10,000 go in 0.83 s
        blocks.pack(List.of(row("next")), ByteBlocks.WINDOW_NANOS, MAX_ROWS, MAX_BYTES, 0);
        assertFalse(blocks.packing());
    }

    @Test
    void rowsTheQueueDroppedMeanAFloodAndNoPacking() {
        ByteBlocks blocks = new ByteBlocks();
        blocks.pack(List.of(row("a")), 0, MAX_ROWS, MAX_BYTES, 7);
        LogEntry later = row("b");

        blocks.pack(List.of(later), SECOND, MAX_ROWS, MAX_BYTES, 8);

        assertFalse(blocks.packing(), "a row was dropped before the list in that window");
        blocks.pack(List.of(row("c")), 2 * SECOND, MAX_ROWS, MAX_BYTES, 8);
        assertTrue(blocks.packing(), "none dropped since");
    }

    @Test
    void releaseStartsANewBlockAndLeavesPackedRowsIntact() {
        ByteBlocks blocks = new ByteBlocks();
        LogEntry before = row("kept");
        blocks.pack(List.of(before), 0, MAX_ROWS, MAX_BYTES, 0);

        blocks.release();
        LogEntry after = row("new");
        blocks.pack(List.of(after), 1, MAX_ROWS, MAX_BYTES, 0);

        assertNotSame(before.byteStore(), after.byteStore());
        assertEquals(0, after.byteOffset());
        assertEquals("kept", new String(before.bytes(), StandardCharsets.UTF_8));
    }
}
