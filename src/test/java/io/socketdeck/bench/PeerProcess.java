package io.socketdeck.bench;

import io.socketdeck.testsupport.PythonPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A load generator in its own JVM, so its CPU and garbage never count against the process being
 * measured. The child prints {@code PORT <n>} when ready (a server) or {@code READY} (a client,
 * which has no port of its own), and exits when its stdin closes.
 */
final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    private final int port;

    private PeerProcess(Process process) throws IOException {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        if ("READY".equals(line)) {
            this.port = -1;
            return;
        }
        if (line == null || !line.startsWith("PORT ")) {
            process.destroyForcibly();
            throw new IOException("peer did not start: " + line);
        }
        this.port = Integer.parseInt(line.substring(5).trim());
    }

    static PeerProcess start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new PeerProcess(process);
    }

    /**
     * {@code python3 -u SCRIPT ARGS...}, SCRIPT one of {@link PythonPeer}'s, for a load that a C
     * library (OpenSSL) carries more cheaply than a JVM; empty when python3 cannot run here.
     */
    static Optional<PeerProcess> startPython(String script, String... args) throws IOException {
        if (!PythonPeer.available()) {
            return Optional.empty();
        }
        Path file = PythonPeer.scriptPath(script);
        List<String> command = new ArrayList<>(List.of("python3", "-u", file.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return Optional.of(new PeerProcess(process));
    }

    /** CPU time the peer process has used so far, as the system counts it; zero where it cannot say. */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9).orElse(0.0);
    }

    int port() {
        return port;
    }

    /** The next line the peer prints (a result), or null at its end. */
    String readLine() throws IOException {
        return stdout.readLine();
    }

    void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child's side: a server socket on loopback port 0, announced as {@code PORT <n>}, with a
     * daemon thread that ends the child when the parent closes its stdin (or dies).
     */
    static ServerSocketChannel listenForParent() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        System.out.println("PORT " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        exitWhenParentLeaves();
        return server;
    }

    /** The child's side: a daemon thread that ends the child when the parent closes its stdin (or dies). */
    static void exitWhenParentLeaves() {
        onEachParentLine(line -> {
            // the parent holds stdin open while it wants us; it says nothing on it
        });
    }

    /**
     * The child's side: a daemon thread hands {@code command} each line the parent writes to the
     * child's stdin, and ends the child when the parent closes it (or dies).
     */
    static void onEachParentLine(Consumer<String> command) {
        Daemons.start("commands", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    command.accept(line);
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        });
    }
}
