package io.socketdeck.cli;

import io.socketdeck.core.capture.CaptureWriter;
import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.text.EventTexts;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@code listen} from opening to its end. The I/O thread captures, prints and answers each
 * event as it happens, in that order, as the tab does (a request's line comes before its answer's);
 * the command's thread only waits: for the socket to open, then for the end it was given, or
 * Ctrl+C.
 */
final class ListenRun {

    /** How long opening a socket may take to be reported; it is local, so this is only a guard. */
    private static final long OPEN_MILLIS = 30_000;
    private static final long CLOSE_MILLIS = 10_000;
    /** Tells the command's thread that a message came, when it counts them. */
    private static final Object RECEIVED = new Object();
    /** Tells the command's thread that nobody reads our lines any more. */
    private static final Object OUTPUT_GONE = new Object();

    private final EventPrinter printer;
    private final TrafficTally tally;
    private final CaptureWriter capture;
    private final Responder responder;
    private final Long count;
    private final Double durationSeconds;
    private final BlockingQueue<Object> news = new LinkedBlockingQueue<>();
    /** Set on the I/O thread once the socket is open: failures after that are lines, not the end. */
    private volatile boolean open;

    ListenRun(EventPrinter printer, TrafficTally tally, CaptureWriter capture, Responder responder, Long count,
              Double durationSeconds) {
        this.printer = printer;
        this.tally = tally;
        this.capture = capture;
        this.responder = responder;
        this.count = count;
        this.durationSeconds = durationSeconds;
        printer.whenOutputGone(() -> news.add(OUTPUT_GONE));
    }

    /** Capture, then lines, then answers: the responder comes last, as in the tab. */
    SessionListener listener() {
        return event -> {
            if (capture != null) {
                capture.onEvent(event);
            }
            tally.onEvent(event);
            print(event);
            responder.onEvent(event);
        };
    }

    private void print(SessionEvent event) {
        if (event instanceof SessionEvent.Data data) {
            printer.data(data);
            if (count != null && data.direction() == Direction.RX) {
                news.add(RECEIVED);
            }
        } else if (event instanceof SessionEvent.Connected connected) {
            printer.accepted(connected);
        } else if (event instanceof SessionEvent.Secured secured) {
            printer.secured(secured);
        } else if (event instanceof SessionEvent.Disconnected disconnected) {
            printer.closed(disconnected);
        } else if (event instanceof SessionEvent.Opened opened) {
            open = true;
            printer.listening(opened);
            news.add(event);
        } else if (event instanceof SessionEvent.Failure failure) {
            if (open) {
                printer.error(failure);
            } else {
                news.add(failure); // it could not listen: the command ends with these words
            }
        } else if (event instanceof SessionEvent.SendQueueFull full) {
            printer.error(EventTexts.sendQueueFull(full));
        } else if (event instanceof SessionEvent.Closed) {
            news.add(event);
        }
    }

    /** Runs {@code session} to its end; the exit status, or a {@link CliFailure}. */
    int run(Session session) {
        OnInterrupt interrupt = OnInterrupt.install(() -> {
            if (capture != null) {
                capture.close(); // flushed before the summary says we are done
            }
            printer.summary(tally.totals());
        });
        try {
            session.start();
            awaitOpen();
            awaitEnd();
            session.close();
            awaitClosed();
            if (capture != null) {
                capture.close();
            }
            interrupt.close();
            printer.summary(tally.totals());
            return ExitCode.OK.code();
        } catch (CliFailure failure) {
            interrupt.close();
            printer.fatal(failure);
            throw failure;
        } finally {
            session.close();
        }
    }

    private void awaitOpen() {
        Object item = next(deadline(OPEN_MILLIS));
        if (item instanceof SessionEvent.Failure failure) {
            throw Failures.of(failure);
        }
        if (!(item instanceof SessionEvent.Opened)) {
            throw new CliFailure(ExitCode.FAILED, "not listening: " + item);
        }
    }

    /** Until the duration has passed or the count is reached; the socket closing under us is a failure. */
    private void awaitEnd() {
        long end = durationSeconds == null ? Long.MAX_VALUE
                : System.nanoTime() + (long) (durationSeconds * TimeUnit.SECONDS.toNanos(1));
        while (true) {
            Object item = next(end);
            if (item == null || item == OUTPUT_GONE) {
                return; // the duration has passed, or nobody reads what we print
            }
            if (item == RECEIVED && tally.rxMessages() >= count) {
                return;
            }
            if (item instanceof SessionEvent.Closed closed) {
                throw new CliFailure(ExitCode.FAILED, "closed: " + closed.reason());
            }
        }
    }

    private void awaitClosed() {
        long deadline = deadline(CLOSE_MILLIS);
        Object item;
        do {
            item = next(deadline);
        } while (item != null && !(item instanceof SessionEvent.Closed));
    }

    /** The next item, or null once {@code deadline} ({@link System#nanoTime()}; MAX_VALUE: none) has passed. */
    private Object next(long deadline) {
        try {
            return deadline == Long.MAX_VALUE ? news.take()
                    : news.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.INTERRUPTED, "interrupted");
        }
    }

    private static long deadline(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
