package io.socketdeck.core.framing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes all the framers of one session may hold for frames not yet finished, together. A
 * server's ten thousand clients each sending the start of a long frame must not fill the memory:
 * a framer refused room hands over what it holds as a row of its own instead (cut, never lost).
 * Any thread.
 */
public final class HoldBudget {

    /** Enough for many long frames at once, far below the heap. */
    public static final long DEFAULT_BYTES = 64L * 1024 * 1024;

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    public HoldBudget(long limit) {
        this.limit = limit;
    }

    /** A budget of its own, for a session with one connection or a test. */
    public static HoldBudget unshared() {
        return new HoldBudget(DEFAULT_BYTES);
    }

    boolean reserve(long bytes) {
        long now;
        do {
            now = used.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes held by all the framers now. */
    public long used() {
        return used.get();
    }
}
