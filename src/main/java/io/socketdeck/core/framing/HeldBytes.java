package io.socketdeck.core.framing;

import java.util.Arrays;

/**
 * The bytes of a frame begun, within a per-connection cap and the session's {@link HoldBudget}:
 * a growable array that starts small, hands out exact copies and compacts once per read.
 */
final class HeldBytes {

    /**
     * The most a connection keeps between frames once what it holds is small. The budget counts
     * bytes held, not arrays: a server's 10,000 clients that each sent one 60 KB frame would keep
     * 64 KiB apiece (640 MB) for their later short frames. A stream of longer frames split across
     * reads pays a few small copies a frame instead.
     */
    static final int KEPT_CAPACITY = 4 * 1024;

    private final HoldBudget budget;
    private final int cap;
    private byte[] bytes = new byte[256];
    private int size;

    HeldBytes(HoldBudget budget, int cap) {
        this.budget = budget;
        this.cap = cap;
    }

    int size() {
        return size;
    }

    byte get(int index) {
        return bytes[index];
    }

    /**
     * Adds the bytes when the cap and the budget have room; false, adding nothing, when not (the
     * caller hands over what is held first, then tries again).
     */
    boolean add(byte[] source, int offset, int length) {
        if (size + length > cap || !budget.reserve(length)) {
            return false;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + length, Math.min(bytes.length * 2, cap)));
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
        return true;
    }

    /** A copy of the bytes from {@code from} to {@code to}. */
    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** Forgets the first {@code count} bytes (handed out already). */
    void discard(int count) {
        if (count == 0) {
            return;
        }
        System.arraycopy(bytes, count, bytes, 0, size - count);
        size -= count;
        budget.release(count);
        if (bytes.length > KEPT_CAPACITY && size < KEPT_CAPACITY / 4) {
            bytes = Arrays.copyOf(bytes, KEPT_CAPACITY / 4); // one long frame must not keep its array for later short ones
        }
    }

    /** The array's length: what holding costs this connection now. */
    int capacity() {
        return bytes.length;
    }

    /** All held bytes, none kept; null when none. */
    byte[] takeAll() {
        if (size == 0) {
            return null;
        }
        byte[] taken = copy(0, size);
        discard(size);
        return taken;
    }
}
