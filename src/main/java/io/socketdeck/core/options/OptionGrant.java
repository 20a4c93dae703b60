package io.socketdeck.core.options;

import java.util.Objects;

/**
 * What became of one option asked for: read back from the socket after it was set, so the user
 * sees what the system granted (Linux doubles a buffer size and caps it at rmem_max/wmem_max).
 *
 * @param option  which option
 * @param asked   what was asked, as the log writes it ("65536", "on", "30/5/4"); empty when the
 *                system's default was kept
 * @param granted what the socket reports now; empty when it cannot be read (unsupported, failed)
 * @param outcome how it went
 * @param detail  the system's words when it failed; empty otherwise
 */
public record OptionGrant(SocketOptionKind option, String asked, String granted, Outcome outcome, String detail) {

    /** How setting one option went. */
    public enum Outcome {
        /** Set, and the socket reports what was asked. */
        SET,
        /** Set, and the socket reports another value (a buffer doubled or capped). */
        ADJUSTED,
        /** Not asked for: the socket keeps the system's value, read back in {@code granted}. */
        SYSTEM,
        /** This system or socket has no such option. */
        UNSUPPORTED,
        /** The system refused the value. */
        FAILED
    }

    public OptionGrant {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(outcome, "outcome");
        asked = asked == null ? "" : asked;
        granted = granted == null ? "" : granted;
        detail = detail == null ? "" : detail;
    }

    /** True when the option could not be set as asked: said in the log as a problem. */
    public boolean isProblem() {
        return outcome == Outcome.UNSUPPORTED || outcome == Outcome.FAILED;
    }
}
