package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script that cannot run as written: file, line and column on stderr, exit 2, and nothing runs. */
class ScriptInputTest {

    @TempDir
    Path dir;

    private Path script(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void aYamlSyntaxErrorAndAnUnknownStepAreNamedByFileLineAndColumnAndNoScriptRuns() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path good = script("good.yaml", "steps:\n  - connect: {tcp: \"127.0.0.1:" + listener.getLocalPort()
                    + "\"}\n  - close\n");
            Path syntax = script("syntax.yaml", """
                    name: broken
                    steps:
                      - connect: {tcp: 127.0.0.1:5000
                      - send: hi
                    """);
            Path typo = script("typo.yaml", """
                    name: typo
                    steps:
                      - connect: {tcp: 127.0.0.1:5000}
                      - send: LOGIN
                      - sned: hello
                    """);
            CliProcess cli = CliProcess.run("script", good.toString(), syntax.toString(), typo.toString());
            String[] errors = cli.errors().strip().split("\\R");
            assertAll(() -> assertEquals(2, cli.exitCode(), cli::toString),
                    () -> assertEquals(2, errors.length, cli::toString),
                    () -> assertEquals(syntax + ":4:9: YAML: expected ',' or '}', but got : (while parsing a flow mapping "
                            + "at 3:14)", errors[0]),
                    () -> assertEquals(typo + ":5:5: unknown step \"sned\" (steps: connect, send, expect, sleep, repeat, "
                            + "close)", errors[1]),
                    () -> assertEquals("", cli.output(), "no script ran, the good one neither"));
            listener.setSoTimeout(1);
            assertTrue(acceptsNothing(listener), "the good script did not connect");
        }
    }

    private static boolean acceptsNothing(ServerSocket listener) throws IOException {
        try {
            listener.accept().close();
            return false;
        } catch (java.net.SocketTimeoutException expected) {
            return true;
        }
    }

    @Test
    void aBadVarNameOrAMissingFileIsAUsageError() throws IOException {
        Path ok = script("ok.yaml", "steps:\n  - sleep: 1\n");
        CliProcess badVar = CliProcess.run("script", "--var", "1x=2", ok.toString());
        CliProcess missing = CliProcess.run("script", dir.resolve("missing.yaml").toString());
        CliProcess none = CliProcess.run("script");
        assertAll(() -> assertEquals(2, badVar.exitCode(), badVar::toString),
                () -> assertTrue(badVar.errors().contains("--var 1x: a name is letters, digits and _"), badVar::toString),
                () -> assertEquals(2, missing.exitCode(), missing::toString),
                () -> assertEquals(dir.resolve("missing.yaml") + ": no such file", missing.errors().strip()),
                () -> assertEquals(2, none.exitCode(), none::toString),
                () -> assertTrue(none.errors().contains("Missing required parameter: 'FILE'"), none::toString));
    }

    @Test
    void helpNamesTheVariablesAndTheExitStatuses() {
        CliProcess cli = CliProcess.run("script", "--help");
        assertAll(() -> assertEquals(0, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.output().contains("A value for ${NAME}"), cli::toString),
                () -> assertTrue(cli.output().contains("8     a step failed"), cli::toString));
    }

    @Test
    void aScriptOfSleepsAloneRunsAndPasses() throws IOException {
        CliProcess cli = CliProcess.run("script", script("nap.yaml", "steps:\n  - sleep: 10\n  - sleep: 0.02s\n").toString());
        assertAll(() -> assertEquals(0, cli.exitCode(), cli::toString),
                () -> assertTrue(cli.lines().get(1).matches(".* pass nap step 2 \\(line 3\\) sleep 20 ms [\\d.]+ ms"),
                        cli::toString));
    }
}
