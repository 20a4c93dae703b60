package io.socketdeck.cli;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.text.EventTexts;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code send} from open to close. The session's I/O thread prints the traffic as it happens
 * and hands every event to the command's thread, which decides: connected or not, sent or not,
 * answered or not, and so the exit status.
 */
final class SendExchange {

    /** Builds the bytes of the next send. */
    @FunctionalInterface
    interface Payload {
        byte[] build();
    }

    /** The session handed our bytes to the system (or dropped them). */
    private record Written(boolean ok) {
    }

    /**
     * How many bytes of the sends made still wait to be handed to the system, asked on the
     * session's loop thread (a TCP connection's {@code unsentBytes}).
     */
    @FunctionalInterface
    interface Unsent {
        long bytes();
    }

    /** The loop's answer to {@link Unsent}, and when it was given ({@link System#nanoTime()}). */
    private record Left(long bytes, long atNanos) {
    }

    /** How long past the connect timeout a host name's lookup may take before we stop waiting. */
    private static final long LOOKUP_ALLOWANCE_MILLIS = 60_000;
    /** How long a close may take to be reported; it is local, so this is only a guard. */
    private static final long CLOSE_MILLIS = 10_000;
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final EventPrinter printer;
    private final TrafficTally tally;
    private final Protocol protocol;
    private final Integer waitReplyMillis;
    private final long sendTimeoutMillis;
    private final int count;
    private final int intervalMillis;
    private final BlockingQueue<Object> news = new LinkedBlockingQueue<>();
    /** The command's thread only: how the connection ended, to word a close that ends the command. */
    private SessionEvent.Disconnected lastDisconnect;
    private boolean closed;

    /**
     * @param sendTimeoutMillis how long a send may wait with the peer taking none of its bytes
     *                          before the command gives up on it (a peer that does not read)
     */
    SendExchange(EventPrinter printer, TrafficTally tally, Protocol protocol, Integer waitReplyMillis,
                 long sendTimeoutMillis, int count, int intervalMillis) {
        this.printer = printer;
        this.tally = tally;
        this.protocol = protocol;
        this.waitReplyMillis = waitReplyMillis;
        this.sendTimeoutMillis = sendTimeoutMillis;
        this.count = count;
        this.intervalMillis = intervalMillis;
    }

    /** The session's listener: prints on the I/O thread, then passes the event on to the command's thread. */
    SessionListener listener() {
        return event -> {
            tally.onEvent(event);
            if (event instanceof SessionEvent.Connected connected) {
                if (protocol == Protocol.TCP) {
                    printer.connected(connected);
                } else {
                    printer.opened(connected.timeMillis(), connected.local());
                }
            } else if (event instanceof SessionEvent.Secured secured) {
                printer.secured(secured);
            } else if (event instanceof SessionEvent.Data data) {
                printer.data(data);
            } else if (event instanceof SessionEvent.Disconnected disconnected) {
                printer.closed(disconnected);
            }
            news.add(event);
        };
    }

    /**
     * Opens {@code session}, sends through {@code target}, waits as asked and closes.
     *
     * @return the exit status; failures are thrown as {@link CliFailure}
     */
    int run(Session session, SendTarget target, byte[] first, Payload next, int connectTimeoutMillis) {
        return run(session, target, null, first, next, connectTimeoutMillis, 0);
    }

    /**
     * As {@link #run(Session, SendTarget, byte[], Payload, int)}, over TCP: a send whose bytes the
     * peer stops taking ({@code unsent}, asked on the target's loop, stays the same) for the send
     * timeout ends the command; over TLS the first send also waits for the handshake, which may
     * take {@code handshakeTimeoutMillis} (0 for plain TCP).
     */
    int run(Session session, SendTarget target, Unsent unsent, byte[] first, Payload next, int connectTimeoutMillis,
            long handshakeTimeoutMillis) {
        OnInterrupt interrupt = OnInterrupt.install(() -> printer.summary(tally.totals()));
        try {
            session.start();
            SessionEvent.Connected connected = (SessionEvent.Connected) await(
                    deadline(connectTimeoutMillis + LOOKUP_ALLOWANCE_MILLIS), SessionEvent.Connected.class::isInstance);
            if (connected == null) {
                throw Failures.of(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.CONNECT_TIMEOUT,
                        null, "no answer"));
            }
            if (handshakeTimeoutMillis > 0) {
                // The session reports a handshake that takes too long as a failure of its own;
                // this deadline only guards against a session that says nothing at all.
                await(deadline((int) Math.min(Integer.MAX_VALUE, handshakeTimeoutMillis + LOOKUP_ALLOWANCE_MILLIS)),
                        SessionEvent.Secured.class::isInstance);
            }
            long start = System.nanoTime();
            for (int round = 0; round < count; round++) {
                if (round > 0) {
                    await(start + TimeUnit.MILLISECONDS.toNanos((long) round * intervalMillis), nothing -> false);
                }
                send(target, unsent, round == 0 ? first : next.build(), connected.remote());
                if (waitReplyMillis != null) {
                    awaitReply(connected.remote());
                }
            }
            return ExitCode.OK.code();
        } catch (CliFailure failure) {
            printer.fatal(failure);
            throw failure;
        } finally {
            interrupt.close();
            session.close();
            awaitClosed();
        }
    }

    private void send(SendTarget target, Unsent unsent, byte[] bytes, InetSocketAddress peer) {
        if (bytes.length == 0 && protocol == Protocol.TCP) {
            return; // nothing to write: connect, and read what the peer says unasked (a banner)
        }
        target.send(bytes, ok -> news.add(new Written(ok)));
        // What arrives before our bytes are out is no answer to them: it is printed, not waited for.
        Written written = unsent == null ? (Written) await(NO_DEADLINE, Written.class::isInstance)
                : awaitWritten(target, unsent, bytes.length, peer);
        if (!written.ok()) {
            throw new CliFailure(ExitCode.FAILED, EventTexts.failure(new SessionEvent.Failure(
                    System.currentTimeMillis(), FailureKind.NOT_CONNECTED, peer, "")));
        }
    }

    /**
     * Waits for a send of {@code total} bytes to be written, as long as the peer takes some: every
     * quarter of the send timeout the loop says how many still wait, and when none more were taken
     * for the whole timeout the peer is not reading, which ends the command (exit 6).
     */
    private Written awaitWritten(SendTarget target, Unsent unsent, int total, InetSocketAddress peer) {
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis);
        long checkNanos = Math.max(1, timeoutNanos / 4);
        long left = total;
        long progressAt = System.nanoTime();
        while (true) {
            Object item = await(System.nanoTime() + checkNanos, next -> next instanceof Written || next instanceof Left);
            if (item instanceof Written written) {
                return written;
            }
            if (item == null) {
                target.loop().execute(() -> news.add(new Left(unsent.bytes(), System.nanoTime())));
            } else if (item instanceof Left answer && answer.bytes() < left) {
                left = answer.bytes();
                progressAt = answer.atNanos();
            } else if (item instanceof Left answer && answer.atNanos() - progressAt >= timeoutNanos) {
                throw new CliFailure(ExitCode.NO_REPLY, EventTexts.notReading(peer, total - left, total,
                        sendTimeoutMillis));
            }
        }
    }

    private void awaitReply(InetSocketAddress peer) {
        Object reply = await(deadline(waitReplyMillis), item -> item instanceof SessionEvent.Data data
                && data.direction() == Direction.RX || item instanceof SessionEvent.PeerFinished
                || item instanceof SessionEvent.Disconnected gone && gone.reason() == CloseReason.PEER);
        if (reply == null) {
            throw new CliFailure(ExitCode.NO_REPLY, EventTexts.noReply(peer, waitReplyMillis));
        }
        if (!(reply instanceof SessionEvent.Data)) {
            throw new CliFailure(ExitCode.NO_REPLY, EventTexts.closedWithoutReply(peer));
        }
    }

    /**
     * The first event (or completion) {@code wanted} accepts, or null once {@code deadline} (a
     * {@link System#nanoTime()}) has passed. On the way a failure ends the command with its kind's
     * status, and so does the session's end.
     */
    private Object await(long deadline, Predicate<Object> wanted) {
        while (true) {
            Object item;
            try {
                item = deadline == NO_DEADLINE ? news.take()
                        : news.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCode.INTERRUPTED, "interrupted");
            }
            if (item == null || wanted.test(item)) {
                return item;
            }
            if (item instanceof SessionEvent.Failure failure) {
                if (failure.kind() == FailureKind.FRAME_TOO_LONG) {
                    printer.error(failure); // the framing starts again; the connection goes on
                    continue;
                }
                throw Failures.of(failure);
            }
            if (item instanceof SessionEvent.Disconnected disconnected) {
                lastDisconnect = disconnected;
            } else if (item instanceof SessionEvent.Closed) {
                closed = true;
                throw new CliFailure(ExitCode.FAILED, lastDisconnect == null ? "closed"
                        : EventTexts.disconnected(lastDisconnect));
            }
        }
    }

    /** Waits for the session's Closed, so its last lines are out before the command returns. */
    private void awaitClosed() {
        long deadline = deadline(CLOSE_MILLIS);
        try {
            while (!closed) {
                Object item = news.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (item == null) {
                    return;
                }
                closed = item instanceof SessionEvent.Closed;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long deadline(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
