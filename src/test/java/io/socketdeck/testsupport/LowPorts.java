package io.socketdeck.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real "permission denied" on a port below 1024. A normal user gets it in this JVM. Root may
 * bind any port (these machines run tests as root), so there the bind runs in a child JVM started
 * by {@code setpriv} without CAP_NET_BIND_SERVICE: still uid 0, still able to read the classpath,
 * but the kernel answers the bind with EACCES exactly as it does for a normal user.
 */
public final class LowPorts {

    /** The port the tests try: well below 1024, and nothing listens on it. */
    public static final int PRIVILEGED_PORT = 1;

    /** Linux: ports below this need CAP_NET_BIND_SERVICE (1024 unless the system was told otherwise). */
    private static final Path UNPRIVILEGED_PORT_START = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    /** The capability's bit in /proc/self/status's CapEff (linux/capability.h). */
    private static final int CAP_NET_BIND_SERVICE = 10;

    private static final List<String> DROP_BIND_CAPABILITY = List.of(
            "setpriv", "--bounding-set=-net_bind_service", "--inh-caps=-net_bind_service", "--");

    private LowPorts() {
    }

    /**
     * True when this JVM would get EACCES binding {@code 127.0.0.1:1}, as a non-root user does.
     * Decided without binding that port (a fixed port: it may be someone's, and a test that got it
     * would hold it): on Linux, a port below {@code net.ipv4.ip_unprivileged_port_start} needs
     * CAP_NET_BIND_SERVICE in the process's effective set ({@code CapEff} in /proc/self/status);
     * without /proc, only root may bind it (on Windows, anyone).
     */
    public static boolean deniedInThisJvm() {
        OptionalLong unprivilegedStart = numberIn(UNPRIVILEGED_PORT_START);
        if (unprivilegedStart.isPresent() && PRIVILEGED_PORT >= unprivilegedStart.getAsLong()) {
            return false; // the system lets anyone bind it
        }
        OptionalLong effective = hexField(PROC_STATUS, "CapEff:");
        if (effective.isPresent()) {
            return (effective.getAsLong() & (1L << CAP_NET_BIND_SERVICE)) == 0;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        return !"root".equals(System.getProperty("user.name"));
    }

    /**
     * The number a /proc/sys file holds, or empty where there is none (not Linux, or not readable).
     * Read as lines: {@code Files.readString} of a /proc file (size 0) read "1" of "1024" on JDK 17.
     */
    private static OptionalLong numberIn(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readAllLines(file).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The hexadecimal value of {@code field} in a /proc status file, or empty where there is none. */
    private static OptionalLong hexField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseUnsignedLong(line.substring(field.length()).strip(), 16));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the caller decides otherwise
        }
        return OptionalLong.empty();
    }

    /** True when {@code setpriv} exists and may drop CAP_NET_BIND_SERVICE for a child here. */
    public static boolean canDropPrivilege() {
        List<String> command = new ArrayList<>(DROP_BIND_CAPABILITY);
        command.add("true");
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code main} in a child JVM on this JVM's classpath without CAP_NET_BIND_SERVICE and
     * returns what it printed on stdout once it exits.
     *
     * @param jvmOptions extra options for the child, e.g. system properties for a headless toolkit
     */
    public static String runWithoutPrivilege(Class<?> main, List<String> jvmOptions, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(DROP_BIND_CAPABILITY);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvms.inheritedOptions());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("socketdeck-lowport-", ".err");
        try {
            Process child = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            child.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(main.getSimpleName() + " did not finish within " + timeout.toMillis()
                        + " ms; stderr:\n" + Files.readString(errors));
            }
            String out = stdout.join();
            if (child.exitValue() != 0) {
                throw new AssertionError(main.getSimpleName() + " exited with " + child.exitValue() + "; stdout:\n"
                        + out + "\nstderr:\n" + Files.readString(errors));
            }
            return out;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
