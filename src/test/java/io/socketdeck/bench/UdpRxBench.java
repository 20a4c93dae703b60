package io.socketdeck.bench;

import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * 64-byte datagrams from a blaster in another process, received two ways in the same run: by a
 * bare blocking DatagramChannel that only counts them, and by the engine feeding the real log
 * model (one entry per datagram, decoded, queued, drained once per FX pulse into the bounded list).
 *
 * <p>The blaster sends from two threads (its own socket each) by default: one thread alone is
 * slower than either receiver, which would make both rates the blaster's. Set
 * {@code -Dbench.udpSenders=N} to change it. Besides the rates, the CPU time the receiving threads
 * spend per datagram is printed: it depends far less on what else the machine is doing. Each
 * figure is the median of 3 alternating rounds (the ratio: of the per-round ratios).
 */
final class UdpRxBench {

    private static final long WARMUP_MILLIS = Bench.millis(1_500);
    private static final long MEASURE_MILLIS = Bench.millis(3_000);
    private static final int ROUNDS = Bench.rounds(3);

    private UdpRxBench() {
    }

    static void run() throws Exception {
        List<Measured> raw = new ArrayList<>();
        List<Measured> engine = new ArrayList<>();
        try (PeerProcess blaster = PeerProcess.start(UdpBlaster.class)) {
            for (int round = 0; round < ROUNDS; round++) {
                raw.add(rawReceiver(blaster));
                engine.add(engineReceiver(blaster));
            }
        }
        double[] ratios = new double[ROUNDS];
        double[] cpuRatios = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            ratios[i] = engine.get(i).pps() / raw.get(i).pps();
            cpuRatios[i] = engine.get(i).cpuMicrosPerDatagram() / raw.get(i).cpuMicrosPerDatagram();
        }
        String rounds = ", median of " + ROUNDS + " alternating rounds";
        Figures.print("udp_raw_rx_pps", median(raw, Measured::pps),
                "64-byte datagrams a second a bare blocking DatagramChannel receives, count only, unpaced blast" + rounds);
        Figures.print("udp_rx_pps", median(engine, Measured::pps),
                "the same received by the engine feeding the real log model (a row per datagram)" + rounds);
        Figures.atLeast("udp_rx_ratio", TcpIngestBench.median(ratios), 0.8, "the two, median of the per-round ratios");
        Figures.print("udp_raw_rx_cpu_us_per_datagram", median(raw, Measured::cpuMicrosPerDatagram),
                "CPU µs per datagram of the bare receiving thread" + rounds);
        Figures.print("udp_rx_cpu_us_per_datagram", median(engine, Measured::cpuMicrosPerDatagram),
                "CPU µs per datagram of the engine's I/O thread plus the FX thread" + rounds);
        Figures.print("udp_rx_cpu_ratio", TcpIngestBench.median(cpuRatios),
                "the two CPU costs, engine / bare receiver, median of the per-round ratios (the rates are capped by"
                        + " the blaster and the kernel's queue; this is not)");
    }

    private static double median(List<Measured> rounds, ToDoubleFunction<Measured> value) {
        return TcpIngestBench.median(rounds.stream().mapToDouble(value).toArray());
    }

    /** What the machine can do at best: a blocking receive loop with the engine's buffer sizes. */
    @SuppressWarnings("try") // closed early on purpose: closing is what ends the blocking receive
    private static Measured rawReceiver(PeerProcess blaster) throws Exception {
        AtomicLong received = new AtomicLong();
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, UdpOptions.DEFAULT_RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread reader = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
                try {
                    while (true) {
                        buffer.clear();
                        channel.receive(buffer);
                        received.lazySet(received.get() + 1); // one writer: no atomic add needed
                    }
                } catch (IOException closed) {
                    // end of the measurement
                }
            }, "raw-udp-receiver");
            reader.start();
            Measured round = blastAndMeasure(blaster, ((InetSocketAddress) channel.getLocalAddress()).getPort(),
                    received::get, reader);
            channel.close(); // ends the blocking receive
            reader.join();
            Figures.note(String.format("raw round: %.0f datagrams/s, receiving thread %.2f \u00b5s CPU per datagram",
                    round.pps(), round.cpuMicrosPerDatagram()));
            return round;
        }
    }

    private static Measured engineReceiver(PeerProcess blaster) throws Exception {
        TrafficLog log = Fx.call(() -> new TrafficLog(new UiTick()));
        TrafficCounters counters = new TrafficCounters();
        SessionListener ingest = log.newDatagramIngest();
        CompletableFuture<InetSocketAddress> opened = new CompletableFuture<>();
        UdpSession session = new UdpSession(UdpOptions.bind(InetAddress.getLoopbackAddress(), 0), event -> {
            ingest.onEvent(event);
            if (event instanceof SessionEvent.Opened open) {
                opened.complete(open.local());
            }
        }, counters);
        Thread worker = new Thread(session::run, "engine");
        worker.start();
        opened.get(10, TimeUnit.SECONDS);
        Thread fxThread = Fx.call(Thread::currentThread);
        Measured round = blastAndMeasure(blaster, opened.get().getPort(), counters::rxMessages, worker, fxThread);
        session.close();
        worker.join();
        int shown = Fx.call(() -> log.entries().size());
        Figures.note(String.format("engine round: %.0f datagrams/s, I/O + FX threads %.2f \u00b5s CPU per datagram,"
                + " log holds %d entries, %d trimmed", round.pps(), round.cpuMicrosPerDatagram(), shown, Fx.call(log::trimmedCount)));
        if (shown == 0) {
            throw new IllegalStateException("the log model received nothing: the bench measured no ingest");
        }
        return round;
    }

    /** A receive rate, and what each datagram cost the receiving threads in CPU time. */
    private record Measured(double pps, double cpuMicrosPerDatagram) {
    }

    /**
     * Starts an unpaced blast at {@code port}, measures the receive rate and the CPU time of
     * {@code receivers} after a warm-up, and waits for the blast to end.
     */
    private static Measured blastAndMeasure(PeerProcess blaster, int port, LongSupplier received, Thread... receivers)
            throws Exception {
        long dropsBefore = KernelUdpStats.socketDrops(port);
        long blastMillis = WARMUP_MILLIS + MEASURE_MILLIS + 500;
        blaster.tell("blast " + port + " " + blastMillis + " 0 " + Integer.getInteger("bench.udpSenders", 2));
        Bench.letTimePass(WARMUP_MILLIS);
        long startCount = received.getAsLong();
        long startCpu = cpuNanos(receivers);
        long start = System.nanoTime();
        Bench.letTimePass(MEASURE_MILLIS);
        long endCount = received.getAsLong();
        long cpu = cpuNanos(receivers) - startCpu;
        double seconds = (System.nanoTime() - start) / 1e9;
        String sent = blaster.readLine();
        if (sent == null || !sent.startsWith("SENT ")) {
            throw new IllegalStateException("the blaster did not report: " + sent);
        }
        // Drops say who was the bottleneck: none means the receiver kept up with the blaster.
        Figures.note(String.format("  blaster sent %.0f/s; the kernel dropped %d at the full socket queue",
                Long.parseLong(sent.substring(5).trim()) * 1000.0 / blastMillis, KernelUdpStats.socketDrops(port) - dropsBefore));
        return new Measured((endCount - startCount) / seconds, cpu / 1e3 / Math.max(1, endCount - startCount));
    }

    private static long cpuNanos(Thread... threads) {
        long total = 0;
        for (Thread thread : threads) {
            total += ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
        }
        return total;
    }
}
