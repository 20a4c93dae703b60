package io.socketdeck.cli;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.stats.RoundTripStats;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.InputErrors;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a generator run did so far, from any thread: the engine's traffic counters (a message is
 * one send the system took whole, one datagram), its round trips, and the errors. The first error
 * of each kind is told (in the window's words) as it happens; later ones of that kind are only
 * counted, so a flood into a closed port prints one line, not a million.
 */
final class GenTally {

    private final TrafficCounters counters = new TrafficCounters();
    private final RoundTripStats roundTrips = new RoundTripStats();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong missingReplies = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final Set<Object> told = ConcurrentHashMap.newKeySet();
    private final Consumer<String> errorLine;
    private volatile FailureKind firstFailure;
    /** A message could not be built: the run ends as for bad input. */
    private volatile boolean unbuildable;
    private volatile long startNanos;
    private volatile long endNanos;

    /** @param errorLine told the words of the first error of each kind */
    GenTally(Consumer<String> errorLine) {
        this.errorLine = errorLine;
    }

    TrafficCounters counters() {
        return counters;
    }

    void started(long nowNanos) {
        startNanos = nowNanos;
    }

    boolean hasStarted() {
        return startNanos != 0;
    }

    /** The run stopped sending; only the first call counts. */
    synchronized void ended(long nowNanos) {
        if (endNanos == 0 && startNanos != 0) {
            endNanos = nowNanos;
        }
    }

    void failure(SessionEvent.Failure failure) {
        failures.incrementAndGet();
        if (firstFailure == null) {
            firstFailure = failure.kind();
        }
        if (told.add(failure.kind())) {
            errorLine.accept(EventTexts.failure(failure));
        }
    }

    void failure(FailureKind kind, InetSocketAddress peer, String detail) {
        failure(new SessionEvent.Failure(System.currentTimeMillis(), kind, peer, detail));
    }

    /**
     * Message {@code number} (from 1, across all connections) could not be built with its macros'
     * new values: the run stops sending, said once, and ends with {@link ExitCode#USAGE}, as bad
     * input given at the start does.
     */
    void unbuildable(GenPayloads.Unbuildable failure) {
        unbuildable = true;
        failures.incrementAndGet();
        if (told.add("unbuildable")) {
            errorLine.accept(InputErrors.laterPayload(failure.number, failure.problem));
        }
    }

    /** An answer arrived; {@code nanos} its round trip. */
    void reply(long nanos) {
        replies.incrementAndGet();
        roundTrips.record(nanos);
    }

    void noReply(InetSocketAddress peer, long timeoutMillis) {
        missingReplies.incrementAndGet();
        if (told.add("no reply")) {
            errorLine.accept("No reply from " + io.socketdeck.core.net.Addresses.format(peer) + " within "
                    + timeoutMillis + " ms");
        }
    }

    long replies() {
        return replies.get();
    }

    /** Failures and missing replies. */
    long errors() {
        return failures.get() + missingReplies.get();
    }

    /**
     * 0 when all went well; else the first failure's status (3 refused or port unreachable, ...),
     * or 6 when only replies were missing.
     */
    ExitCode exitCode() {
        if (unbuildable) {
            return ExitCode.USAGE;
        }
        FailureKind first = firstFailure;
        if (first != null) {
            return Failures.exitCode(first);
        }
        return missingReplies.get() > 0 ? ExitCode.NO_REPLY : ExitCode.OK;
    }

    /** Seconds from the start to the end, or to {@code nowNanos} while it runs; 0 before the start. */
    double seconds(long nowNanos) {
        long start = startNanos;
        long end = endNanos;
        return start == 0 ? 0 : ((end != 0 ? end : nowNanos) - start) / 1e9;
    }

    /** The run so far as its summary. */
    GenSummary summary(boolean requestResponse, boolean interrupted) {
        double seconds = seconds(System.nanoTime());
        long messages = counters.txMessages();
        long bytes = counters.txBytes();
        return new GenSummary(messages, bytes, seconds, seconds > 0 ? messages / seconds : 0,
                seconds > 0 ? bytes / seconds / 1e6 : 0, errors(),
                requestResponse ? replies.get() : -1, requestResponse ? roundTrips.summary() : null, interrupted);
    }
}
