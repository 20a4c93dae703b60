package io.socketdeck.core.log;

import java.util.List;

/**
 * Where a log keeps the bytes of the rows it shows: packed one after another into blocks of
 * about a megabyte instead of one array per read.
 *
 * <p>Why: a row's bytes live as long as the row is on screen, so every read of a flood survived
 * the garbage collector's young collections and was copied twice (to a survivor space, then to
 * the old generation): at 10 MB/s, pauses of 4-15 ms every half second, the longest gaps a 1 ms
 * repeat send and the window's frames had. A block of this size is allocated straight into the
 * old generation (G1 takes an array of half a region or more as "humongous": never copied), so
 * a collection copies only the small row objects, and a block goes as a whole when its last row
 * has gone.
 *
 * <p>Rows are packed as they enter the list (see {@link #pack}), not as they are read: the list
 * drops its oldest rows first, so a block's rows go together, and rows a flood dropped before
 * the list never pinned a block. A row over {@link #OWN_ARRAY_ABOVE} keeps its own array (the
 * engine reads at most 64 KiB at a time unless told otherwise).
 *
 * <p>Packing costs a copy and a new block now and then, and it pays only for rows that outlive
 * young collections: it is on while every row that arrives is shown and the list keeps each for
 * {@link #PAYS_OFF_NANOS} or longer, as the last {@link #WINDOW_NANOS} measured. Under a flood
 * the queue before the list drops rows, rows die young in their own arrays, where a collection
 * costs nothing, and packing them would only add work: measured, a third more CPU time per byte
 * of a 200 MB/s flood, and blocks allocated as fast as a flood's pulses, each a trigger for
 * the collector's concurrent cycle.
 *
 * <p>One thread: the one that owns the list (the FX thread).
 */
public final class ByteBlocks {

    /**
     * A block's size: one G1 region (1 MiB with the app's 1 GiB heap) less the array's header,
     * so a block fills one region and wastes none.
     */
    static final int BLOCK_BYTES = (1 << 20) - 64;
    /** Larger rows keep the array they came in: they would leave too much of a block unused. */
    static final int OWN_ARRAY_ABOVE = 64 << 10;

    /** Rows that the list keeps for less than this are not packed. */
    static final long PAYS_OFF_NANOS = 1_000_000_000L;
    /** How long the arrival rate is measured before it decides again. */
    static final long WINDOW_NANOS = 250_000_000L;

    private byte[] block;
    private int used;
    private boolean packing = true;
    private long windowStart = Long.MIN_VALUE;
    private long windowRows;
    private long windowBytes;
    private long windowDropped;

    /**
     * Moves the bytes of each data row of {@code rows} into the blocks while packing pays (see
     * above); event rows are left alone.
     *
     * @param maxRows  the list's limit of rows
     * @param maxBytes its limit of bytes (their weight)
     * @param dropped  how many rows the queue before the list has dropped so far
     */
    public void pack(List<LogEntry> rows, long nowNanos, int maxRows, long maxBytes, long dropped) {
        long bytes = 0;
        for (LogEntry row : rows) {
            bytes += row.byteCount();
        }
        if (windowStart == Long.MIN_VALUE) {
            windowStart = nowNanos;
            windowDropped = dropped;
        } else if (nowNanos - windowStart >= WINDOW_NANOS) {
            double perNano = 1.0 / (nowNanos - windowStart);
            double turnoverNanos = Math.min(maxRows / (windowRows * perNano), maxBytes / (windowBytes * perNano));
            // nothing arrived: an infinite turnover, packing
            packing = dropped == windowDropped && turnoverNanos >= PAYS_OFF_NANOS;
            windowStart = nowNanos;
            windowDropped = dropped;
            windowRows = 0;
            windowBytes = 0;
        }
        windowRows += rows.size();
        windowBytes += bytes;
        if (packing) {
            for (LogEntry row : rows) {
                pack(row);
            }
        }
    }

    /** Whether the rows of the last window came slowly enough to be packed. */
    boolean packing() {
        return packing;
    }

    /** Moves the bytes of {@code row} into the current block, unless they are large or already packed. */
    void pack(LogEntry row) {
        int length = row.byteCount();
        if (!row.isData() || length == 0 || length > OWN_ARRAY_ABOVE || row.isPacked()) {
            return;
        }
        if (block == null || BLOCK_BYTES - used < length) {
            block = new byte[BLOCK_BYTES];
            used = 0;
        }
        row.moveBytesTo(block, used);
        used += length;
    }

    /**
     * Lets go of the current block (the log was cleared): rows still holding it keep it alive,
     * and the next row starts a new one.
     */
    public void release() {
        block = null;
        used = 0;
    }
}
