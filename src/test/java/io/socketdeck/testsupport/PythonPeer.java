package io.socketdeck.testsupport;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code python3} script from {@code src/test/resources/io/socketdeck/testsupport/} run as a
 * subprocess. The script binds {@code HOST:0} and prints one line {@code PORT <n>} once
 * listening; {@link #start} waits for it (10 s by default). The scripts also exit when their
 * stdin reaches EOF, so they die with this JVM even if {@link #close()} is never called.
 */
public final class PythonPeer implements EchoPeer {

    public static final String TCP_ECHO = "tcp_echo.py";
    public static final String UDP_ECHO = "udp_echo.py";
    public static final String UDP_REPLY = "udp_reply.py";
    /** A client, not a server: its {@code PORT} line is its own local port once connected. */
    public static final String TCP_CLIENT = "tcp_client.py";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern PORT_LINE = Pattern.compile("PORT (\\d{1,5})");
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private final String script;
    private final String host;
    private final Process process;
    private final int port;
    private final InetSocketAddress address;
    private final StringBuffer stdout;
    private final StringBuffer stderr;
    private final Thread stdoutDrain;
    private final Thread stderrDrain;
    private volatile boolean closed;

    private PythonPeer(String script, String host, Process process, int port, StringBuffer stdout,
            StringBuffer stderr, Thread stdoutDrain, Thread stderrDrain) {
        this.script = script;
        this.host = host;
        this.process = process;
        this.port = port;
        this.address = new InetSocketAddress(Loopback.address(host), port);
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdoutDrain = stdoutDrain;
        this.stderrDrain = stderrDrain;
    }

    /** True if {@code python3} is on the PATH and {@code python3 -c pass} exits 0. Cached. */
    public static boolean available() {
        return Availability.AVAILABLE;
    }

    private static final class Availability {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                Process p = new ProcessBuilder("python3", "-c", "pass")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                p.getOutputStream().close();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** {@code tcp_echo.py 127.0.0.1}. */
    public static PythonPeer tcpEcho() throws IOException {
        return start(TCP_ECHO, Loopback.IPV4);
    }

    /** {@code tcp_echo.py HOST}; HOST must be {@code 127.0.0.1} or {@code ::1}. */
    public static PythonPeer tcpEcho(String host) throws IOException {
        return start(TCP_ECHO, host);
    }

    /**
     * {@code tcp_client.py HOST PORT HEX}: connects to {@code server}, sends {@code payload}, and
     * reports every read as an {@code RX <hex>} line on {@link #stdout()}. Its {@link #address()}
     * is the client's own address, as the server sees it.
     */
    public static PythonPeer tcpClient(InetSocketAddress server, byte[] payload) throws IOException {
        return start(TCP_CLIENT, server.getAddress().getHostAddress(), Integer.toString(server.getPort()),
                HexFormat.of().formatHex(payload));
    }

    /** Everything this client has read so far, from its {@code RX} lines. */
    public byte[] received() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String line : stdout().split("\n")) {
            if (line.startsWith("RX ")) {
                all.writeBytes(HexFormat.of().parseHex(line.substring(3).strip()));
            }
        }
        return all.toByteArray();
    }

    /** {@code udp_echo.py 127.0.0.1}. */
    public static PythonPeer udpEcho() throws IOException {
        return start(UDP_ECHO, Loopback.IPV4);
    }

    /** {@code udp_echo.py HOST}; HOST must be {@code 127.0.0.1} or {@code ::1}. */
    public static PythonPeer udpEcho(String host) throws IOException {
        return start(UDP_ECHO, host);
    }

    /**
     * {@code udp_reply.py HOST ENCODING TEXT}: answers every datagram with {@code text} encoded in
     * {@code encoding} (a Python codec name such as {@code gbk}) and prints what it got to stdout.
     */
    public static PythonPeer udpReply(String host, String encoding, String text) throws IOException {
        return start(UDP_REPLY, host, encoding, java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs {@code python3 -u SCRIPT HOST ARGS...} and waits up to 10 s for its {@code PORT} line. */
    public static PythonPeer start(String script, String host, String... args) throws IOException {
        return start(script, host, DEFAULT_STARTUP_TIMEOUT, args);
    }

    /**
     * Runs {@code python3 -u SCRIPT HOST ARGS...} and waits up to {@code startupTimeout} for its
     * {@code PORT <n>} line. On failure the process is killed and the exception carries its
     * stdout/stderr.
     */
    public static PythonPeer start(String script, String host, Duration startupTimeout, String... args)
            throws IOException {
        Objects.requireNonNull(script, "script");
        Loopback.address(host); // refuse non-loopback early
        if (!available()) {
            throw new IOException("python3 is not available (python3 -c pass failed)");
        }
        Path scriptPath = scriptPath(script);
        List<String> command = new ArrayList<>(List.of("python3", "-u", "-I", scriptPath.toString(), host));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();

        StringBuffer stdout = new StringBuffer();
        StringBuffer stderr = new StringBuffer();
        CompletableFuture<Integer> portFuture = new CompletableFuture<>();
        Thread stderrDrain = daemon("python-stderr-" + script, () -> drain(process.getErrorStream(), stderr));
        Thread stdoutDrain = daemon("python-stdout-" + script, () -> readStdout(process, stdout, portFuture));
        stderrDrain.start();
        stdoutDrain.start();

        int port;
        try {
            port = portFuture.get(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill(process);
            joinQuietly(stderrDrain);
            joinQuietly(stdoutDrain);
            String why = e instanceof TimeoutException
                    ? "no PORT line within " + startupTimeout.toMillis() + " ms"
                    : String.valueOf(e.getCause().getMessage());
            throw new IOException("python3 " + script + " " + host + " failed to start: " + why
                    + exitInfo(process) + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr, e);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting python3 " + script, e);
        }
        return new PythonPeer(script, host, process, port, stdout, stderr, stdoutDrain, stderrDrain);
    }

    private static void readStdout(Process process, StringBuffer stdout, CompletableFuture<Integer> portFuture) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher m = PORT_LINE.matcher(line.strip());
                if (!portFuture.isDone() && m.matches()) {
                    portFuture.complete(Integer.parseInt(m.group(1)));
                } else {
                    stdout.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            portFuture.completeExceptionally(e);
        }
        portFuture.completeExceptionally(new IOException("stdout closed before a PORT line"));
    }

    private static void drain(InputStream in, StringBuffer sink) {
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            int n;
            while ((n = reader.read(buf)) != -1) {
                sink.append(buf, 0, n);
            }
        } catch (IOException ignored) {
            // process gone
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * A script of {@code src/test/resources/io/socketdeck/testsupport/} as a file python3 can run:
     * where it is, or copied out of a jar once.
     */
    public static Path scriptPath(String script) throws IOException {
        URL url = PythonPeer.class.getResource(script);
        if (url == null) {
            throw new IOException("no test resource io/socketdeck/testsupport/" + script);
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall through to extraction
            }
        }
        Path existing = EXTRACTED.get(script);
        if (existing != null) {
            return existing;
        }
        synchronized (EXTRACTED) {
            existing = EXTRACTED.get(script);
            if (existing != null) {
                return existing;
            }
            Path tmp = Files.createTempFile("socketdeck-", "-" + script);
            tmp.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            EXTRACTED.put(script, tmp);
            return tmp;
        }
    }

    private static String exitInfo(Process process) {
        return process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    public String host() {
        return host;
    }

    public String script() {
        return script;
    }

    @Override
    public String description() {
        return "python3 " + script;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** What the script has written to stderr so far. */
    public String stderr() {
        return stderr.toString();
    }

    /** What the script has written to stdout so far, apart from the {@code PORT} line. */
    public String stdout() {
        return stdout.toString();
    }

    /** Closes the script's stdin, kills it with {@code destroyForcibly} and waits (5 s) for it to go. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        kill(process);
        joinQuietly(stdoutDrain);
        joinQuietly(stderrDrain);
    }

    @Override
    public String toString() {
        return description() + " on " + address + " (pid " + process.pid() + ")";
    }
}
