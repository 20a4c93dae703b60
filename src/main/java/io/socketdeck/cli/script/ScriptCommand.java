package io.socketdeck.cli.script;

import io.socketdeck.cli.CliFailure;
import io.socketdeck.cli.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socketdeck script FILE.yaml...}: device conversations as test scripts, with pass or fail
 * per step and a JUnit XML report for CI. Every file is read and checked before any runs, so a
 * typo in the third script stops the run before the first one talks to a device.
 */
@Command(name = "script", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run conversation scripts (YAML): connect, send, expect (text, regex, hex with ??), sleep, "
                + "repeat, close; values captured by a regex are $${NAME} variables in later steps.",
            "Prints a line per step (pass, fail, skip) with its time, and a summary per script; "
                + "a failed step skips the rest of its script, the other scripts still run."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every step passed", "1:the JUnit report could not be written",
            "2:a script cannot be read (file:line:column on stderr)", "8:a step failed",
            "130:interrupted (Ctrl+C): the summary so far is printed, the report written"})
public final class ScriptCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Script files, run one after the other.")
    List<Path> files;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report (for CI) to FILE.")
    Path junit;

    @Option(names = "--json", description = "JSON lines instead of text lines.")
    boolean json;

    @Option(names = "--var", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "A value for $${NAME}, over the scripts' own vars; repeatable.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        for (String name : vars.keySet()) {
            if (!VarText.NAME.matcher(name).matches()) {
                throw new ParameterException(spec.commandLine(), "--var " + name
                        + ": a name is letters, digits and _, not starting with a digit");
            }
        }
        List<Script> scripts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                scripts.add(ScriptLoader.load(file, vars));
            } catch (ScriptException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, String.join(System.lineSeparator(), problems));
        }
        ScriptRun run = new ScriptRun(scripts, new ConsoleReport(spec.commandLine().getOut(), json),
                spec.commandLine().getErr(), junit);
        Thread hook = new Thread(run::interrupt, "script-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.run().code();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C came: the hook is reporting, and the JVM exits with 130
            }
        }
    }
}
