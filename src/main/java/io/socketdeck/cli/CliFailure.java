package io.socketdeck.cli;

/**
 * Ends a command with a message (already in the user's language) and an exit status; never a
 * stack trace. Bad input found after parsing (a payload's hex, a macro) is a {@link ExitCode#USAGE}.
 */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    public CliFailure(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
