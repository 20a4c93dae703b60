package io.socketdeck.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a load generator (group {@code cli}), each sender in a process of its own,
 * all measured by the same {@link CountingSink} in another, never by their own report:
 * <ul>
 *   <li>UDP, 64-byte datagrams, unpaced, for a fixed time: the real CLI ({@code socketdeck gen udp},
 *       with the launcher's JVM options), a plain Java {@link RawUdpSender} loop, and Debian's
 *       {@code packetsender} CLI where installed; alternating rounds, medians, and the ratios of
 *       each round's pair (so a round's background load is shared by both sides);</li>
 *   <li>TCP: the CLI ({@code gen tcp --size 8192}) against {@code socat -u /dev/zero} (which
 *       writes 8,192-byte blocks) into the same sink;</li>
 *   <li>start-up: from starting {@code socketdeck send tcp} (where the command exists, else
 *       {@code gen tcp --count 1}) to the first byte a listener here receives.</li>
 * </ul>
 * A sender's rate is what arrived (for UDP: read plus dropped at the sink's full queue) over
 * the time from the first to the last arrival, so JVM start-up and exit are not counted in it.
 */
final class CliBench {

    /** Seven: on a shared 2-core machine one round's ratio swings by 15 %; the median of seven holds. */
    private static final int ROUNDS = Bench.rounds(7);
    private static final long SEND_MILLIS = Bench.millis(5_000);
    private static final int STARTS = Bench.rounds(7);
    private static final int DATAGRAM = 64;
    /** socat's default block size: the CLI writes messages of the same size, like for like. */
    private static final int TCP_BLOCK = 8_192;
    private static final long PROCESS_TIMEOUT_MILLIS = SEND_MILLIS + 60_000;

    private CliBench() {
    }

    /** What a sink saw of one sender. */
    private record Arrivals(long messages, long bytes, long dropped, double seconds) {
        double perSecond() {
            return (messages + dropped) / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    static void run() throws Exception {
        Figures.note("the CLI runs as " + PackagedApp.describe(true));
        udp();
        tcp();
        startToSend();
    }

    private static void udp() throws Exception {
        boolean packetSender = onPath("packetsender");
        if (!packetSender) {
            Figures.note("packetsender is not installed (apt-get install packetsender): its comparison is skipped");
        }
        List<Double> gen = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        try (PeerProcess sink = PeerProcess.start(CountingSink.class, "udp")) {
            int port = sink.port();
            for (int round = 0; round < ROUNDS; round++) {
                List<Runnable> senders = new ArrayList<>();
                senders.add(measuring(gen, () -> measure(sink, "gen udp", () -> cli("gen", "udp", "127.0.0.1",
                        Integer.toString(port), "--size", Integer.toString(DATAGRAM), "--duration", seconds(SEND_MILLIS),
                        "--quiet")).perSecond()));
                senders.add(measuring(raw, () -> measure(sink, "raw", () -> java(RawUdpSender.class.getName(),
                        Integer.toString(port), Long.toString(SEND_MILLIS), Integer.toString(DATAGRAM))).perSecond()));
                if (packetSender) {
                    senders.add(measuring(ps, () -> measure(sink, "packetsender", () -> timed(List.of("packetsender",
                            "-q", "-u", "-A", "--num", "0", "--usdelay", "0", "127.0.0.1", Integer.toString(port),
                            "x".repeat(DATAGRAM)))).perSecond()));
                }
                inTurn(round, senders);
                Figures.note(String.format(Locale.ROOT, "udp round %d%s: gen %.0f/s, raw %.0f/s%s (%s)", round + 1,
                        round % 2 == 1 ? " (reverse order)" : "", gen.get(round), raw.get(round), packetSender
                                ? String.format(Locale.ROOT, ", packetsender %.0f/s", ps.get(round)) : "",
                        Machine.load()));
            }
        }
        String how = ", 64-byte datagrams to 127.0.0.1 for " + seconds(SEND_MILLIS) + " s as counted by the sink"
                + " (read + dropped), median of " + ROUNDS + " alternating rounds";
        Figures.print("gen_udp_pps", median(gen), "socketdeck gen udp in a child JVM (the launcher's options)" + how);
        Figures.print("gen_udp_raw_pps", median(raw), "a plain Java connected DatagramChannel.write loop in a child JVM"
                + how);
        Figures.atLeast("gen_udp_ratio", medianRatio(gen, raw), 0.9, "gen / raw, median of the per-round ratios");
        if (packetSender) {
            Figures.print("packetsender_udp_pps", median(ps), "Debian's packetsender -u --num 0 --usdelay 0" + how);
            Figures.atLeast("gen_udp_vs_packetsender", medianRatio(gen, ps), 4,
                    "gen / packetsender, median of the per-round ratios");
        } else {
            Figures.skip("gen_udp_vs_packetsender", "packetsender is not installed (apt-get install packetsender)");
        }
    }

    private static void tcp() throws Exception {
        if (!onPath("socat")) {
            Figures.skip("gen_tcp_ratio", "socat is not installed (apt-get install socat)");
            return;
        }
        List<Double> gen = new ArrayList<>();
        List<Double> socat = new ArrayList<>();
        try (PeerProcess sink = PeerProcess.start(CountingSink.class, "tcp")) {
            int port = sink.port();
            for (int round = 0; round < ROUNDS; round++) {
                inTurn(round, List.of(
                        measuring(gen, () -> measure(sink, "gen tcp", () -> cli("gen", "tcp", "127.0.0.1",
                                Integer.toString(port), "--size", Integer.toString(TCP_BLOCK), "--duration",
                                seconds(SEND_MILLIS), "--quiet")).megabytesPerSecond()),
                        measuring(socat, () -> measure(sink, "socat", () -> timed(List.of("socat", "-u", "/dev/zero",
                                "TCP:127.0.0.1:" + port))).megabytesPerSecond())));
                Figures.note(String.format(Locale.ROOT, "tcp round %d%s: gen %.0f MB/s, socat %.0f MB/s (%s)", round + 1,
                        round % 2 == 1 ? " (reverse order)" : "", gen.get(round), socat.get(round), Machine.load()));
            }
        }
        String how = ", one connection to 127.0.0.1 for " + seconds(SEND_MILLIS) + " s, bytes the sink read over"
                + " first to last read, median of " + ROUNDS + " alternating rounds";
        Figures.print("gen_tcp_mb_s", median(gen), "socketdeck gen tcp --size 8192 in a child JVM" + how);
        Figures.print("socat_tcp_mb_s", median(socat), "socat -u /dev/zero TCP:... (8,192-byte writes)" + how);
        Figures.atLeast("gen_tcp_ratio", medianRatio(gen, socat), 0.8, "gen / socat, median of the per-round ratios");
    }

    /** Process start to the first byte a listener here reads, for the CLI's send. */
    private static void startToSend() throws Exception {
        List<Double> millis = new ArrayList<>();
        String what = "";
        for (int run = 0; run < STARTS; run++) {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                String port = Integer.toString(((InetSocketAddress) server.getLocalAddress()).getPort());
                List<String> args = List.of("send", "tcp", "127.0.0.1", port, "hi");
                what = "socketdeck " + String.join(" ", args).replace(port, "PORT");
                ProcessBuilder builder = new ProcessBuilder(launcherCommand(args)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                long start = System.nanoTime();
                Process child = builder.start();
                // A child that never connects is ended, and the server closed, which ends the wait.
                CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(() -> {
                    child.destroyForcibly();
                    closeQuietly(server);
                });
                try (SocketChannel accepted = server.accept()) {
                    ByteBuffer first = ByteBuffer.allocate(1);
                    if (accepted.read(first) < 1) {
                        throw new IOException(what + " connected but sent nothing");
                    }
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            Figures.note(String.format(Locale.ROOT, "start %d: %.0f ms", run + 1, millis.get(run)));
        }
        Figures.atMost("cli_start_to_send_ms", median(millis), 500, "from starting `" + what
                + "` (a fresh JVM, the launcher's options) to the first byte a listener reads, median of " + STARTS);
    }

    /** What one sender of a round measures, added to its list. */
    @FunctionalInterface
    private interface Measurement {
        double run() throws Exception;
    }

    private static Runnable measuring(List<Double> into, Measurement measurement) {
        return () -> {
            try {
                into.add(measurement.run());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The round's senders one after the other, in reverse order every second round: no side always goes first. */
    private static void inTurn(int round, List<Runnable> senders) {
        List<Runnable> order = new ArrayList<>(senders);
        if (round % 2 == 1) {
            java.util.Collections.reverse(order);
        }
        order.forEach(Runnable::run);
    }

    /** Marks the sink, runs {@code sender} to its end, and reads what arrived once it stopped changing. */
    private static Arrivals measure(PeerProcess sink, String name, Sender sender) throws Exception {
        sink.tell("mark");
        String ok = sink.readLine();
        if (!"OK".equals(ok)) {
            throw new IOException("sink: " + ok);
        }
        sender.run();
        long[] last = report(sink);
        for (int i = 0; i < 100; i++) { // a few more arrivals may be queued in the sink's socket
            Bench.letTimePass(50);
            long[] now = report(sink);
            if (Arrays.equals(now, last)) {
                break;
            }
            last = now;
        }
        double seconds = (last[4] - last[3]) / 1e9;
        if (last[0] + last[1] == 0 || seconds <= 0) {
            throw new IOException(name + ": nothing arrived at the sink");
        }
        return new Arrivals(last[0], last[1], last[2], seconds);
    }

    private static long[] report(PeerProcess sink) throws IOException {
        sink.tell("report");
        String line = sink.readLine();
        if (line == null || !line.startsWith("COUNT ")) {
            throw new IOException("sink: " + line);
        }
        return Arrays.stream(line.substring(6).trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    @FunctionalInterface
    private interface Sender {
        void run() throws Exception;
    }

    /** Runs {@code socketdeck ARGS} to its end; a failure is the bench's. */
    private static void cli(String... args) throws Exception {
        finish(new ProcessBuilder(launcherCommand(List.of(args))), "socketdeck " + String.join(" ", args));
    }

    /** Runs a Java main of the test classpath, with the same JVM options, to its end. */
    private static void java(String mainClass, String... args) throws Exception {
        List<String> command = jvm();
        command.add(mainClass);
        command.addAll(List.of(args));
        finish(new ProcessBuilder(command), mainClass);
    }

    /** Runs a program that sends until stopped, for the sending time, then ends it. */
    private static void timed(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Bench.letTimePass(SEND_MILLIS);
        child.destroy();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void finish(ProcessBuilder builder, String what) throws Exception {
        Process child = builder.redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes(); // small: --quiet prints one summary line
        if (!child.waitFor(PROCESS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            throw new IOException(what + " did not end");
        }
        String text = new String(output, StandardCharsets.UTF_8).trim();
        if (child.exitValue() != 0) {
            throw new IOException(what + " exited " + child.exitValue() + ": " + text);
        }
        if (!text.isEmpty()) {
            Figures.note(what.replaceAll("127\\.0\\.0\\.1 \\d+", "127.0.0.1 PORT") + ": " + text);
        }
    }

    /** {@code java} with the launcher's heap and collector options (bin/socketdeck's, the pom's), on this classpath. */
    private static List<String> jvm() {
        List<String> command = new ArrayList<>();
        command.add(PackagedApp.java());
        command.addAll(PackagedApp.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return command;
    }

    /** The CLI as a user starts it: see {@link PackagedApp}. */
    private static List<String> launcherCommand(List<String> args) {
        return PackagedApp.command(List.of(), args);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1e3);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double medianRatio(List<Double> ours, List<Double> theirs) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            ratios.add(ours.get(i) / theirs.get(i));
        }
        return median(ratios);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
