package io.socketdeck.cli;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.EventTexts;

/** A session's failure as a command's end: the log's words and the exit status scripts test. */
public final class Failures {

    private Failures() {
    }

    public static ExitCode exitCode(FailureKind kind) {
        return switch (kind) {
            case CONNECTION_REFUSED, PORT_UNREACHABLE -> ExitCode.REFUSED;
            case CONNECT_TIMEOUT -> ExitCode.CONNECT_TIMEOUT;
            case UNKNOWN_HOST -> ExitCode.UNKNOWN_HOST;
            default -> ExitCode.FAILED;
        };
    }

    public static CliFailure of(SessionEvent.Failure failure) {
        return new CliFailure(exitCode(failure.kind()), EventTexts.failure(failure));
    }
}
