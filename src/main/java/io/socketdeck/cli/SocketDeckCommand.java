package io.socketdeck.cli;

import picocli.CommandLine.Command;

/**
 * {@code socketdeck}: the top of the command tree. Without arguments the launcher opens the window
 * instead. Its subcommands are added by {@link Cli}, only the one asked for when that is clear.
 */
@Command(name = "socketdeck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"SocketDeck without its window: send, listen, generate load and run test scripts.",
            "Run it without arguments to open the window."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done as asked", "1:failed (other reason)", "2:bad command line or input",
            "3:connection refused", "4:connect timeout", "5:unknown host",
            "6:no reply (or the peer does not read what is sent)",
            "8:a script step failed", "130:interrupted (Ctrl+C)"})
final class SocketDeckCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand.");
    }
}
