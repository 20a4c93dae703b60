package io.socketdeck.bench;

import io.socketdeck.core.relay.LegFaults;
import io.socketdeck.core.relay.RelayOptions;
import io.socketdeck.core.relay.RelayProtocol;
import io.socketdeck.core.relay.RelaySession;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The relay (issue 15): its throughput beside socat's on the same loopback flood in the same run,
 * many relayed connections at once, and how exactly a latency fault is added.
 *
 * <ul>
 *   <li>{@code relay_socat_mb_s} and {@code relay_mb_s}: a flood peer (another process) is the
 *       target; one reader connects through {@code socat TCP-LISTEN,fork TCP:target} or through
 *       the relay engine whose events feed the real log model (TrafficLog: split-safe decoding,
 *       rows per connection and leg, one drain per FX pulse, the bounded list); rounds alternate,
 *       median of each. {@code relay_ratio} is relay / socat.
 *   <li>{@code relay_cpu_us_per_mb} and {@code relay_socat_cpu_us_per_mb}: the CPU time each side
 *       spent per megabyte it forwarded in the same rounds: socat's processes, against this JVM
 *       but the reader's thread (the relay's loop, the log model and its FX drain, the collector,
 *       the compiler: all the relay costs the machine, cold rounds included); medians.
 *       {@code relay_cpu_ratio} is relay / socat: steadier than the rates, which swing with
 *       whichever process the scheduler favours.
 *   <li>{@code relay_connections}: 2,000 clients connect through the relay to an echo server at
 *       once, each sends a line and waits for it back; the count of lines that came back whole.
 *   <li>{@code relay_latency_fault_error_ms}: one byte at a time written by a client and timed when
 *       the target reads it (both ends in this process, one clock), alternately with 50 ms latency
 *       on the client-to-target leg and without; the mean added delay minus 50 ms.
 * </ul>
 */
final class RelayBench {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final com.sun.management.OperatingSystemMXBean JVM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long WARMUP_MILLIS = Bench.millis(1_000);
    private static final long MEASURE_MILLIS = Bench.millis(3_000);
    private static final int ROUNDS = Bench.rounds(5);
    private static final int CONNECTIONS = (int) Bench.pick(2_000, 200);
    private static final int LATENCY_SAMPLES = (int) Bench.pick(100, 20);
    private static final int LATENCY_MILLIS = 50;

    private RelayBench() {
    }

    static void run() throws Exception {
        flood();
        connections();
        latency();
    }

    // ---- the flood ----

    private static void flood() throws Exception {
        boolean socat = onPath("socat");
        if (!socat) {
            Figures.skip("relay_socat_mb_s", "socat is not installed (apt-get install socat)");
        }
        List<Double> socatRates = new ArrayList<>();
        List<Double> relayRates = new ArrayList<>();
        List<Double> socatCpu = new ArrayList<>();
        List<Double> relayCpu = new ArrayList<>();
        try (PeerProcess peer = PeerProcess.start(FloodPeer.class)) {
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, peer.port());
            for (int round = 0; round < ROUNDS; round++) {
                // Alternating which goes first, so neither always runs on a machine the other warmed.
                boolean socatFirst = round % 2 == 0;
                if (!socatFirst) {
                    relayRound(target, round, relayRates, relayCpu);
                }
                if (socat) {
                    Measured measured = throughSocat(target);
                    socatRates.add(measured.mbPerSecond());
                    socatCpu.add(measured.cpuMicrosPerMb());
                    Figures.note(String.format(Locale.ROOT, "round %d, socat: %.0f MB/s, %.0f us of CPU per MB",
                            round + 1, measured.mbPerSecond(), measured.cpuMicrosPerMb()));
                }
                if (socatFirst) {
                    relayRound(target, round, relayRates, relayCpu);
                }
            }
        }
        if (socat) {
            Figures.note("relay / socat by round: " + ratiosByRound(relayRates, socatRates));
            Figures.note("relay / socat CPU per MB by round: " + ratiosByRound(relayCpu, socatCpu));
        }
        String what = ", loopback flood from another process through to one reader, median of " + ROUNDS + " rounds";
        double relay = median(relayRates);
        Figures.print("relay_mb_s", relay,
                "the relay engine (RelaySession) feeding the real log model (TrafficLog, FX drain)" + what);
        if (socat) {
            double socatRate = median(socatRates);
            Figures.print("relay_socat_mb_s", socatRate, "socat TCP-LISTEN,fork TCP:target" + what);
            Figures.atLeast("relay_ratio", relay / socatRate, 0.8, "relay_mb_s / relay_socat_mb_s, same run");
        } else {
            Figures.skip("relay_ratio", "no socat to compare with");
        }
        double relayCpuPerMb = median(relayCpu);
        Figures.print("relay_cpu_us_per_mb", relayCpuPerMb, "CPU time per MB forwarded: this JVM but the reader's"
                + " thread (the relay's loop, the log model, collector and compiler), median of " + ROUNDS + " rounds");
        double socatCpuPerMb = socat ? median(socatCpu) : 0;
        if (socatCpuPerMb > 0) {
            Figures.print("relay_socat_cpu_us_per_mb", socatCpuPerMb, "CPU time per MB forwarded by socat's processes,"
                    + " median of " + ROUNDS + " rounds");
            Figures.print("relay_cpu_ratio", relayCpuPerMb / socatCpuPerMb,
                    "relay_cpu_us_per_mb / relay_socat_cpu_us_per_mb, same run: what a byte costs the relay against socat");
        } else {
            Figures.skip("relay_cpu_ratio", socat ? "socat's CPU time could not be read" : "no socat to compare with");
        }
    }

    /** socat's transfer buffer for the baseline (its -b). */
    private static final int SOCAT_BUFFER = 1024 * 1024;

    /** One side's round: the rate the reader saw, and the forwarder's CPU time per megabyte of it. */
    private record Measured(double mbPerSecond, double cpuMicrosPerMb) {
    }

    private static void relayRound(InetSocketAddress target, int round, List<Double> rates, List<Double> cpu)
            throws Exception {
        Measured measured = throughRelay(target);
        rates.add(measured.mbPerSecond());
        cpu.add(measured.cpuMicrosPerMb());
        Figures.note(String.format(Locale.ROOT, "round %d, relay with the log model: %.0f MB/s, %.0f us of CPU per MB",
                round + 1, measured.mbPerSecond(), measured.cpuMicrosPerMb()));
    }

    private static Measured throughSocat(InetSocketAddress target) throws Exception {
        int port = freePort();
        // socat's default buffer is 8 KiB, a read per 8 KiB; the baseline gets 1 MiB, at least as
        // large as the relay's reads, so the ratio compares with its best.
        Process socat = new ProcessBuilder("socat", "-b", Integer.toString(SOCAT_BUFFER), "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                "TCP:127.0.0.1:" + target.getPort()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // socat forks a process for the connection: its CPU time is the child's, the listener's beside it
            return read(connectWhenListening(new InetSocketAddress(LOOPBACK, port)), reader -> processCpuNanos(socat));
        } finally {
            socat.descendants().forEach(ProcessHandle::destroy);
            socat.destroy();
            if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        }
    }

    private static Measured throughRelay(InetSocketAddress target) throws Exception {
        TrafficLog log = Fx.call(() -> new TrafficLog(new UiTick()));
        SessionListener ingest = log.newServerIngest();
        RelaySession relay = new RelaySession(RelayOptions.of(RelayProtocol.TCP, LOOPBACK, 0, "127.0.0.1",
                target.getPort()), ingest, new TrafficCounters());
        Thread loop = new Thread(relay::run, "relay");
        loop.start();
        try {
            InetSocketAddress listening = awaitListening(relay);
            // The whole JVM but the reader, which the socat rounds have in this JVM too.
            return read(SocketChannel.open(listening), reader -> JVM.getProcessCpuTime() - THREADS.getThreadCpuTime(reader.getId()));
        } finally {
            relay.close();
            loop.join();
            if (Fx.call(() -> log.entries().size()) == 0) {
                throw new IllegalStateException("the log model received nothing: the bench measured no ingest");
            }
        }
    }

    /**
     * Reads the flood into one reused direct buffer, counting: its rate over the measured time,
     * and {@code forwarderCpu} (given the reading thread) over the same time per megabyte.
     */
    private static Measured read(SocketChannel channel, ToLongFunction<Thread> forwarderCpu) throws Exception {
        AtomicLong total = new AtomicLong();
        Thread reader = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            try {
                int n;
                while ((n = channel.read(buffer)) >= 0) {
                    buffer.clear();
                    total.lazySet(total.get() + n);
                }
            } catch (IOException closed) {
                // end of the measurement
            }
        }, "flood-reader");
        reader.start();
        try {
            Bench.letTimePass(WARMUP_MILLIS);
            long startBytes = total.get();
            long startCpu = forwarderCpu.applyAsLong(reader);
            long start = System.nanoTime();
            Bench.letTimePass(MEASURE_MILLIS);
            long read = total.get() - startBytes;
            long cpu = forwarderCpu.applyAsLong(reader) - startCpu;
            double seconds = (System.nanoTime() - start) / 1e9;
            if (read == 0) {
                throw new IllegalStateException("nothing read: the bench measured no flood");
            }
            double mb = read / 1e6;
            return new Measured(mb / seconds, cpu / 1e3 / mb);
        } finally {
            channel.close();
            reader.join();
        }
    }

    // ---- many connections ----

    private static void connections() throws Exception {
        try (EchoServer echo = new EchoServer()) {
            RelaySession relay = new RelaySession(RelayOptions.of(RelayProtocol.TCP, LOOPBACK, 0, "127.0.0.1",
                    echo.port()), event -> { }, new TrafficCounters());
            Thread loop = new Thread(relay::run, "relay");
            loop.start();
            try {
                InetSocketAddress listening = awaitListening(relay);
                long start = System.nanoTime();
                int echoed = echoThrough(listening, CONNECTIONS);
                double seconds = (System.nanoTime() - start) / 1e9;
                Figures.atLeast("relay_connections", echoed, CONNECTIONS, CONNECTIONS
                        + " clients connected at once through the relay to an echo server, each echoing a line end to end"
                        + String.format(Locale.ROOT, " (all done in %.2f s)", seconds));
            } finally {
                relay.close();
                loop.join();
            }
        }
    }

    /** Connects {@code count} clients at once, sends each a line, counts the lines that came back whole. */
    private static int echoThrough(InetSocketAddress relay, int count) throws IOException {
        try (Selector selector = Selector.open()) {
            List<SocketChannel> clients = new ArrayList<>(count);
            List<EchoClient> echoes = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    SocketChannel client = SocketChannel.open();
                    clients.add(client);
                    client.configureBlocking(false);
                    client.connect(relay);
                    EchoClient echo = new EchoClient(i);
                    echoes.add(echo);
                    client.register(selector, SelectionKey.OP_CONNECT, echo);
                }
                int done = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (done < count && System.nanoTime() < deadline) {
                    selector.select(1000);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        if (((EchoClient) key.attachment()).ready(key)) {
                            done++;
                        }
                    }
                }
                int whole = 0;
                java.util.Map<String, Integer> failures = new java.util.TreeMap<>();
                for (EchoClient echo : echoes) {
                    if (echo.whole) {
                        whole++;
                    } else {
                        failures.merge(String.valueOf(echo.failure), 1, Integer::sum);
                    }
                }
                if (!failures.isEmpty()) {
                    Figures.note("clients that did not get their line back, by why: " + failures);
                }
                return whole;
            } finally {
                for (SocketChannel client : clients) {
                    client.close();
                }
            }
        }
    }

    /** One client: connects, writes its line, reads until the line is back. */
    private static final class EchoClient {
        private final ByteBuffer line;
        private final ByteBuffer back;
        boolean whole;
        String failure = "unfinished";

        EchoClient(int index) {
            line = ByteBuffer.wrap(("client " + index + " says hello\n").getBytes(StandardCharsets.US_ASCII));
            back = ByteBuffer.allocate(line.remaining());
        }

        /** True when this client is finished (its line back, or failed). */
        boolean ready(SelectionKey key) {
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    channel.write(line);
                    key.interestOps(SelectionKey.OP_READ);
                    return false;
                }
                if (channel.read(back) < 0) {
                    failure = "end of stream after " + back.position() + " bytes";
                    key.cancel();
                    return true;
                }
                if (!back.hasRemaining()) {
                    whole = java.util.Arrays.equals(back.array(), line.array());
                    key.cancel();
                    return true;
                }
                return false;
            } catch (IOException e) {
                failure = e.getMessage();
                key.cancel();
                return true;
            }
        }
    }

    /** An echo server on one selector thread: as many clients as the relay brings. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocketChannel server;
        private final Selector selector;
        private final Thread thread;
        /** Set by {@link #close}: the serving thread closes the selector itself, never while it walks its keys. */
        private volatile boolean closing;

        EchoServer() throws IOException {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(LOOPBACK, 0), 4096);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            thread = Daemons.start("echo-server", this::serve);
        }

        int port() {
            return server.socket().getLocalPort();
        }

        private void serve() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(16 * 1024);
            try (selector) {
                while (!closing) {
                    selector.select();
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (key.isValid() && key.isAcceptable()) {
                            SocketChannel accepted;
                            while ((accepted = server.accept()) != null) {
                                accepted.configureBlocking(false);
                                accepted.register(selector, SelectionKey.OP_READ);
                            }
                        } else if (key.isValid() && key.isReadable()) {
                            SocketChannel channel = (SocketChannel) key.channel();
                            buffer.clear();
                            int n;
                            try {
                                n = channel.read(buffer);
                            } catch (IOException e) {
                                n = -1;
                            }
                            if (n < 0) {
                                key.cancel();
                                channel.close();
                            } else {
                                buffer.flip();
                                channel.write(buffer); // a line is small: the socket takes it whole
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            closing = true;
            selector.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.close();
        }
    }

    // ---- latency ----

    private static void latency() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 50, LOOPBACK)) {
            RelaySession relay = new RelaySession(RelayOptions.of(RelayProtocol.TCP, LOOPBACK, 0, "127.0.0.1",
                    target.getLocalPort()), event -> { }, new TrafficCounters());
            Thread loop = new Thread(relay::run, "relay");
            loop.start();
            try (Socket client = new Socket()) {
                client.setTcpNoDelay(true);
                client.connect(awaitListening(relay));
                try (Socket accepted = target.accept()) {
                    OutputStream out = client.getOutputStream();
                    InputStream in = accepted.getInputStream();
                    // Interleaved with the same path without the fault, so what is measured is the
                    // latency added, not the hops' own wake-ups (which a loaded machine lengthens).
                    double withFault = 0;
                    double without = 0;
                    LegFaults fault = LegFaults.NONE.withLatency(LATENCY_MILLIS, 0);
                    for (int i = 0; i < LATENCY_SAMPLES; i++) {
                        relay.setFaults(Leg.UP, fault);
                        withFault += oneByte(out, in, i);
                        relay.setFaults(Leg.UP, LegFaults.NONE);
                        without += oneByte(out, in, i);
                    }
                    double added = (withFault - without) / LATENCY_SAMPLES;
                    double error = added - LATENCY_MILLIS;
                    Figures.note(String.format(Locale.ROOT, "one-byte delay through the relay: %.3f ms with the"
                            + " %d ms fault, %.3f ms without", withFault / LATENCY_SAMPLES, LATENCY_MILLIS,
                            without / LATENCY_SAMPLES));
                    Figures.atMost("relay_latency_fault_error_ms", Math.abs(error), 2,
                            String.format(Locale.ROOT, "|mean added delay - %d ms| over %d one-byte writes with a"
                                    + " %d ms latency fault, each beside one without (signed: %+.3f ms)",
                                    LATENCY_MILLIS, LATENCY_SAMPLES, LATENCY_MILLIS, error));
                }
            } finally {
                relay.close();
                loop.join();
            }
        }
    }

    /** Writes one byte and times its arrival at the target, in milliseconds. */
    private static double oneByte(OutputStream out, InputStream in, int i) throws IOException {
        long sent = System.nanoTime();
        out.write(i & 0x7f);
        if (in.read() != (i & 0x7f)) {
            throw new IllegalStateException("the byte did not come through");
        }
        return (System.nanoTime() - sent) / 1e6;
    }

    // ---- helpers ----

    private static InetSocketAddress awaitListening(RelaySession relay) throws Exception {
        Fx.await("the relay listening", 10_000, () -> relay.localAddress() != null);
        return relay.localAddress();
    }

    private static SocketChannel connectWhenListening(InetSocketAddress address) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return SocketChannel.open(address);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Bench.letTimePass(20); // socat is still starting
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /**
     * CPU time of {@code process} and its descendants, in the system's clock ticks (10 ms here: a
     * few tenths of a percent of a round's seconds of CPU).
     */
    private static long processCpuNanos(Process process) {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** {@code a / b} round by round, two decimals: the spread a median hides. */
    private static List<String> ratiosByRound(List<Double> a, List<Double> b) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(String.format(Locale.ROOT, "%.2f", a.get(i) / b.get(i)));
        }
        return ratios;
    }

    private static double median(List<Double> values) {
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        return TcpIngestBench.median(array);
    }
}
