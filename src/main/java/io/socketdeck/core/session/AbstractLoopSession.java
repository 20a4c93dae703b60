package io.socketdeck.core.session;

import io.socketdeck.core.io.EndActions;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.SendTarget.SendCompletion;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The life of a session on a {@link SelectorLoop}, written once for the TCP client, the TCP server
 * and UDP: start once, close once from any thread, open on the loop, one end reason, release of
 * everything the session owns and then exactly one {@link SessionEvent.Closed}, always the last
 * event. Subclasses only {@link #open()}, {@link #release} and do their I/O.
 *
 * <p>It lives in {@code core.session}, not next to the loop in {@code core.io}, because it speaks
 * in session events, listeners and send targets, while {@code core.io} is a plain reactor that
 * knows nothing of them: one loop carries sessions of every kind.
 *
 * <p>Two ways to run. Given a loop (from a {@code LoopGroup}), {@link #start()} opens the session
 * on it from any thread and returns at once; the session ends without stopping the loop, and ends
 * when the loop stops. Without one, the session makes a loop of its own and {@link #run()} drives
 * it on the calling thread until the session has closed.
 *
 * <p>Whatever the session's own code throws on the loop, a listener's exception or an
 * {@link Error} such as a class that failed to load included, ends the session with a
 * {@link SessionEvent.Failure} naming it and {@code Closed(ERROR)}, so a window is never left
 * showing a session that silently stopped; the loop and the other sessions on it go on. A part
 * that can end alone ends alone instead: a TCP connection, or the handling of one UDP datagram
 * (a listener's exception on it is reported, and the socket goes on).
 */
public abstract class AbstractLoopSession implements Session {

    private static final byte[] NO_BYTES = new byte[0];

    private final SelectorLoop loop;
    private final boolean ownLoop;
    private final SessionListener listener;
    private final TrafficCounters counters;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final EndActions closeActions = new EndActions();
    /** Loop thread only: timers of this session, cancelled when it ends. */
    private final Set<SessionTimer> timers = new HashSet<>();
    /** Loop thread only once started: the automatic replies waiting for their delay. */
    private DelayedReplies delayedReplies = new DelayedReplies(DelayedReplies.Limits.DEFAULT);
    /** Loop thread only: what is told once a burst; a burst not told yet is told at the end. */
    private final List<BurstReport> bursts = new ArrayList<>();
    /** Replies not sent: the limits of {@link #delayedReplies} were reached. */
    private final BurstReport repliesNotSent = burstReport((count, bytes) -> {
        SessionEvent.Failure report = delayedReplies.report(count, System.currentTimeMillis());
        if (report != null) {
            emit(report);
        }
    });
    private volatile SelectorLoop.Timer loopWatch;

    /** A session on a loop of its own, driven by {@link #run()}. */
    protected AbstractLoopSession(SessionListener listener, TrafficCounters counters) {
        this(new SelectorLoop(), true, listener, counters);
    }

    /** A session on {@code loop}, which others may share and which runs elsewhere; begun by {@link #start()}. */
    protected AbstractLoopSession(SelectorLoop loop, SessionListener listener, TrafficCounters counters) {
        this(Objects.requireNonNull(loop, "loop"), false, listener, counters);
    }

    private AbstractLoopSession(SelectorLoop loop, boolean ownLoop, SessionListener listener,
                                TrafficCounters counters) {
        this.loop = loop;
        this.ownLoop = ownLoop;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    // ---- what subclasses supply ----

    /**
     * Opens the socket on the loop thread and reports it ({@code Opened} or {@code Connected}). A
     * failure is reported as a {@link SessionEvent.Failure} followed by {@link #end}{@code (ERROR)};
     * anything thrown ends the session the same way. Not called when the session was closed first.
     */
    protected abstract void open();

    /**
     * Closes everything the session owns, on the loop thread, once: sockets, connections (each may
     * still report its {@code Disconnected}), and queued sends, whose completions are told false.
     * The loop goes on; timers made with {@link #schedule} are already cancelled.
     *
     * @param reason why the session ends
     */
    protected abstract void release(CloseReason reason);

    /** True while the socket the session opened can be used; any thread. */
    protected abstract boolean socketOpen();

    // ---- the public life cycle ----

    /**
     * Opens the session on its shared loop, from any thread, without waiting; what happens is
     * reported as events, the last being {@code Closed}. A loop that has already stopped ends the
     * session at once with {@code Closed(LOCAL)}.
     *
     * @throws IllegalStateException when started before, or when the session has a loop of its own
     *                               (use {@link #run()})
     */
    @Override
    public final void start() {
        if (ownLoop) {
            throw new IllegalStateException("a session with a loop of its own is run(), not started");
        }
        begin();
    }

    /**
     * Starts the session on its own loop and runs that loop on the calling thread until the session
     * has closed.
     *
     * @throws IllegalStateException when run before, or when the session was given a shared loop
     *                               (use {@link #start()})
     */
    @Override
    public final void run() {
        if (!ownLoop) {
            throw new IllegalStateException("a session on a shared loop is start()ed; its loop runs elsewhere");
        }
        begin();
        try {
            loop.run();
        } finally {
            loop.close();
        }
    }

    private void begin() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a session starts once");
        }
        // Before anything is queued: a loop that stops (its group closed) ends the session, whenever.
        loopWatch = loop.whenStopped(() -> end(CloseReason.LOCAL));
        loop.execute(this::openOnLoop);
    }

    private void openOnLoop() {
        if (ended.get()) {
            return;
        }
        if (closeRequested.get()) {
            end(CloseReason.LOCAL);
            return;
        }
        guard(this::open);
    }

    /** Closes the session: safe from any thread, any number of times, before or after it starts. */
    @Override
    public final void close() {
        // Before start, open() sees the request and ends at once; after, a task ends it on the
        // loop, between two events, never in the middle of one.
        if (closeRequested.compareAndSet(false, true) && started.get()) {
            loop.execute(() -> end(CloseReason.LOCAL));
        }
    }

    @Override
    public final boolean isOpen() {
        return !ended.get() && !closeRequested.get() && socketOpen();
    }

    /** True once the session has ended: released, {@code Closed} emitted or being emitted. */
    public final boolean hasEnded() {
        return ended.get();
    }

    @Override
    public final TrafficCounters counters() {
        return counters;
    }

    /** The loop that does this session's I/O. */
    public final SelectorLoop loop() {
        return loop;
    }

    /**
     * Runs {@code action} once when this session has ended: on the loop thread, just before
     * {@code Closed} is emitted, or at once on the calling thread if it already has. Work scheduled
     * on a shared loop learns here that it is over, since the loop itself goes on.
     *
     * @return a handle whose {@code cancel} withdraws the action
     */
    public final SelectorLoop.Timer whenClosed(Runnable action) {
        return closeActions.add(action);
    }

    // ---- for subclasses, on the loop thread ----

    protected final SessionListener listener() {
        return listener;
    }

    protected final void emit(SessionEvent event) {
        listener.onEvent(event);
    }

    /**
     * Ends the session, once: releases what it owns, runs {@link #whenClosed} actions, emits
     * {@code Closed(reason)} and, on a loop of its own, stops the loop. Loop thread.
     */
    protected final void end(CloseReason reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        SelectorLoop.Timer watch = loopWatch;
        if (watch != null) {
            watch.cancel();
        }
        for (SessionTimer timer : Set.copyOf(timers)) {
            timer.cancel();
        }
        // Their reports' timers were just cancelled: what the last second refused is still said.
        for (BurstReport burst : bursts) {
            try {
                burst.tell();
            } catch (Throwable fault) {
                Faults.log("a session's last report failed", fault);
            }
        }
        try {
            release(reason);
        } catch (Throwable fault) {
            Faults.log("releasing a session failed", fault);
        }
        if (loop.inLoop()) {
            loop.releaseClosedChannels(); // the port is free and peers have their FIN before Closed
        }
        closeActions.end();
        Faults.emitQuietly(listener, new SessionEvent.Closed(System.currentTimeMillis(), reason));
        if (ownLoop) {
            loop.stop();
        }
    }

    /**
     * Something the session's code threw on the loop: reported as a Failure naming it, then the
     * session ends with ERROR. Loop thread.
     */
    protected final void failed(Throwable fault) {
        Faults.log("session failed", fault);
        if (ended.get()) {
            return;
        }
        Faults.emitQuietly(listener, new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.IO, null,
                Faults.describe(fault)));
        end(CloseReason.ERROR);
    }

    /**
     * Runs {@code task} on the loop: at once when called there (ordered with what the caller does),
     * else as a loop task. Skipped once the session has ended; what it throws ends the session.
     */
    protected final void onLoop(Runnable task) {
        if (loop.inLoop()) {
            runGuarded(task);
        } else {
            loop.execute(() -> runGuarded(task));
        }
    }

    /** Runs {@code task} on the loop after {@code delayNanos} unless the session has ended first. */
    protected final SelectorLoop.Timer schedule(long delayNanos, Runnable task) {
        SessionTimer timer = new SessionTimer(task);
        timers.add(timer);
        timer.scheduled = loop.schedule(delayNanos, timer::fire);
        return timer;
    }

    /**
     * Has {@code through} send {@code bytes} in answer to {@code request} after {@code delayNanos},
     * unless the session has ended first or as many replies as it holds already wait: then the
     * reply is not sent, and that is reported (see {@link DelayedReplies}). Loop thread.
     */
    protected final void replyLater(long delayNanos, SessionEvent.Data request, byte[] bytes, Replies through) {
        DelayedReplies waiting = delayedReplies;
        if (!waiting.take(bytes.length, request)) {
            repliesNotSent.add(bytes.length);
            return;
        }
        // Where it goes, without the request's bytes: a reply needs only the peer and the
        // connection, and a request's bytes can be far bigger than the reply.
        SessionEvent.Data to = new SessionEvent.Data(request.timeMillis(), request.direction(), request.peer(),
                NO_BYTES, request.connection(), request.automatic(), request.roundTripNanos());
        schedule(delayNanos, () -> {
            waiting.release(bytes.length);
            through.reply(to, bytes);
        });
    }

    /**
     * A count of what this session refuses under load, told once a burst (a second after its
     * first) and at the session's end if not yet told. Loop thread.
     */
    protected final BurstReport burstReport(BurstReport.Report report) {
        return burstReport(BurstReport.First.WITH_THE_REST, report);
    }

    /**
     * The same with the first of a burst told as {@code first} says; what answers this session's
     * messages asks for one through {@link Replies}. Loop thread, or before the session starts.
     */
    public final BurstReport burstReport(BurstReport.First first, BurstReport.Report report) {
        BurstReport burst = new BurstReport(this::schedule, first, report);
        bursts.add(burst);
        return burst;
    }

    /** Smaller limits for delayed replies than a session's own, for a test; before the session starts. */
    final void limitDelayedReplies(DelayedReplies.Limits limits) {
        delayedReplies = new DelayedReplies(limits);
    }

    /** Automatic replies waiting for their delay now; loop thread. */
    final int delayedRepliesWaiting() {
        return delayedReplies.waiting();
    }

    /** A handler whose failures (what {@code ready} throws) end this session. */
    protected final SelectorLoop.Handler guarded(SelectorLoop.Handler handler) {
        return SelectorLoop.Handler.endingWith(handler, this::failed);
    }

    /**
     * A {@link SendTarget} of this session: open while the session is, ended with it, and
     * {@code sendOnLoop} called on the loop thread (at once when already there, as a repeat send's
     * timer is). A send that reaches the loop after the session ended is dropped (told false).
     */
    protected final SendTarget sendTarget(BiConsumer<byte[], SendCompletion> sendOnLoop) {
        return new SessionTarget(sendOnLoop::accept);
    }

    /** Like {@link #sendTarget(BiConsumer)} for a target that can also say who it waits for, or skip one. */
    protected final SendTarget targetOf(TargetOps ops) {
        return new SessionTarget(ops);
    }

    private void runGuarded(Runnable task) {
        if (!ended.get()) {
            guard(task);
        }
    }

    private void guard(Runnable task) {
        try {
            task.run();
        } catch (Throwable fault) {
            failed(fault);
        }
    }

    private final class SessionTimer implements SelectorLoop.Timer {
        private final Runnable task;
        private SelectorLoop.Timer scheduled;

        SessionTimer(Runnable task) {
            this.task = task;
        }

        void fire() {
            timers.remove(this);
            runGuarded(task);
        }

        @Override
        public void cancel() {
            scheduled.cancel();
            timers.remove(this);
        }
    }

    private final class SessionTarget implements SendTarget {
        private final TargetOps ops;

        SessionTarget(TargetOps ops) {
            this.ops = ops;
        }

        @Override
        public List<InetSocketAddress> waitingOn() {
            return ended.get() ? List.of() : ops.waitingOn();
        }

        @Override
        public boolean canSkip() {
            return ops.canSkip();
        }

        @Override
        public boolean skip(InetSocketAddress peer) {
            return !ended.get() && ops.skip(peer);
        }

        @Override
        public SelectorLoop loop() {
            return loop;
        }

        @Override
        public boolean isOpen() {
            return AbstractLoopSession.this.isOpen();
        }

        @Override
        public void send(byte[] bytes, SendCompletion done) {
            if (!isOpen()) {
                done.completed(false);
                return;
            }
            Runnable attempt = () -> {
                if (ended.get()) {
                    Faults.completeQuietly(done, false);
                } else {
                    guard(() -> ops.send(bytes, done));
                }
            };
            if (loop.inLoop()) {
                attempt.run();
            } else {
                loop.execute(attempt);
            }
        }

        @Override
        public boolean sendsFileRegions() {
            return !ended.get() && ops.sendsFileRegions();
        }

        @Override
        public void sendFileRegion(FileChannel file, long position, int length, SendCompletion done) {
            if (ended.get()) {
                Faults.completeQuietly(done, false);
            } else {
                guard(() -> ops.sendFileRegion(file, position, length, done));
            }
        }

        @Override
        public SelectorLoop.Timer whenClosed(Runnable action) {
            return AbstractLoopSession.this.whenClosed(action);
        }
    }
}
