package io.socketdeck.bench;

import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * A loopback flood from another process, read four ways in the same run, alternating: the
 * ceiling (a blocking {@link SocketChannel} reading into one reused direct buffer, counting only),
 * a copy sink (the same plus a {@code new byte[n]} copy of each read: the least the engine must
 * do), and the engine feeding the real log model (split-safe decoding, the row queue, one drain
 * per FX pulse, the bounded list), with ASCII text and with GBK (Chinese) text.
 *
 * <p>Two measurements. Unpaced, how many MB/s each reads (median of 3 rounds): on this 2-core
 * machine the sending process and the wake-ups bound those rates, so a reader that does more per
 * read (and so reads bigger batches) can even read faster than the ceiling. Paced at an offered
 * load all of them keep up with, the CPU time per byte of the threads doing the work (the reading
 * thread, and for the engine also the FX thread): that cost is not capped by the sender, so the
 * engine's ratio to the copy sink shows its real overhead.
 */
final class TcpIngestBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long WARMUP_MILLIS = Bench.millis(1_000);
    private static final long MEASURE_MILLIS = Bench.millis(3_000);
    private static final int RATE_ROUNDS = Bench.rounds(3);
    private static final int CPU_ROUNDS = Bench.rounds(5);
    /** The paced load for the CPU figures: far below every reader's ceiling. */
    private static final long PACED_BYTES_PER_SECOND = Long.getLong("bench.tcp.pacedMBs", 200) * 1_000_000L;
    private static final double CPU_RATIO_TARGET = 1.5;

    private TcpIngestBench() {
    }

    /** One way of reading the flood. */
    private enum Reader {
        RAW("raw sink"), COPY("copy sink"), ENGINE("engine, ASCII"), ENGINE_GBK("engine, GBK");

        final String label;

        Reader(String label) {
            this.label = label;
        }

        String mode() {
            return this == ENGINE_GBK ? "gbk" : "ascii";
        }
    }

    /** Bytes read per second, and the CPU time of the working threads per KiB read. */
    private record Round(double mbs, double cpuNanosPerKb) {
    }

    static void run() throws Exception {
        Thread fxThread = Fx.call(Thread::currentThread);
        try (PeerProcess peer = PeerProcess.start(FloodPeer.class)) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port());
            List<List<Round>> unpaced = collect(peer, address, fxThread, 0, RATE_ROUNDS);
            List<List<Round>> paced = collect(peer, address, fxThread, PACED_BYTES_PER_SECOND, CPU_ROUNDS);

            String unpacedWhat = ", unpaced loopback flood from another process, median of " + RATE_ROUNDS + " rounds";
            Figures.print("tcp_raw_sink_mb_s", medianOf(unpaced.get(0), Round::mbs),
                    "the ceiling reader: SocketChannel.read into one reused 64 KiB direct buffer, count only" + unpacedWhat
                            + " (on 2 cores the sending process and wake-ups bound every rate here: the CPU figures compare)");
            Figures.print("tcp_copy_sink_mb_s", medianOf(unpaced.get(1), Round::mbs),
                    "the same plus a new byte[n] copy of each read (the least the engine must do)" + unpacedWhat);
            Figures.print("tcp_client_ingest_mb_s", medianOf(unpaced.get(2), Round::mbs),
                    "the engine: TcpClientSession, split-safe decoding, the real log model, ASCII text" + unpacedWhat);
            Figures.print("tcp_client_ingest_gbk_mb_s", medianOf(unpaced.get(3), Round::mbs),
                    "the same with GBK (Chinese) text and the log set to GBK" + unpacedWhat);

            String pacedWhat = " at a paced " + PACED_BYTES_PER_SECOND / 1_000_000 + " MB/s, median of " + CPU_ROUNDS
                    + " interleaved rounds";
            Figures.print("tcp_raw_sink_cpu_ns_per_kb", medianOf(paced.get(0), Round::cpuNanosPerKb),
                    "CPU ns per KiB of the ceiling's reading thread" + pacedWhat);
            Figures.print("tcp_copy_sink_cpu_ns_per_kb", medianOf(paced.get(1), Round::cpuNanosPerKb),
                    "CPU ns per KiB of the copy sink's reading thread" + pacedWhat);
            Figures.print("tcp_client_ingest_cpu_ns_per_kb", medianOf(paced.get(2), Round::cpuNanosPerKb),
                    "CPU ns per KiB of the engine's I/O thread plus the FX thread, ASCII" + pacedWhat);
            Figures.print("tcp_client_ingest_gbk_cpu_ns_per_kb", medianOf(paced.get(3), Round::cpuNanosPerKb),
                    "the same, GBK" + pacedWhat);
            Figures.atMost("tcp_client_ingest_cpu_ratio", ratio("ASCII", paced.get(2), paced.get(1)), CPU_RATIO_TARGET,
                    "engine CPU per byte / copy-sink CPU per byte, ASCII; median of the per-round ratios" + pacedWhat);
            // No target: the copy sink does not decode, and GBK must be decoded (every byte of a read,
            // to know where its last character ends); this shows what that costs beside ASCII.
            Figures.print("tcp_client_ingest_gbk_cpu_ratio", ratio("GBK", paced.get(3), paced.get(1)),
                    "the same with GBK text (the copy sink's cost does not depend on the bytes)");
        }
    }

    /** Rounds of every reader, interleaved; the result by reader, in the order of {@link Reader}. */
    private static List<List<Round>> collect(PeerProcess peer, InetSocketAddress address, Thread fxThread, long rate,
                                             int rounds) throws Exception {
        List<List<Round>> byReader = new ArrayList<>();
        for (int i = 0; i < Reader.values().length; i++) {
            byReader.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (Reader reader : Reader.values()) {
                peer.tell("mode " + reader.mode() + " " + rate);
                if (!"OK".equals(peer.readLine())) {
                    throw new IllegalStateException("the flood peer did not take the mode");
                }
                Round measured = reader == Reader.RAW || reader == Reader.COPY
                        ? sink(address, reader == Reader.COPY, fxThread)
                        : engine(address, reader == Reader.ENGINE_GBK, fxThread);
                Figures.note(String.format(Locale.ROOT, "%s round %d, %s: %.0f MB/s, %.1f ns CPU per KiB",
                        rate == 0 ? "unpaced" : "paced", round + 1, reader.label, measured.mbs, measured.cpuNanosPerKb));
                if (rate > 0 && measured.mbs * 1e6 < rate * 0.9) {
                    Figures.note("  " + reader.label + " did not keep up with the paced load: its CPU per byte is at saturation");
                }
                byReader.get(reader.ordinal()).add(measured);
            }
        }
        return byReader;
    }

    /** The ceiling ({@code copy} false) or the copy sink: a blocking channel, one reused direct buffer. */
    @SuppressWarnings("try") // the channel is closed early on purpose: that ends the reader thread
    private static Round sink(InetSocketAddress address, boolean copy, Thread fxThread) throws Exception {
        AtomicLong total = new AtomicLong();
        try (SocketChannel channel = SocketChannel.open(address)) {
            Thread reader = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(TcpClientOptions.DEFAULT_READ_BUFFER);
                try {
                    int n;
                    while ((n = channel.read(buffer)) >= 0) {
                        if (copy) {
                            buffer.flip();
                            byte[] copied = new byte[n];
                            buffer.get(copied);
                            Sink.keep(copied);
                        }
                        buffer.clear();
                        total.lazySet(total.get() + n); // one writer: no atomic add needed
                    }
                } catch (IOException closed) {
                    // end of the measurement
                }
            }, copy ? "copy-sink" : "raw-sink");
            reader.start();
            Round round = measure(total::get, reader, fxThread);
            channel.close(); // ends the reader
            reader.join();
            return round;
        }
    }

    private static Round engine(InetSocketAddress address, boolean gbk, Thread fxThread) throws Exception {
        TrafficLog log = Fx.call(() -> {
            TrafficLog created = new TrafficLog(new UiTick());
            if (gbk) {
                created.charsetProperty().set(FloodPeer.GBK);
            }
            return created;
        });
        TrafficCounters counters = new TrafficCounters();
        TcpClientSession session = new TcpClientSession(
                TcpClientOptions.of(address.getAddress().getHostAddress(), address.getPort()), log.newIngest(), counters);
        Thread worker = new Thread(session::run, "engine");
        worker.start();
        Round round = measure(counters::rxBytes, worker, fxThread);
        session.close();
        worker.join();
        int shown = Fx.call(() -> log.entries().size());
        if (shown == 0) {
            throw new IllegalStateException("the log model received nothing: the bench measured no ingest");
        }
        if (gbk && !Fx.call(() -> log.entries().stream().anyMatch(e -> e.isData() && e.text().contains("温度")))) {
            throw new IllegalStateException("no row shows the GBK text decoded: the bench measured the wrong thing");
        }
        return round;
    }

    /** After a warm-up, the rate and the CPU time of {@code threads} over the measured time. */
    private static Round measure(LongSupplier bytes, Thread... threads) throws InterruptedException {
        Bench.letTimePass(WARMUP_MILLIS);
        long startBytes = bytes.getAsLong();
        long startCpu = cpuNanos(threads);
        long start = System.nanoTime();
        Bench.letTimePass(MEASURE_MILLIS);
        long read = bytes.getAsLong() - startBytes;
        long cpu = cpuNanos(threads) - startCpu;
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read == 0) {
            throw new IllegalStateException("nothing read: the bench measured no flood");
        }
        return new Round(read / seconds / 1e6, cpu / (read / 1024.0));
    }

    private static long cpuNanos(Thread... threads) {
        long total = 0;
        for (Thread thread : threads) {
            total += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
        }
        return total;
    }

    private static double medianOf(List<Round> rounds, ToDoubleFunction<Round> value) {
        return median(rounds.stream().mapToDouble(value).toArray());
    }

    /** The median of the per-round ratios engine / copy sink, noted with every round and the spread. */
    private static double ratio(String label, List<Round> engine, List<Round> copy) {
        double[] ratios = new double[engine.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = engine.get(i).cpuNanosPerKb / copy.get(i).cpuNanosPerKb;
        }
        double median = median(ratios);
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        Figures.note(String.format(Locale.ROOT, "CPU ratio %s by round: %s; median %.3f, spread %.3f-%.3f", label,
                Arrays.toString(Arrays.stream(ratios).map(r -> Math.round(r * 1000) / 1000.0).toArray()), median,
                sorted[0], sorted[sorted.length - 1]));
        return median;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Keeps each copy reachable (one volatile write a read) so the JIT cannot drop the work that made it. */
    static final class Sink {
        static volatile Object kept;

        private Sink() {
        }

        static void keep(Object value) {
            kept = value;
        }
    }
}
