package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's face as a whole, through the real main in a child JVM. */
class CliTest {

    @Test
    void anUnknownSubcommandPrintsPicocliMessageAndUsageAndExits2() {
        CliProcess cli = CliProcess.run("bogus");
        assertAll(() -> assertEquals(2, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.errors().contains("Unmatched argument at index 0: 'bogus'"), cli::toString),
                () -> assertTrue(cli.errors().contains("Usage: socketdeck"), cli::toString));
    }

    @Test
    void helpListsTheExitStatusesAndExits0() {
        CliProcess cli = CliProcess.run("--help");
        assertAll(() -> assertEquals(0, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.output().contains("3     connection refused"), cli::toString));
    }

    /** A subcommand must start fast and run over ssh: it never loads a JavaFX class. */
    @Test
    void theCommandLineNeverLoadsJavaFx() {
        try (CliProcess cli = CliProcess.start(null, List.of("-verbose:class"), "--version")) {
            cli.closeInput();
            assertEquals(0, cli.awaitExit(), cli::toString);
            assertTrue(cli.output().contains("io.socketdeck.cli.Version"), "the class log is read: " + cli);
            assertTrue(cli.lines().stream().noneMatch(line -> line.contains("javafx.")),
                    () -> "JavaFX loaded: " + cli.lines().stream().filter(l -> l.contains("javafx.")).findFirst());
        }
    }
}
