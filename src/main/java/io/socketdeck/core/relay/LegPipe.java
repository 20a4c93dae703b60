package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One direction of one relayed connection: takes what its source sent, applies the leg's faults
 * and delivers to its sink on the schedule the faults make. Loop thread only, but
 * {@link #queued()} may be read from any thread.
 *
 * <p>Nothing is ever delivered out of order: a chunk's delivery time is never before the one of
 * the chunk read before it, so jitter delays but never reorders, and bandwidth and slicing only
 * ever hold the head of the queue back.
 */
final class LegPipe {

    /**
     * Tokens of a bandwidth limit kept at most: what 100 ms at the limit would send, so a loop
     * thread late by less than that (a busy machine) loses no bandwidth.
     */
    private static final long BURST_DIVISOR = 10;
    /** A limited stream is written in steps of what 20 ms at the limit send: smooth, but not byte by byte. */
    private static final long STEP_DIVISOR = 50;
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * Memory of one queued chunk besides its bytes: the {@link Chunk} (about 40 bytes with
     * compressed references), its array's header and padding (16, and up to 7 more) and its deque
     * slot (4, up to 8 while the deque grows). Counting bytes only let a peer that sends 1-byte
     * segments or datagrams to a held, stalled or delayed leg queue a million chunks, some 70 MB,
     * within the 1 MiB bound; see also SendQueue.ENTRY_OVERHEAD.
     */
    static final int CHUNK_OVERHEAD = 72;

    /** Where a leg delivers. */
    interface Sink {
        /**
         * Writes up to {@code length} bytes; returns how many the system took (0 when its buffer is
         * full: the pipe waits for {@link #writable}). A datagram sink takes all or drops all.
         */
        int write(byte[] bytes, int offset, int length) throws IOException;

        /** Ends the receiver's stream: a FIN. */
        void finish() throws IOException;
    }

    /** The connection the pipe belongs to. */
    interface Owner {
        long id();

        /** Asks for (or no longer needs) the sink's writability. */
        void wantWrite(Leg leg, boolean on);

        /** Reads from the source again, or stops reading it (back-pressure). */
        void wantRead(Leg leg, boolean on);

        /** The FIN went to the sink. */
        void finished(Leg leg);

        /** A reset-after-bytes fault fired: reset both sides. */
        void resetByFault(Leg leg);

        /** The sink failed (the receiver reset, say). */
        void sinkFailed(Leg leg, IOException error);
    }

    private final Leg leg;
    private final RelayContext context;
    private final Owner owner;
    private final boolean stream;
    /** What all the relay's legs hold together; this leg charges its cost to it. */
    private final RelayBudget budget;
    private Sink sink;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    /** Bytes queued: what the user is shown as held. */
    private volatile long queued;
    /** Bytes queued and {@link #CHUNK_OVERHEAD} per chunk: what the bound and back-pressure count. */
    private long cost;
    /** Bytes let through this leg (after rewriting): what reset-after and close-after count. */
    private long passed;
    /** After close-after or reset-after fired: what the source still sends is dropped. */
    private boolean discarding;
    private boolean finished;
    private boolean readPaused;
    /** Waiting in the budget's line for room: not read until it wakes the leg. Set and cleared by the budget. */
    boolean inLine;
    private boolean waitingWritable;
    private long lastDueNanos;
    private double tokens;
    private long refilledNanos;
    private int pieceLeft;
    private long nextPieceNanos;
    private SelectorLoop.Timer timer;
    private long timerDueNanos;
    private boolean pumping;

    /**
     * @param stream true for a TCP leg (slicing, FIN), false for datagrams (each one whole)
     */
    LegPipe(Leg leg, RelayContext context, Owner owner, boolean stream) {
        this.leg = leg;
        this.context = context;
        this.owner = owner;
        this.stream = stream;
        this.budget = context.budget();
    }

    /** The sink is known once the target is connected; until then bytes queue. */
    void connect(Sink connected) {
        this.sink = connected;
        pump();
    }

    long queued() {
        return queued;
    }

    /**
     * How many bytes the source may still send before back-pressure: the bound less the cost of
     * what is queued. A read or datagram that fits costs its overhead on top, so what a source
     * fills a leg with costs at most the bound and one {@link #CHUNK_OVERHEAD}.
     */
    int room() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, context.options().bufferBytes() - cost));
    }

    /**
     * Whether a datagram of {@code length} bytes fits: its bytes within {@link #room()}, and some
     * room left at all, since an empty datagram costs its {@link #CHUNK_OVERHEAD} too.
     */
    boolean fitsDatagram(int length) {
        int room = room();
        return room > 0 && room >= length;
    }

    /**
     * How many bytes the source may be read for now: {@link #room()} within what the relay's
     * budget has free; 0 when it must not be read (the link then stops reading it; the leg asks
     * for it again when its own queue or the budget has room).
     */
    int readRoom() {
        int own = room();
        if (own == 0) {
            budget.passTurn(this); // it cannot take a turn it was given: the next leg in line gets it
            return 0;
        }
        return (int) Math.min(own, budget.readRoom(this));
    }

    /**
     * The budget has room for this leg, which waited in line: read its source again, unless its
     * own queue is full (it is then read again when that drains, and no turn is taken).
     *
     * @return whether the source is read again
     */
    boolean budgetWoken() {
        if (readPaused) {
            return false;
        }
        owner.wantRead(leg, true);
        return true;
    }

    /** Bytes queued and their chunks' overhead: what the bound counts. */
    long cost() {
        return cost;
    }

    boolean finished() {
        return finished;
    }

    boolean stalled() {
        return context.settings(leg).faults.stall();
    }

    /**
     * Whether a read may go straight to the sink: nothing queued, no fault or rewrite this way,
     * not held, the sink connected and not waiting to be writable. The link then writes its read
     * buffer itself and tells {@link #passedThrough}: a plain forward, the relay's common case,
     * spares copying the read into an array and the JDK copying that array back into a direct
     * buffer to write it.
     */
    boolean canPassThrough() {
        return queue.isEmpty() && sink != null && !finished && !discarding && !waitingWritable && !pumping
                && plainForward();
    }

    /** {@code count} bytes went from the source to the sink directly (see {@link #canPassThrough}). */
    void passedThrough(int count) {
        passed += count;
    }

    /** Takes what the source sent (or what the user injected); the array is the pipe's from now on. */
    void accept(byte[] read, boolean datagram) {
        if (discarding || finished) {
            return;
        }
        LegSettings settings = context.settings(leg);
        LegFaults faults = settings.faults;
        if (datagram && faults.dropProbability() > 0 && context.random().nextDouble() < faults.dropProbability()) {
            report(RelayFault.DROPPED, Integer.toString(read.length));
            return;
        }
        byte[] bytes = read;
        if (settings.rewrites()) {
            bytes = settings.rewrite(bytes, (rule, matches) -> report(RelayFault.REWRITTEN, rule + " \u00d7" + matches));
        }
        if (faults.corruptProbability() > 0 && bytes.length > 0
                && context.random().nextDouble() < faults.corruptProbability()) {
            bytes = bytes == read ? bytes.clone() : bytes; // the Relayed event shows the bytes as read
            int at = context.random().nextInt(bytes.length);
            int bit = context.random().nextInt(8);
            bytes[at] ^= (byte) (1 << bit);
            report(RelayFault.CORRUPTED, at + ":" + bit);
        }
        int length = bytes.length;
        Chunk.End end = Chunk.End.NONE;
        if (faults.resetAfterBytes() > 0 && passed + length >= faults.resetAfterBytes()) {
            length = (int) Math.max(0, faults.resetAfterBytes() - passed);
            end = Chunk.End.RESET;
        } else if (faults.closeAfterBytes() > 0 && passed + length >= faults.closeAfterBytes()) {
            length = (int) Math.max(0, faults.closeAfterBytes() - passed);
            end = stream ? Chunk.End.FAULT_FIN : Chunk.End.RESET;
        }
        if (end != Chunk.End.NONE) {
            discarding = true;
        }
        passed += length;
        long now = System.nanoTime();
        long due = now;
        if (faults.latencyMillis() > 0) {
            long jitter = faults.jitterMillis() == 0 ? 0
                    : context.random().nextLong(-faults.jitterMillis() * NANOS_PER_MILLI,
                            faults.jitterMillis() * NANOS_PER_MILLI + 1);
            due = now + faults.latencyMillis() * NANOS_PER_MILLI + jitter;
        }
        due = Math.max(due, lastDueNanos);
        lastDueNanos = due;
        // An empty datagram is one to deliver all the same (a keepalive, say); an empty stream
        // chunk is nothing, and so is a datagram that reset- or close-after cut to nothing.
        boolean emptyDatagram = datagram && length == 0 && end == Chunk.End.NONE;
        if (length > 0 || emptyDatagram || end != Chunk.End.NONE) {
            enqueue(new Chunk(bytes, length, due, end, emptyDatagram));
        }
        pump();
    }

    /** The source sent its FIN: the sink gets one once everything before it was delivered. */
    void sourceEnded() {
        if (discarding || finished) {
            return;
        }
        discarding = true;
        enqueue(new Chunk(new byte[0], 0, lastDueNanos, Chunk.End.FIN, false));
        pump();
    }

    private void enqueue(Chunk chunk) {
        queue.addLast(chunk);
        queued += chunk.length;
        addCost(chunk.length + CHUNK_OVERHEAD);
        if (!readPaused && cost >= pauseReadingAt()) {
            readPaused = true;
            owner.wantRead(leg, false);
            budget.passTurn(this);
        }
    }

    private void addCost(long more) {
        cost += more;
        budget.charge(more);
    }

    private void removeCost(long less) {
        cost -= less;
        budget.release(less);
    }

    /** The leg's own queue has room again: its source is read, unless it waits for the budget's. */
    private void resumeReading() {
        readPaused = false;
        if (!inLine) {
            owner.wantRead(leg, true);
        }
    }

    /**
     * Cost queued at which the source stops being read. A plain forward (no fault, no hold) keeps
     * at most the one read the sink did not take: the rest waits in the system's buffers, as it
     * does behind socat's blocking write, and each read that follows goes straight to the sink
     * without a copy ({@link #canPassThrough}). Faults, a hold or a stall queue up to the buffer.
     */
    private long pauseReadingAt() {
        return stream && plainForward() ? 1 : context.options().bufferBytes();
    }

    /** Cost queued at or below which a paused source is read again. */
    private long resumeReadingAt() {
        return stream && plainForward() ? 0 : context.options().bufferBytes() / 2;
    }

    private boolean plainForward() {
        return !context.held() && context.settings(leg).faults.isNone();
    }

    /** The sink can take more. */
    void writable() {
        waitingWritable = false;
        owner.wantWrite(leg, false);
        pump();
    }

    /** Hold, stall or faults changed. */
    void kick() {
        if (readPaused && cost < pauseReadingAt()) {
            resumeReading(); // a hold or a fault queues up to the buffer, a plain forward one read
        }
        pump();
    }

    /** Drops everything queued; the connection is going. */
    void clear() {
        queue.clear();
        queued = 0;
        budget.forget(this);
        removeCost(cost);
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void pump() {
        if (pumping || sink == null || finished || waitingWritable) {
            return;
        }
        pumping = true;
        try {
            deliver();
        } finally {
            pumping = false;
        }
    }

    private void deliver() {
        while (!queue.isEmpty()) {
            LegFaults faults = context.settings(leg).faults;
            if (context.held() || faults.stall()) {
                return; // kick() resumes
            }
            Chunk head = queue.peekFirst();
            long now = System.nanoTime();
            if (head.dueNanos > now) {
                wakeAt(head.dueNanos);
                return;
            }
            if (head.remaining() == 0 && !head.emptyDatagram) {
                queue.pollFirst();
                removeCost(CHUNK_OVERHEAD);
                if (head.end != Chunk.End.NONE) {
                    end(head.end);
                    return;
                }
                continue;
            }
            int allowed = head.remaining();
            boolean slicing = stream && faults.sliceBytes() > 0;
            if (slicing) {
                if (pieceLeft == 0) {
                    if (now < nextPieceNanos) {
                        wakeAt(nextPieceNanos);
                        return;
                    }
                    pieceLeft = faults.sliceBytes();
                }
                allowed = Math.min(allowed, pieceLeft);
            }
            long rate = faults.bandwidthBytesPerSecond();
            if (rate > 0) {
                // A datagram goes whole: the bucket must be able to hold the one at the head.
                double burst = Math.max(stream ? 1 : allowed, rate / (double) BURST_DIVISOR);
                refill(now, rate, burst);
                int wanted = stream ? (int) Math.min(allowed, Math.max(1, rate / STEP_DIVISOR)) : allowed;
                if (tokens < wanted) {
                    // Wait until a useful amount is there, not one byte at a time.
                    long waitNanos = (long) Math.ceil((wanted - tokens) * 1e9 / rate);
                    wakeAt(now + Math.max(waitNanos, 1));
                    return;
                }
                if (stream) {
                    allowed = (int) Math.min(allowed, tokens);
                }
            }
            int written;
            try {
                written = sink.write(head.bytes, head.offset, allowed);
            } catch (IOException e) {
                clear();
                owner.sinkFailed(leg, e);
                return;
            }
            if (!stream) {
                written = allowed; // a datagram the system could not take is lost, as on a wire
            }
            head.offset += written;
            queued -= written;
            removeCost(written);
            if (rate > 0) {
                tokens -= written;
            }
            if (slicing) {
                pieceLeft -= written;
                if (pieceLeft == 0) {
                    nextPieceNanos = now + faults.sliceDelayMillis() * NANOS_PER_MILLI;
                }
            }
            if (head.remaining() == 0 && head.end == Chunk.End.NONE) {
                queue.pollFirst(); // before the check below: a plain forward resumes at a cost of 0
                removeCost(CHUNK_OVERHEAD);
            }
            if (readPaused && cost <= resumeReadingAt()) {
                resumeReading();
            }
            if (written < allowed) {
                waitingWritable = true;
                owner.wantWrite(leg, true);
                return;
            }
        }
    }

    private void refill(long now, long rate, double burst) {
        if (refilledNanos == 0) {
            refilledNanos = now;
        }
        tokens = Math.min(burst, tokens + (now - refilledNanos) * rate / 1e9);
        refilledNanos = now;
    }

    private void end(Chunk.End end) {
        if (end == Chunk.End.RESET) {
            report(RelayFault.RESET, Long.toString(passed));
            owner.resetByFault(leg);
            return;
        }
        if (end == Chunk.End.FAULT_FIN) {
            report(RelayFault.CLOSED, Long.toString(passed));
        }
        finished = true;
        try {
            sink.finish();
        } catch (IOException e) {
            clear();
            owner.sinkFailed(leg, e);
            return;
        }
        owner.finished(leg);
    }

    private void wakeAt(long dueNanos) {
        if (timer != null) {
            if (timerDueNanos <= dueNanos) {
                return;
            }
            timer.cancel();
        }
        timerDueNanos = dueNanos;
        timer = context.schedule(Math.max(0, dueNanos - System.nanoTime()), () -> {
            timer = null;
            pump();
        });
    }

    private void report(RelayFault what, String detail) {
        context.emit(new SessionEvent.FaultInjected(System.currentTimeMillis(), owner.id(), leg, what, detail));
    }

    /** Bytes waiting for delivery, or an end of stream. */
    private static final class Chunk {
        /** What follows the bytes: nothing, the source's FIN, a close-after fault's FIN, a reset. */
        enum End { NONE, FIN, FAULT_FIN, RESET }

        final byte[] bytes;
        final int length;
        final long dueNanos;
        final End end;
        /** A datagram of no bytes: written (sent empty) like any other, not skipped as an end's marker. */
        final boolean emptyDatagram;
        int offset;

        Chunk(byte[] bytes, int length, long dueNanos, End end, boolean emptyDatagram) {
            this.bytes = bytes;
            this.length = length;
            this.dueNanos = dueNanos;
            this.end = end;
            this.emptyDatagram = emptyDatagram;
        }

        int remaining() {
            return length - offset;
        }
    }
}
