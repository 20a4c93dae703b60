package io.socketdeck.testsupport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * UDP datagrams from source port 0, which a raw socket can send and no ordinary socket can: sent
 * by {@code udp_from_port_zero.py} over IPv4 loopback. Raw sockets need root (or CAP_NET_RAW), as
 * the CI has; a test assumes {@link #permitted()} first.
 */
public final class PortZeroDatagrams {

    private static final String SCRIPT = "udp_from_port_zero.py";
    private static final int NOT_PERMITTED = 77;
    private static final long TIMEOUT_SECONDS = 10;

    private PortZeroDatagrams() {
    }

    /** True when python3 is here and may open a raw socket. Cached. */
    public static boolean permitted() {
        return Permission.PERMITTED;
    }

    private static final class Permission {
        static final boolean PERMITTED = probe();

        private static boolean probe() {
            if (!PythonPeer.available()) {
                return false;
            }
            try {
                return run(List.of("check")) == 0;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Sends {@code count} datagrams carrying {@code payload} from port 0 to {@code to}, an IPv4 loopback address. */
    public static void send(InetSocketAddress to, byte[] payload, int count) throws IOException {
        if (!(to.getAddress() instanceof Inet4Address) || !to.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("IPv4 loopback only: " + to);
        }
        int exit = run(List.of(to.getAddress().getHostAddress(), Integer.toString(to.getPort()),
                HexFormat.of().formatHex(payload), Integer.toString(count)));
        if (exit != 0) {
            throw new IOException(SCRIPT + " exited with " + exit
                    + (exit == NOT_PERMITTED ? " (raw sockets not permitted: assume permitted() first)" : ""));
        }
    }

    /** Runs the script to its end; its exit code. */
    private static int run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-u", "-I", PythonPeer.scriptPath(SCRIPT).toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(SCRIPT + " did not end within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + SCRIPT, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && process.exitValue() != NOT_PERMITTED) {
            throw new IOException(SCRIPT + " failed with " + process.exitValue() + ": " + output);
        }
        return process.exitValue();
    }
}
