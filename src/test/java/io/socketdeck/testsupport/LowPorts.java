package io.socketdeck.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final List<String> DROP_BIND_CAPABILITY = List.of(
            "setpriv", "--bounding-set=-net_bind_service", "--inh-caps=-net_bind_service", "--");

    private LowPorts() {
    }

    /** True when this JVM gets EACCES binding {@code 127.0.0.1:1}, as a non-root user does. */
    public static boolean deniedInThisJvm() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), PRIVILEGED_PORT));
            return false;
        } catch (BindException e) {
            return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("permission denied");
        } catch (IOException e) {
            return false;
        }
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
