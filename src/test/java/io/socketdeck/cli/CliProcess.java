package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ChildJvms;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code socketdeck} command line in a child JVM: {@code io.socketdeck.Launcher} with
 * arguments, on this test run's classpath, in English. Its standard output is read line by line
 * as it comes (so a test can wait for "listening on …" before it connects); standard error is
 * kept whole. Closing it kills the child if it is still running.
 */
final class CliProcess implements AutoCloseable {

    /** Generous: a child JVM starting on a busy 2-core machine takes seconds, not milliseconds. */
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    /** Whether this JVM ignores SIGINT (bit 2 of SigIgn in /proc/self/status), which a child inherits. */
    private static final boolean SIGINT_IGNORED = sigintIgnored();

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread outReader;
    private final Thread errReader;

    private CliProcess(Process process) {
        this.process = process;
        outReader = new Thread(() -> readLines(process.getInputStream()), "cli-stdout");
        errReader = new Thread(() -> copy(process.getErrorStream()), "cli-stderr");
        outReader.setDaemon(true);
        errReader.setDaemon(true);
        outReader.start();
        errReader.start();
    }

    /** Starts {@code socketdeck ARGS...}; its standard input stays open until {@link #closeInput()}. */
    static CliProcess start(String... args) {
        return start(null, List.of(), args);
    }

    /**
     * @param directory  the child's working directory, or null for this one
     * @param jvmOptions e.g. {@code -Duser.language=zh}, before the main class
     */
    static CliProcess start(Path directory, List<String> jvmOptions, String... args) {
        return startMain(directory, jvmOptions, "io.socketdeck.Launcher", args);
    }

    /** The same with another main class of this classpath, e.g. the build's training run. */
    static CliProcess startMain(Path directory, List<String> jvmOptions, String mainClass, String... args) {
        return startMain(List.of(), directory, jvmOptions, mainClass, args);
    }

    /**
     * Starts {@code socketdeck ARGS...} unable to write a file beyond {@code blocks} of the shell's
     * {@code ulimit -f} (512 or 1024 bytes each): a write past it fails with "File too large", for
     * root too, as on a file system whose files cannot grow that far (FAT32's 4 GiB).
     */
    static CliProcess startWithFileSizeLimit(long blocks, List<String> jvmOptions, String... args) {
        return startMain(List.of("sh", "-c", "ulimit -f " + blocks + " && exec \"$@\"", "sh"), null, jvmOptions,
                "io.socketdeck.Launcher", args);
    }

    /** @param wrapper a command that runs the rest of the command line (its arguments), or none */
    private static CliProcess startMain(List<String> wrapper, Path directory, List<String> jvmOptions, String mainClass,
                                        String... args) {
        List<String> command = new ArrayList<>(wrapper);
        if (SIGINT_IGNORED) {
            // Started from a background job of a script, this JVM ignores SIGINT, and so would the
            // child, for good: restore the default for it, so interrupt() is Ctrl+C as in a terminal.
            command.addAll(List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT,"
                    + " signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(ChildJvms.inheritedOptions()); // name lookups in the tests' hosts file only
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            return new CliProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code socketdeck ARGS...} with nothing on standard input and waits for it to end; if
     * it does not end in time, it is killed (the failure says so), never left running.
     */
    static CliProcess run(String... args) {
        CliProcess cli = start(args);
        return cli.orKilled(() -> {
            cli.closeInput();
            cli.awaitExit();
        });
    }

    /**
     * Runs {@code step} (e.g. a wait for the child's first line) and returns this; if the step
     * fails, kills the child first: a listener that ignores the end of its input would otherwise
     * outlive the test, and the build.
     */
    CliProcess orKilled(Runnable step) {
        boolean done = false;
        try {
            step.run();
            done = true;
            return this;
        } finally {
            if (!done) {
                close();
            }
        }
    }

    long pid() {
        return process.pid();
    }

    OutputStream input() {
        return process.getOutputStream();
    }

    void write(byte[] bytes) {
        try {
            process.getOutputStream().write(bytes);
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first output line that {@code wanted} accepts, waiting for it as the child writes. */
    String awaitLine(Predicate<String> wanted, String what) {
        return Await.value(() -> lines().stream().filter(wanted).findFirst().orElse(null),
                // The output when the wait gives up, not when it began: what a failure needs to show.
                line -> line != null, EXIT_TIMEOUT, () -> what + " in the output of socketdeck; it printed: " + this);
    }

    /** Waits for the child to end and returns its exit status. */
    int awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("socketdeck did not end within " + EXIT_TIMEOUT + "; so far: " + this);
            }
            outReader.join(EXIT_TIMEOUT.toMillis());
            errReader.join(EXIT_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return process.exitValue();
    }

    int exitCode() {
        return awaitExit();
    }

    /** Sends SIGINT, as Ctrl+C in a terminal does. */
    void interrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            kill.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Standard output's lines so far. */
    List<String> lines() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    String output() {
        return String.join("\n", lines());
    }

    String errors() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** Kills the child if it is still running and waits (a while) for it to be gone. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "stdout:\n" + output() + "\nstderr:\n" + errors();
    }

    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & 2) != 0;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc: a child started here gets SIGINT as the system gives it
        }
        return false;
    }

    private void readLines(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (out) {
                    out.add(line);
                }
            }
        } catch (IOException ignored) {
            // the child was killed: what was read is kept
        }
    }

    private void copy(InputStream stream) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                synchronized (err) {
                    err.write(buffer, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the child was killed: what was read is kept
        }
    }
}
