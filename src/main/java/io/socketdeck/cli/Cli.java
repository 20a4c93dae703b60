package io.socketdeck.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import io.socketdeck.cli.script.ScriptCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

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
        return commandLine(out, err, args).execute(args);
    }

    /**
     * The subcommands by name. picocli builds a command's whole model (every option, by
     * reflection, in a JVM that is still interpreting) when the command is added: for the whole
     * tree that took more than half of a command's start here. So a command line that names a
     * subcommand gets only that one; help, usage errors and unknown names get them all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("help", HelpCommand::new);
        all.put("send", SendCommand::new);
        all.put("listen", ListenCommand::new);
        all.put("gen", GenCommand::new);
        all.put("script", ScriptCommand::new);
        return all;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new SocketDeckCommand());
        String named = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(named) && !named.equals("help")) {
            line.addSubcommand(named, SUBCOMMANDS.get(named).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> line.addSubcommand(name, command.get()));
        }
        return configured(line, out, err);
    }

    /** {@code line} with the command line's output, parsing and exit statuses. */
    static CommandLine configured(CommandLine line, PrintWriter out, PrintWriter err) {
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliFailure failure) {
                cmd.getErr().println(failure.getMessage());
                return failure.exitCode().code();
            }
            if (e instanceof CommandLine.ParameterException) {
                throw e; // a usage error found while running: picocli prints it with the usage (exit 2)
            }
            return unexpected(e, cmd);
        });
        line.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
        return line;
    }

    /**
     * What nobody expected (a bug): one line on standard error, exit status 1. The stack trace goes
     * to the log at debug level, which {@code -Dsocketdeck.log=debug} writes to the log file.
     */
    private static int unexpected(Exception e, CommandLine cmd) {
        Throwable cause = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        LoggerFactory.getLogger(Cli.class).debug("{} failed unexpectedly", cmd.getCommandSpec().qualifiedName(), cause);
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": unexpected error: "
                + cause.getClass().getSimpleName() + message
                + " (a bug; -Dsocketdeck.log=debug writes its stack trace to the log file)");
        return ExitCode.FAILED.code();
    }
}
