package io.socketdeck.ui.fx;

import io.socketdeck.core.session.Faults;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The window's one heartbeat: the only way engine state reaches the FX thread. Every periodic or
 * pushed update (log rows, state events, counters, rates, the client table, send and capture
 * progress) is a {@link Job} that runs on a pulse and says when it next wants to run.
 *
 * <p>An {@link AnimationTimer} runs the due jobs, so work is tied to pulses: at most one run of a
 * job per pulse, whatever the traffic. The timer runs only while some job is due by the next
 * pulse; when the nearest due time is further away it stops and one shared timer thread wakes it
 * then, and when every job is idle nothing runs at all: an idle window does not pulse. Other
 * threads {@link Handle#wake() wake} a job when they have something for it.
 *
 * <p>It also measures itself, cheaply: the FX time its jobs took in the longest pulse.
 */
public final class UiTick {

    /** A job's answer: run me on the next pulse. */
    public static final long NEXT_PULSE = 0;
    /** A job's answer: run me only when woken. */
    public static final long IDLE = Long.MAX_VALUE;

    /** About one frame: a job due within this is run by keeping the pulse going, not by a timer thread. */
    private static final long PULSE_NANOS = 17_000_000L;
    /**
     * The FX time jobs may take in one pulse before those that can wait leave the rest of their
     * work for the next pulse: a quarter of a 60 Hz frame, so drawing and input keep their share.
     */
    public static final long PULSE_BUDGET_NANOS = 4_000_000L;

    private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "socketdeck-ui-tick");
        thread.setDaemon(true);
        return thread;
    });

    /** Work done on a pulse, on the FX thread. */
    @FunctionalInterface
    public interface Job {
        /**
         * @param nowNanos the pulse's {@link System#nanoTime()}
         * @return {@link #NEXT_PULSE}, {@link #IDLE}, or the {@code System.nanoTime()} at which to run again
         */
        long run(long nowNanos);
    }

    /** A registered job: wake it from any thread, or remove it. */
    public final class Handle {
        private final Job job;
        private final AtomicBoolean woken = new AtomicBoolean(true); // a new job runs on the next pulse
        private long dueNanos = IDLE;
        private boolean removed;

        private Handle(Job job) {
            this.job = job;
        }

        /** Runs the job on the next pulse; any thread, cheap when already woken. */
        public void wake() {
            // A plain read first: under a flood the flag is already set and this costs no atomic write.
            if (!woken.get() && !woken.getAndSet(true)) {
                requestPulse();
            }
        }

        /** Stops running the job; any thread. */
        public void remove() {
            removed = true;
            handles.remove(this);
        }
    }

    private final List<Handle> handles = new CopyOnWriteArrayList<>(); // models register from any thread
    /** Where {@link #collecting} gathers the jobs added on its thread while it builds something. */
    private final ThreadLocal<List<Handle>> collector = new ThreadLocal<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    /** Holds in force (see {@link #hold}): while any is, no job runs. */
    private final AtomicInteger holds = new AtomicInteger();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };
    private long pulseStartNanos;
    private ScheduledFuture<?> pendingWake;
    private long pendingWakeNanos = IDLE;
    private long pulses;
    private long maxWorkNanos;
    private long lastWorkNanos;

    /** Registers {@code job}; it first runs on the next pulse. Any thread. */
    public Handle add(Job job) {
        Handle handle = new Handle(job);
        handles.add(handle);
        List<Handle> collecting = collector.get();
        if (collecting != null) {
            collecting.add(handle);
        }
        requestPulse();
        return handle;
    }

    /**
     * Builds something with {@code build} and adds every job it registers on this thread to
     * {@code jobs}: a window closing one of its tabs removes that tab's jobs and only those.
     */
    public <T> T collecting(List<Handle> jobs, Supplier<T> build) {
        List<Handle> outer = collector.get();
        collector.set(jobs);
        try {
            return build.get();
        } finally {
            collector.set(outer);
        }
    }

    /** Runs every job now, due or not, e.g. before the window closes or in a test. FX thread. */
    public void runAllNow() {
        for (Handle handle : handles) {
            handle.woken.set(true);
        }
        pulse();
    }

    /**
     * Runs no job until the returned release is run (once; any thread): for building a view off
     * the FX thread around models the jobs change, which must not change under it. Wakes meanwhile
     * are kept: the jobs woken run on the pulse after the release.
     */
    public Runnable hold() {
        holds.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true) && holds.decrementAndGet() == 0) {
                requestPulse();
            }
        };
    }

    /** True while the pulse timer runs; false for an idle window. FX thread. */
    public boolean isPulsing() {
        return armed.get();
    }

    /** Pulses in which at least one job ran. */
    public long pulses() {
        return pulses;
    }

    /** The FX thread's time in jobs during the longest pulse so far, in nanoseconds. */
    public long maxWorkNanos() {
        return maxWorkNanos;
    }

    public long lastWorkNanos() {
        return lastWorkNanos;
    }

    /** Forgets the longest pulse, to measure a new phase. */
    public void resetStatistics() {
        maxWorkNanos = 0;
        pulses = 0;
    }

    private void requestPulse() {
        if (armed.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                timer.start();
            } else {
                Platform.runLater(timer::start); // one hop per quiet-to-busy transition, not per wake
            }
        }
    }

    /**
     * True once the jobs of this pulse have used its budget: a job with more to do than fits
     * (a backlog of rows or events) stops here and asks for the next pulse. FX thread.
     */
    public boolean pulseSpent() {
        return budgetLeftNanos() < 0;
    }

    /** What is left of this pulse's budget for its jobs, in nanoseconds; negative once spent. FX thread. */
    public long budgetLeftNanos() {
        return PULSE_BUDGET_NANOS - (System.nanoTime() - pulseStartNanos);
    }

    private void pulse() {
        if (holds.get() > 0) {
            stopTimer(); // the release asks for the pulse that runs what is due
            if (holds.get() == 0) {
                requestPulse(); // released while stopping: its request found the timer still armed
            }
            return;
        }
        long start = System.nanoTime();
        pulseStartNanos = start;
        boolean ranAny = false;
        for (Handle handle : handles) {
            if (handle.removed) {
                continue;
            }
            boolean woken = handle.woken.getAndSet(false);
            if (woken || handle.dueNanos - start <= 0) {
                handle.dueNanos = runGuarded(handle.job, start);
                ranAny = true;
            }
        }
        long end = System.nanoTime();
        if (ranAny) {
            pulses++;
            lastWorkNanos = end - start;
            maxWorkNanos = Math.max(maxWorkNanos, lastWorkNanos);
        }
        scheduleNext(end);
    }

    /**
     * Runs {@code job}; a job that throws is logged and left idle until woken, so the jobs after it
     * in this pulse still run and the tick still plans its next pulse (uncaught, the same job would
     * throw first on every pulse and starve the others: a window whose rows and states stop).
     */
    private static long runGuarded(Job job, long now) {
        try {
            long due = job.run(now);
            return due == NEXT_PULSE ? now : due;
        } catch (RuntimeException fault) {
            Faults.log("a window job failed; it runs again when woken", fault);
            return IDLE;
        }
    }

    private void scheduleNext(long now) {
        long nearest = IDLE;
        boolean anyWoken = false;
        for (Handle handle : handles) {
            nearest = Math.min(nearest, handle.dueNanos);
            anyWoken |= handle.woken.get();
        }
        if (anyWoken || nearest != IDLE && nearest - now < PULSE_NANOS) {
            return; // keep pulsing
        }
        stopTimer();
        // A wake between the loop above and armed=false saw armed==true and did not ask for a pulse;
        // so did the timer thread if it fired in that time (a preempted FX thread may take that long).
        for (Handle handle : handles) {
            if (handle.woken.get()) {
                requestPulse();
                return;
            }
        }
        if (nearest != IDLE) {
            wakeAt(nearest);
        }
    }

    private void stopTimer() {
        timer.stop();
        armed.set(false);
    }

    /**
     * Asks the timer thread for a pulse at {@code dueNanos}, unless one it has not fired yet is
     * already asked for by then. One whose time has come may have fired while a pulse was on (its
     * request then did nothing) or be firing now: another is asked for, at once if due.
     */
    private void wakeAt(long dueNanos) {
        long now = System.nanoTime(); // not the pulse's: the FX thread may have waited since
        if (pendingWake != null && pendingWakeNanos - now > 0 && pendingWakeNanos - dueNanos <= 0) {
            return; // the executor never runs a task before its time, so this one is still to come
        }
        if (pendingWake != null) {
            pendingWake.cancel(false);
        }
        pendingWakeNanos = dueNanos;
        pendingWake = WAKER.schedule(this::requestPulse, Math.max(0, dueNanos - now), TimeUnit.NANOSECONDS);
    }
}
