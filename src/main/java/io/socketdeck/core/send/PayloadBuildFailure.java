package io.socketdeck.core.send;

/**
 * A payload built again for a later send of a repeat, with its macros' new values, that cannot be
 * built: a hex counter grown to an odd number of digits ({@code 01 {{COUNTER:2}}} at 100), a time
 * the encoding cannot write. The first send was checked; this one can only be found when it comes.
 * Thrown by a repeat's payload supplier; the {@link PeriodicSender} ends with
 * {@link PeriodicSender.StopReason#BUILD_FAILED} and keeps {@link #problem()} for its words.
 *
 * <p>The command line's {@code gen} meets the same and says it in the same sentence
 * ({@code InputErrors.laterPayload}), with its own exception that carries the message's number
 * across all connections: here the number is the repeat's own count, which the supplier that
 * throws this does not keep.
 */
public final class PayloadBuildFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PayloadException problem;

    public PayloadBuildFailure(PayloadException problem) {
        super(problem.getMessage(), problem, false, false);
        this.problem = problem;
    }

    /** What is wrong with the content built, as at the send box. */
    public PayloadException problem() {
        return problem;
    }
}
