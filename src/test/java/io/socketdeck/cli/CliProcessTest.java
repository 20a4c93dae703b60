package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The harness itself: a child whose step failed is not left running (listen outlives its input). */
class CliProcessTest {

    @Test
    void aStepThatFailsKillsTheChild() {
        CliProcess cli = CliProcess.start("listen", "tcp", "--bind", "127.0.0.1", "0");
        long pid = cli.pid();
        AssertionError failed = assertThrows(AssertionError.class, () -> cli.orKilled(() -> {
            cli.closeInput();
            throw new AssertionError("the wait gave up");
        }));
        assertEquals("the wait gave up", failed.getMessage());
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        assertFalse(child.isPresent() && child.get().isAlive(), "the child was killed: " + cli);
    }
}
