package io.socketdeck.core.tcp;

import io.socketdeck.core.session.SendTarget.SendCompletion;
import io.socketdeck.core.session.Unsent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What waits for one connection's transport, bounded by what it really costs in memory and by
 * the number of sends. Loop thread only.
 *
 * <p>Each waiting send costs its bytes and an entry ({@link #ENTRY_OVERHEAD}): the record, the
 * deque slot, the completion. Counting payload bytes only let 8-byte messages to a stalled device
 * take a gigabyte before the 64 MiB cap refused any. Small sends that must wait behind others are
 * copied together into one batch ({@link #COALESCE_MAX}, {@link #BATCH_MAX}), where each costs its
 * bytes and {@link #PART_OVERHEAD}; each still completes, counts and shows as its own send.
 *
 * <p>A file region ({@link #addRegion}) waits as a reference to the file: it costs an entry, not
 * its bytes, and goes to the socket inside the kernel when its turn comes ({@link #writeHead}).
 *
 * <p>A send that finds the queue empty is taken whatever its size (the transport usually writes
 * it at once); the limits apply to what must wait behind others. A server's clients also share
 * one {@link Budget}, so a hundred stalled clients cannot hold a hundred times a client's limit.
 */
final class SendQueue {

    /** Memory of one waiting send besides its bytes. */
    static final int ENTRY_OVERHEAD = 64;
    /** Memory of one small send inside a batch besides its bytes: its end, its completion, its flag. */
    static final int PART_OVERHEAD = 16;
    /** Sends up to this size are copied into a batch when they must wait. */
    static final int COALESCE_MAX = 512;
    /** Bytes one batch holds at most. */
    static final int BATCH_MAX = 16 * 1024;
    private static final int BATCH_FIRST_CAPACITY = 256;
    /** Bytes of consecutive file regions handed to the kernel in one transfer, at most (it may take fewer). */
    static final long MAX_TRANSFER = 8L << 20;

    /** Told of each send once the transport has taken all its bytes, in order. */
    interface Written {
        /**
         * @param bytes  an array holding the send's bytes at {@code offset}, {@code length} long;
         *               the caller's own array for a send that was not copied
         * @param copied true when {@code bytes} is a batch shared by several sends (copy the range
         *               before keeping it)
         */
        void written(byte[] bytes, int offset, int length, boolean copied, boolean reportTx, SendCompletion done);

        /**
         * A file region went out whole; it is always shown as TX. By default, a send of its bytes
         * read back from the file; a connection counts {@code length} and reads them back to show them.
         */
        default void writtenRegion(FileChannel file, long position, int length, SendCompletion done) {
            byte[] bytes = FileRegions.readBack(file, position, length);
            written(bytes, 0, bytes.length, false, true, done);
        }
    }

    /** The bytes shared by all the connections of one server: loop thread only. */
    static final class Budget {
        private final long max;
        private long used;

        Budget(long max) {
            this.max = max;
        }

        boolean fits(long cost) {
            return used + cost <= max;
        }

        long used() {
            return used;
        }
    }

    /** Most connections never have more than a send or two waiting: a small array first, grown as needed. */
    private final ArrayDeque<Object> entries = new ArrayDeque<>(2);
    private final SendQueueLimits limits;
    private final Budget budget;
    private long cost;
    private int messages;
    /** Bytes of the head the transport took in the last {@link #writeHead} before it threw. */
    private long takenBeforeFailure;

    SendQueue(SendQueueLimits limits, Budget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Memory the waiting sends account for. */
    long cost() {
        return cost;
    }

    /** Sends waiting. */
    int messages() {
        return messages;
    }

    /** Bytes of the waiting sends not handed to the transport yet: the rest of the oldest and all of the others. */
    long unsentBytes() {
        long left = 0;
        for (Object entry : entries) {
            if (entry instanceof Single single) {
                left += single.bytes.length - single.written;
            } else if (entry instanceof Region region) {
                left += region.length - region.written;
            } else {
                Batch batch = (Batch) entry;
                left += batch.length - batch.written;
            }
        }
        return left;
    }

    /** Whether a send of {@code length} bytes may wait behind what waits now. */
    boolean fits(int length) {
        if (entries.isEmpty()) {
            return true;
        }
        long more = costOf(length);
        return messages < limits.maxMessages() && cost + more <= limits.maxBytes()
                && (budget == null || budget.fits(more));
    }

    /** Whether a file region may wait behind what waits now: it costs an entry, its bytes stay in the file. */
    boolean fitsRegion() {
        return entries.isEmpty() || messages < limits.maxMessages() && cost + ENTRY_OVERHEAD <= limits.maxBytes()
                && (budget == null || budget.fits(ENTRY_OVERHEAD));
    }

    /** Adds {@code length} bytes of {@code file} from {@code position} at the end; check {@link #fitsRegion} first. */
    void addRegion(FileChannel file, long position, int length, SendCompletion done) {
        entries.addLast(new Region(file, position, length, done));
        charge(ENTRY_OVERHEAD);
        messages++;
    }

    /** Adds a send at the end; check {@link #fits} first. The array is only read, never changed. */
    void add(byte[] bytes, boolean reportTx, SendCompletion done) {
        Object tail = entries.peekLast();
        boolean small = bytes.length <= COALESCE_MAX;
        if (small && tail instanceof Batch batch && batch.length + bytes.length <= BATCH_MAX) {
            charge(batch.append(bytes, reportTx, done));
        } else if (small && tail != null) {
            Batch batch = new Batch();
            charge(ENTRY_OVERHEAD + BATCH_FIRST_CAPACITY + batch.append(bytes, reportTx, done));
            entries.addLast(batch);
        } else {
            entries.addLast(new Single(bytes, reportTx, done));
            charge(ENTRY_OVERHEAD + bytes.length);
        }
        messages++;
    }

    /**
     * Hands the oldest send (or batch, or the rest of a region) to {@code transport}; then
     * {@link #advance} with the count.
     *
     * @return how many bytes it took; -1 when the head is a region whose file ended before it did
     *         ({@link #dropHead} it)
     */
    long writeHead(Transport transport) throws IOException {
        takenBeforeFailure = 0;
        if (entries.peekFirst() instanceof Region region) {
            long from = region.position + region.written;
            long count = transport.transferFrom(region.file, from, contiguousRun(region));
            // 0 is also what a full socket gives: only a file now too short makes it the end.
            return count == 0 && region.file.size() <= from ? -1 : count;
        }
        ByteBuffer head = head();
        int from = head.position();
        try {
            return transport.write(head);
        } catch (IOException e) {
            // A transport that encodes (TLS) may have taken bytes into records and then met the
            // failure writing them: the buffer's position says how many, the call could not.
            takenBeforeFailure = head.position() - from;
            throw e;
        }
    }

    /**
     * How many bytes of the head the transport took in the last {@link #writeHead} before it
     * threw; {@link #advance} with them. 0 for a plain socket, whose write takes nothing when it fails.
     */
    long takenBeforeFailure() {
        return takenBeforeFailure;
    }

    /**
     * The unsent bytes of {@code head} and of the regions right behind it that continue it in the
     * same file (a file send's next chunks): one transfer for all, as a file send's chunks are each
     * a message but need not each be a system call.
     */
    private long contiguousRun(Region head) {
        long run = 0;
        long end = head.position + head.written;
        for (Object entry : entries) {
            if (!(entry instanceof Region region) || region.file != head.file
                    || region.position + region.written != end || run >= MAX_TRANSFER) {
                break;
            }
            run += region.length - region.written;
            end = region.position + region.length;
        }
        return run;
    }

    /**
     * Removes the oldest send, a region that cannot be sent whole; its sender is told false.
     *
     * @return its completion, to be told false
     */
    SendCompletion dropHead() {
        Region region = (Region) entries.pollFirst();
        release(ENTRY_OVERHEAD, 1);
        return region.done;
    }

    /** The unwritten bytes of the oldest send (or batch), to hand to the transport; null when empty or a region. */
    ByteBuffer head() {
        Object head = entries.peekFirst();
        if (head instanceof Single single) {
            return ByteBuffer.wrap(single.bytes, single.written, single.bytes.length - single.written);
        }
        if (head instanceof Batch batch) {
            return ByteBuffer.wrap(batch.data, batch.written, batch.length - batch.written);
        }
        return null;
    }

    /**
     * The transport took {@code count} bytes of {@link #head()}: sends now fully written are
     * removed and told to {@code out}, oldest first.
     *
     * @return true when the head was written whole (the next one may be tried)
     */
    boolean advance(long count, Written out) {
        Object head = entries.peekFirst();
        if (head instanceof Region) {
            return advanceRegions(count, out);
        }
        if (head instanceof Single single) {
            single.written += (int) count;
            if (single.written < single.bytes.length) {
                return false;
            }
            entries.pollFirst();
            release(ENTRY_OVERHEAD + single.bytes.length, 1);
            out.written(single.bytes, 0, single.bytes.length, false, single.reportTx, single.done);
            return true;
        }
        Batch batch = (Batch) head;
        batch.written += (int) count;
        boolean whole = batch.written == batch.length;
        if (whole) {
            entries.pollFirst();
            release(ENTRY_OVERHEAD + batch.data.length + (long) PART_OVERHEAD * batch.parts,
                    batch.parts - batch.completed);
        }
        // Parts are told after the batch's accounting, in order; a part told may queue more sends.
        while (batch.completed < batch.parts && batch.ends[batch.completed] <= batch.written) {
            int part = batch.completed++;
            int start = part == 0 ? 0 : batch.ends[part - 1];
            if (!whole) {
                release(0, 1);
            }
            out.written(batch.data, start, batch.ends[part] - start, true, batch.report[part], batch.dones[part]);
        }
        return whole;
    }

    /** {@link #advance} over a run of regions one transfer wrote (see {@link #contiguousRun}). */
    private boolean advanceRegions(long count, Written out) {
        long left = count;
        while (entries.peekFirst() instanceof Region region) {
            long taken = Math.min(left, region.length - region.written);
            region.written += taken;
            left -= taken;
            if (region.written < region.length) {
                return false;
            }
            entries.pollFirst();
            release(ENTRY_OVERHEAD, 1);
            // Told in order; what a completion queues goes behind the run, which left is used up by.
            out.writtenRegion(region.file, region.position, region.length, region.done);
            if (left == 0) {
                break;
            }
        }
        return true;
    }

    /**
     * What waits, as the connection ends: the sends not taken whole, their bytes not taken, and
     * how far the oldest went when the transport took part of it. Call before {@link #clear}.
     */
    Unsent unsent() {
        Object head = entries.peekFirst();
        if (head == null) {
            return Unsent.NONE;
        }
        long went;
        long length;
        if (head instanceof Single single) {
            went = single.written;
            length = single.bytes.length;
        } else if (head instanceof Region region) {
            went = region.written;
            length = region.length;
        } else {
            Batch batch = (Batch) head;
            int part = batch.completed; // the parts before it were told as written
            int start = part == 0 ? 0 : batch.ends[part - 1];
            went = batch.written - start;
            length = batch.ends[part] - start;
        }
        return new Unsent(messages, unsentBytes(), went, went > 0 ? length : 0);
    }

    /** Empties the queue: the completions of every send that never went out, oldest first. */
    SendCompletion[] clear() {
        SendCompletion[] dropped = new SendCompletion[messages];
        int n = 0;
        for (Object entry : entries) {
            if (entry instanceof Single single) {
                dropped[n++] = single.done;
            } else if (entry instanceof Region region) {
                dropped[n++] = region.done;
            } else {
                Batch batch = (Batch) entry;
                for (int part = batch.completed; part < batch.parts; part++) {
                    dropped[n++] = batch.dones[part];
                }
            }
        }
        entries.clear();
        release(cost, messages);
        return n == dropped.length ? dropped : Arrays.copyOf(dropped, n);
    }

    private static long costOf(int length) {
        return length <= COALESCE_MAX ? PART_OVERHEAD + length : ENTRY_OVERHEAD + length;
    }

    private void charge(long more) {
        cost += more;
        if (budget != null) {
            budget.used += more;
        }
    }

    private void release(long less, int sends) {
        cost -= less;
        messages -= sends;
        if (budget != null) {
            budget.used -= less;
        }
    }

    /** One send waiting as it was given. */
    private static final class Single {
        final byte[] bytes;
        final boolean reportTx;
        final SendCompletion done;
        int written;

        Single(byte[] bytes, boolean reportTx, SendCompletion done) {
            this.bytes = bytes;
            this.reportTx = reportTx;
            this.done = done;
        }
    }

    /** Bytes of a file, sent from the file when their turn comes, and always shown as TX (a file send's). */
    private static final class Region {
        final FileChannel file;
        final long position;
        final int length;
        final SendCompletion done;
        long written;

        Region(FileChannel file, long position, int length, SendCompletion done) {
            this.file = file;
            this.position = position;
            this.length = length;
            this.done = done;
        }
    }

    /** Small sends copied one after the other; each keeps its end, completion and TX flag. */
    private static final class Batch {
        byte[] data = new byte[BATCH_FIRST_CAPACITY];
        int length;
        int written;
        int[] ends = new int[16];
        SendCompletion[] dones = new SendCompletion[16];
        boolean[] report = new boolean[16];
        int parts;
        int completed;

        /** Copies {@code bytes} in; returns the memory this added (growth of the arrays included). */
        long append(byte[] bytes, boolean reportTx, SendCompletion done) {
            long added = PART_OVERHEAD;
            if (length + bytes.length > data.length) {
                int capacity = Math.min(BATCH_MAX, Math.max(length + bytes.length, data.length * 2));
                added += capacity - data.length;
                data = Arrays.copyOf(data, capacity);
            }
            if (parts == ends.length) {
                int more = parts * 2;
                ends = Arrays.copyOf(ends, more);
                dones = Arrays.copyOf(dones, more);
                report = Arrays.copyOf(report, more);
            }
            System.arraycopy(bytes, 0, data, length, bytes.length);
            length += bytes.length;
            ends[parts] = length;
            dones[parts] = done;
            report[parts] = reportTx;
            parts++;
            return added;
        }
    }
}
