package io.socketdeck.testsupport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits on conditions with a timeout. The short park inside the loop is a poll interval of a
 * condition wait, not synchronisation by time: callers never depend on how long it is.
 */
public final class Await {

    private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Await() {
    }

    /** Polls {@code condition} until it is true; throws {@link AssertionError} with {@code message} on timeout. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> message) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(message, "message");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long poll = MIN_POLL_NANOS;
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                throw new AssertionError(message.get() + " (not met within " + timeout.toMillis() + " ms)");
            }
            LockSupport.parkNanos(Math.min(poll, deadline - now));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + message.get());
            }
            poll = Math.min(poll * 2, MAX_POLL_NANOS);
        }
    }

    /** Same as {@link #until(BooleanSupplier, Duration, Supplier)} with a fixed message. */
    public static void until(BooleanSupplier condition, Duration timeout, String message) {
        until(condition, timeout, () -> message);
    }

    /**
     * Polls {@code supplier} until {@code ok} accepts its value and returns that value; on timeout
     * throws {@link AssertionError} naming {@code what} and the last value seen.
     */
    public static <T> T value(Supplier<T> supplier, Predicate<T> ok, Duration timeout, String what) {
        return value(supplier, ok, timeout, () -> what);
    }

    /** The same, {@code what} made when the wait gives up: it may say what the world was then. */
    public static <T> T value(Supplier<T> supplier, Predicate<T> ok, Duration timeout, Supplier<String> what) {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(ok, "ok");
        AtomicReference<T> last = new AtomicReference<>();
        until(() -> {
            T v = supplier.get();
            last.set(v);
            return ok.test(v);
        }, timeout, () -> what.get() + ": last value was " + last.get());
        return last.get();
    }
}
