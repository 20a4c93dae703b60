package io.socketdeck.cli;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;

/**
 * One session's share of a generator run (a TCP connection, or a UDP socket in request/response
 * mode), driven on the session's own loop thread by its events and its send completions: no
 * thread of its own, no locks.
 *
 * <p>Flooding, it keeps a window of sends queued in the session (so the socket never waits for
 * this code, and the connection's queue coalesces small ones), topping it up as each is written;
 * paced, it never gets ahead of its {@link Pacer}. In request/response mode it sends one message,
 * waits for the peer's next message (the engine pairs the two, see
 * {@code core.session.RoundTrips}), and only then sends the next; an answer that does not come
 * within the reply timeout counts as missing and the next message goes.
 */
final class SessionStream implements SessionListener {

    /** Bytes a flooding stream keeps queued in its session: enough that the socket never runs dry. */
    static final int WINDOW_BYTES = 256 * 1024;
    static final int WINDOW_MAX_MESSAGES = 4096;

    /** Told once when the stream's session is connected, or has failed before it could be. */
    interface Progress {
        void connected(SessionStream stream, boolean ok);

        void finished(SessionStream stream);
    }

    private final GenSettings settings;
    private final GenPayloads payloads;
    private final GenTally tally;
    /** Lowered to what was issued when a message cannot be built: the stream then ends as at its count. */
    private long quota;
    private final Pacer pacer;
    private final Progress progress;
    private final int window;
    private final SendTarget.SendCompletion completion = this::completed;
    private Session session;
    /** Set on the loop before the Closed that reports the failed connect; read after it. */
    private volatile SessionEvent.Failure pendingConnectFailure;
    private SendTarget target;
    // Loop thread only, from here on.
    private boolean connectReported;
    private boolean going;
    private boolean stopping;
    private boolean finished;
    private boolean pumping;
    private long issued;
    private int inFlight;
    private boolean awaitingReply;
    private long sentNanos;
    private SelectorLoop.Timer replyTimer;
    private SelectorLoop.Timer paceTimer;
    private SelectorLoop.Timer deadlineTimer;
    private long deadlineNanos;
    private volatile long endedNanos;

    /**
     * @param quota messages this stream sends, or {@link Long#MAX_VALUE} for a timed run
     * @param rate  this stream's messages a second, 0 for unpaced
     */
    SessionStream(GenSettings settings, GenPayloads payloads, GenTally tally, long quota, double rate,
                  int messageSize, Progress progress) {
        this.settings = settings;
        this.payloads = payloads;
        this.tally = tally;
        this.quota = quota;
        this.pacer = rate > 0 ? new Pacer(rate) : null;
        this.progress = progress;
        this.window = settings.requestResponse() ? 1
                : Math.max(1, Math.min(WINDOW_MAX_MESSAGES, WINDOW_BYTES / Math.max(1, messageSize)));
    }

    /** The session this stream drives and the target it sends to; before the session starts. */
    void attach(Session driven, SendTarget sendTo) {
        this.session = driven;
        this.target = sendTo;
    }

    Session session() {
        return session;
    }

    /**
     * Begins sending at {@code startNanos}; any thread. A timed run ends on this stream's own loop
     * at {@code startNanos} + the duration: no send goes after it, however late another thread
     * would have come to stop it.
     */
    void go(long startNanos) {
        target.loop().execute(() -> {
            if (finished) {
                return;
            }
            going = true;
            if (pacer != null) {
                pacer.start(startNanos);
            }
            if (settings.durationNanos() > 0) {
                deadlineNanos = startNanos + settings.durationNanos();
                deadlineTimer = target.loop().schedule(Math.max(0, deadlineNanos - System.nanoTime()), () -> {
                    deadlineTimer = null;
                    stopping = true;
                    finish();
                });
            }
            pump();
        });
    }

    /** When this stream stopped sending ({@link System#nanoTime()}), or 0 while it sends. */
    long endedNanos() {
        return endedNanos;
    }

    /** Stops sending and closes the session; what was written counts. Any thread. */
    void stop() {
        target.loop().execute(() -> {
            stopping = true;
            finish();
        });
        session.close(); // also ends a session still connecting, or whose loop is busy
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Connected) {
            reportConnected(true);
        } else if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX) {
            answered(data);
        } else if (event instanceof SessionEvent.Failure failure) {
            if (connectReported) {
                tally.failure(failure);
                if (awaitingReply) { // e.g. port unreachable: no answer will come for this one
                    awaitingReply = false;
                    cancelReplyTimer();
                    pump();
                }
            } else {
                pendingConnectFailure = failure;
            }
        } else if (event instanceof SessionEvent.Closed) {
            reportConnected(false);
            if (!finished && endedNanos == 0) {
                endedNanos = System.nanoTime(); // the peer or a failure ended it
            }
            finished = true;
            cancelReplyTimer();
            if (paceTimer != null) {
                paceTimer.cancel();
            }
            progress.finished(this);
        }
    }

    /** Why the session failed before it connected, or null. */
    SessionEvent.Failure connectFailure() {
        return pendingConnectFailure;
    }

    private void reportConnected(boolean ok) {
        if (!connectReported) {
            connectReported = true;
            progress.connected(this, ok);
        }
    }

    private void answered(SessionEvent.Data data) {
        if (!awaitingReply) {
            return; // a flood's echo, or the rest of an answer already counted: only counted as received
        }
        awaitingReply = false;
        cancelReplyTimer();
        long took = data.roundTripNanos() >= 0 ? data.roundTripNanos() : System.nanoTime() - sentNanos;
        tally.reply(took);
        pump();
    }

    /**
     * Sends what the window, the pace and the quota allow now. Loop thread. A completion told
     * during a send (a dropped one is told at once) only updates the counts: the loop here goes on.
     */
    private void pump() {
        if (!going || stopping || finished || pumping) {
            return;
        }
        pumping = true;
        try {
            fill();
        } finally {
            pumping = false;
        }
        if (issued >= quota && inFlight == 0 && !awaitingReply) {
            finish(); // all written (and answered): the session closes, what is in the socket still goes
        }
    }

    private void fill() {
        while (issued < quota && inFlight < window && !awaitingReply && !stopping && !finished) {
            if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0) {
                stopping = true; // the deadline's timer is due and finishes the stream
                return;
            }
            if (pacer != null) {
                long now = System.nanoTime();
                long wait = pacer.allowed(issued, now) > issued ? 0 : pacer.waitFor(issued, now);
                if (wait > 0) {
                    if (paceTimer == null) {
                        paceTimer = target.loop().schedule(wait, () -> {
                            paceTimer = null;
                            pump();
                        });
                    }
                    return;
                }
            }
            byte[] message;
            try {
                message = payloads.next();
            } catch (GenPayloads.Unbuildable unbuildable) {
                tally.unbuildable(unbuildable);
                quota = issued; // what was sent is written (and answered) as at the count's end; no more
                return;
            }
            issued++;
            inFlight++;
            if (settings.requestResponse()) {
                awaitingReply = true;
            }
            target.send(message, completion);
        }
    }

    private void completed(boolean written) {
        inFlight--;
        if (written && settings.requestResponse()) {
            sentNanos = System.nanoTime();
            replyTimer = target.loop().schedule(settings.replyTimeoutNanos(), this::noReply);
        } else if (!written) {
            // Dropped: the connection is closing (the session reports why, or we stop). No more sends.
            awaitingReply = false;
            stopping = true;
            return;
        }
        pump();
    }

    private void noReply() {
        replyTimer = null;
        if (!awaitingReply || finished) {
            return;
        }
        awaitingReply = false;
        tally.noReply(settings.peer(), settings.replyTimeoutNanos() / 1_000_000);
        pump();
    }

    private void cancelReplyTimer() {
        if (replyTimer != null) {
            replyTimer.cancel();
            replyTimer = null;
        }
    }

    private void finish() {
        if (!finished) {
            finished = true; // Closed follows; sends are over
            endedNanos = System.nanoTime();
            if (deadlineTimer != null) {
                deadlineTimer.cancel();
                deadlineTimer = null;
            }
            session.close();
        }
    }
}
