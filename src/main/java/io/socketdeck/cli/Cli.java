package io.socketdeck.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The command line: {@code socketdeck SUBCOMMAND ...}. Headless: nothing here or below loads
 * JavaFX (a test starts it with {@code -verbose:class} and checks), so it runs over ssh and in CI
 * and starts in a fraction of a second. It drives the same core sessions as the window.
 */
public final class Cli {

    private Cli() {
    }

    /** Runs one command line and returns its exit status (see {@link ExitCode}). */
    public static int run(String... args) {
        CliLogging.install(); // before anything logs
        return run(new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()), args);
    }

    /** Runs one command line with its output going to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new SocketDeckCommand());
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliFailure failure) {
                cmd.getErr().println(failure.getMessage());
                return failure.exitCode().code();
            }
            throw e;
        });
        line.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
        return line;
    }
}
