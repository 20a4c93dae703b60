package io.socketdeck.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real peer run as a process ({@code openssl s_server}, {@code s_client}, {@code ncat},
 * {@code socat}): its output is collected as it comes, a test waits on a pattern in it (never
 * on time), types into its stdin, and {@link #close() kills} it. A tool that is not installed
 * skips the test with a message ({@link #assumeInstalled}): nothing is installed behind the
 * user's back.
 */
public final class PeerProcess implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Map<String, Boolean> INSTALLED = new ConcurrentHashMap<>();

    private final String name;
    private final Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outDrain;
    private final Thread errDrain;

    private PeerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        outDrain = drain(process.getInputStream(), "out");
        errDrain = drain(process.getErrorStream(), "err");
    }

    /** True when {@code tool} is an executable on the PATH. */
    public static boolean installed(String tool) {
        return INSTALLED.computeIfAbsent(tool, t -> {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, t);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Skips the test, saying so, when {@code tool} is missing; {@code pkg} is the Debian package to install. */
    public static void assumeInstalled(String tool, String pkg) {
        Assumptions.assumeTrue(installed(tool),
                () -> tool + " is not installed: this test against a real peer is skipped (apt-get install " + pkg + ")");
    }

    /** Starts {@code command} in {@code dir}. */
    public static PeerProcess start(Path dir, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        return new PeerProcess(command.get(0) + (command.size() > 1 ? " " + command.get(1) : ""), builder.start());
    }

    private Thread drain(InputStream in, String which) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (this) {
                        if ("out".equals(which)) {
                            stdout.write(buffer, 0, n);
                        } else {
                            stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone: what it said is kept
            }
        }, name + "-" + which);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Everything written to stdout so far, as bytes. */
    public synchronized byte[] stdout() {
        return stdout.toByteArray();
    }

    /** What the process said on stdout and stderr (each as it came, stdout first). */
    public synchronized String output() {
        return stdout.toString(StandardCharsets.UTF_8) + "\n" + stderr;
    }

    /** Waits until {@code regex} is found in the output; returns the match. */
    public Matcher await(String regex) {
        return await(regex, TIMEOUT);
    }

    public Matcher await(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        java.util.concurrent.atomic.AtomicReference<Matcher> found = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until(() -> {
            Matcher matcher = pattern.matcher(output());
            if (matcher.find()) {
                found.set(matcher);
                return true;
            }
            return false;
        }, timeout, () -> name + " to print /" + regex + "/; it said:\n" + output()
                + (process.isAlive() ? "" : "\n(exited " + process.exitValue() + ")"));
        return found.get();
    }

    /** Waits until {@code regex} is found, then until it is there {@code count} times. */
    public void awaitCount(String regex, int count) {
        Pattern pattern = Pattern.compile(regex);
        Await.until(() -> pattern.matcher(output()).results().count() >= count, TIMEOUT,
                () -> name + " to print /" + regex + "/ " + count + " times; it said:\n" + output());
    }

    /** Writes {@code text} to the process's stdin (a line for an interactive peer: end it with '\n'). */
    public void type(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Writes bytes to the process's stdin. */
    public void write(byte[] bytes) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(bytes);
        in.flush();
    }

    /** Waits for the process to exit by itself; returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit; it said:\n" + output());
        }
        joinDrains();
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void joinDrains() throws InterruptedException {
        outDrain.join(TIMEOUT.toMillis());
        errDrain.join(TIMEOUT.toMillis());
    }

    /** Kills the process (and what it started) if it is still running. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            joinDrains();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
