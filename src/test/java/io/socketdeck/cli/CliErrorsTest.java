package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What a command's end looks like when it throws what nobody expected: a bug, said in one line. */
class CliErrorsTest {

    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UnsupportedOperationException("no encoder\nsecond line");
        }
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithoutAStackTraceAndExits1() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.configured(new CommandLine(new Broken()), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute();
        String errors = err.toString();
        assertAll(() -> assertEquals(1, status, errors),
                () -> assertEquals(1, errors.strip().lines().count(), errors),
                () -> assertFalse(errors.contains("\tat "), errors),
                () -> assertEquals("broken: unexpected error: UnsupportedOperationException: no encoder (a bug;"
                        + " -Dsocketdeck.log=debug writes its stack trace to the log file)", errors.strip()),
                () -> assertEquals("", out.toString()));
    }
}
