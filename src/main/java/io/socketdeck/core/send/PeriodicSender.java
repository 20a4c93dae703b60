package io.socketdeck.core.send;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.SendTarget;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one payload again and again at a fixed rate, on the target's own loop: the k-th send is
 * due at {@code start + k * interval}, measured from the start, so the schedule never drifts by
 * the time each send takes. No thread of its own; sends are ordered with the target's other sends.
 *
 * <p>The first send goes out at once. When the loop falls behind (a long pause), overdue sends go
 * out back to back to keep the count and the average rate; more than {@link #MAX_CATCH_UP} behind,
 * the schedule restarts from now instead, so a suspended laptop does not wake up to a burst.
 *
 * <p>It stops after {@code count} sends (if given), on {@link #stop()}, when the target closes,
 * or when a send is dropped (the send queue is full: the peer stopped reading).
 */
public final class PeriodicSender {

    private static final Logger LOGGER = LoggerFactory.getLogger(PeriodicSender.class);

    /** Send until stopped. */
    public static final long UNLIMITED = 0;
    /** Lag after which the schedule restarts instead of catching up. */
    static final long MAX_CATCH_UP = Duration.ofSeconds(1).toNanos();

    /** Why a periodic send ended. */
    public enum StopReason {
        /** All {@code count} sends were made. */
        COMPLETED,
        /** {@link #stop()} was called. */
        STOPPED,
        /** The connection or socket closed. */
        TARGET_CLOSED,
        /**
         * A send was dropped although the target is open: its send queue is full (the peer is not
         * reading), or, sending to several, no recipient could take more.
         */
        SEND_FAILED,
        /**
         * Something thrown while sending (a bug, or an Error such as a class that failed to load):
         * the repeat ends rather than stop silently; {@link #failure()} names it.
         */
        FAILED,
        /**
         * The content for the next send could not be built with its macros' new values (see
         * {@link PayloadBuildFailure}); {@link #buildProblem()} says why, as the send box would.
         */
        BUILD_FAILED
    }

    /** Told about each send and the end; called on the target's loop thread. */
    public interface Listener {

        /**
         * Send number {@code sequence} (from 0) was queued at {@code sentNanos}; it was due at
         * {@code dueNanos} ({@link System#nanoTime()} times).
         */
        default void sent(long sequence, long dueNanos, long sentNanos) {
        }

        /**
         * The sender ended after {@code sent} sends. Called once; on the loop thread, or on the
         * thread that called {@code start} if the target's session had already ended.
         */
        default void stopped(StopReason reason, long sent) {
        }
    }

    private final SendTarget target;
    private final SelectorLoop loop;
    private final Supplier<byte[]> payloads;
    private final long intervalNanos;
    private final long count;
    private final Listener listener;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final SendTarget.SendCompletion onWritten = this::written;
    private volatile StopReason stopReason;
    private volatile String failure = "";
    private volatile PayloadException buildProblem;
    private SelectorLoop.Timer targetEnd;
    private SelectorLoop.Timer next;
    private long startNanos;

    private PeriodicSender(SendTarget target, Supplier<byte[]> payloads, Duration interval, long count,
                           Listener listener) {
        this.target = target;
        this.loop = target.loop();
        this.payloads = payloads;
        this.intervalNanos = interval.toNanos();
        this.count = count;
        this.listener = listener;
    }

    /**
     * Starts sending {@code payload} to {@code target} every {@code interval}; safe from any thread.
     *
     * @param interval at least 1 ms
     * @param count    how many sends, or {@link #UNLIMITED}
     * @throws IllegalArgumentException for an interval under 1 ms, a negative count or an empty payload
     */
    public static PeriodicSender start(SendTarget target, byte[] payload, Duration interval, long count,
                                       Listener listener) {
        if (payload.length == 0) {
            throw new IllegalArgumentException("nothing to send");
        }
        byte[] own = payload.clone();
        return start(target, own::clone, interval, count, listener);
    }

    /**
     * Starts sending what {@code payloads} gives, asked anew for each send on the target's loop
     * (a payload with macros: a new counter, a new time); otherwise as {@link #start(SendTarget,
     * byte[], Duration, long, Listener)}. Each array it gives belongs to the sender.
     */
    public static PeriodicSender start(SendTarget target, Supplier<byte[]> payloads, Duration interval, long count,
                                       Listener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(payloads, "payloads");
        Objects.requireNonNull(listener, "listener");
        if (interval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("the interval must be at least 1 ms: " + interval);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        PeriodicSender sender = new PeriodicSender(target, payloads, interval, count, listener);
        // Registered before anything is queued: if the session ends first, the sender still ends.
        // Its end, not its loop's: a shared loop goes on serving others, and the timer with it.
        sender.targetEnd = target.whenClosed(() -> sender.finish(StopReason.TARGET_CLOSED));
        if (sender.loop.inLoop()) {
            sender.begin();
        } else {
            sender.loop.execute(sender::begin);
        }
        return sender;
    }

    /** Stops sending; safe from any thread. A send already queued still goes out. */
    public void stop() {
        if (loop.inLoop()) {
            finish(StopReason.STOPPED);
        } else {
            loop.execute(() -> finish(StopReason.STOPPED));
        }
    }

    public boolean isRunning() {
        return !finished.get();
    }

    /** Sends made so far. */
    public long sentCount() {
        return sent.get();
    }

    /** Why it ended, or null while running. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** What was thrown when it ended with {@link StopReason#FAILED}; "" otherwise. */
    public String failure() {
        return failure;
    }

    /** Why the next send could not be built when it ended with {@link StopReason#BUILD_FAILED}; null otherwise. */
    public PayloadException buildProblem() {
        return buildProblem;
    }

    private void begin() {
        if (finished.get()) {
            return;
        }
        startNanos = System.nanoTime();
        tick();
    }

    /**
     * One send, then the timer for the next. What it throws ends the repeat with FAILED instead of
     * escaping to the loop, which would log it and leave the repeat looking alive forever.
     */
    private void tick() {
        try {
            sendOnce();
        } catch (PayloadBuildFailure unbuildable) {
            // The user's content, not a fault of ours: said in words, no stack trace in the log.
            LOGGER.debug("a repeat's next send could not be built: {}", unbuildable.getMessage());
            buildProblem = unbuildable.problem();
            finish(StopReason.BUILD_FAILED);
        } catch (Throwable fault) {
            Faults.log("a repeat send failed", fault);
            failure = Faults.describe(fault);
            finish(StopReason.FAILED);
        }
    }

    private void sendOnce() {
        if (finished.get()) {
            return;
        }
        if (!target.isOpen()) {
            finish(StopReason.TARGET_CLOSED);
            return;
        }
        long sequence = sent.get();
        long now = System.nanoTime();
        long due = startNanos + sequence * intervalNanos;
        if (now - due > MAX_CATCH_UP) {
            LOGGER.debug("periodic send {} ms behind schedule, restarting the schedule", (now - due) / 1_000_000);
            startNanos = now - sequence * intervalNanos;
            due = now;
        }
        target.send(payloads.get(), onWritten);
        sent.incrementAndGet();
        listener.sent(sequence, due, now);
        if (count != UNLIMITED && sequence + 1 >= count) {
            finish(StopReason.COMPLETED);
            return;
        }
        if (!finished.get()) {
            long nextDue = startNanos + (sequence + 1) * intervalNanos;
            next = loop.schedule(Math.max(0, nextDue - System.nanoTime()), this::tick);
        }
    }

    private void written(boolean ok) {
        if (!ok) {
            finish(target.isOpen() ? StopReason.SEND_FAILED : StopReason.TARGET_CLOSED);
        }
    }

    private void finish(StopReason reason) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        stopReason = reason;
        if (next != null && loop.inLoop()) {
            next.cancel();
        }
        if (targetEnd != null) {
            targetEnd.cancel();
        }
        listener.stopped(reason, sent.get());
    }
}
