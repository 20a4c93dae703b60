package io.socketdeck.bench;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * 64-byte datagrams from a blaster in another process, received two ways in the same run: by a
 * bare blocking DatagramChannel that only counts them, and by the engine feeding the real log
 * model (one entry per datagram, decoded, queued, drained once per FX pulse into the bounded list).
 *
 * <p>The blaster sends from two threads (its own socket each) by default: one thread alone is
 * slower than either receiver, which would make both rates the blaster's. Set
 * {@code -Dbench.udpSenders=N} to change it. Besides the rates, the CPU time the receiving threads
 * spend per datagram is printed: it depends far less on what else the machine is doing.
 */
final class UdpRxBench {

    private static final long WARMUP_MILLIS = 1_500;
    private static final long MEASURE_MILLIS = 3_000;
    /** Best of alternating rounds: this shared 2-core machine is noisy, the best is repeatable. */
    private static final int ROUNDS = 3;

    private UdpRxBench() {
    }

    static void run() throws Exception {
        Measured raw = new Measured(0, Double.MAX_VALUE);
        Measured engine = new Measured(0, Double.MAX_VALUE);
        try (PeerProcess blaster = PeerProcess.start(UdpBlaster.class)) {
            for (int round = 0; round < ROUNDS; round++) {
                raw = raw.best(rawReceiver(blaster));
                engine = engine.best(engineReceiver(blaster));
            }
        }
        Figures.print("udp_raw_rx_pps", raw.pps());
        Figures.print("udp_rx_pps", engine.pps());
        Figures.print("udp_rx_ratio", engine.pps() / raw.pps());
        Figures.print("udp_raw_rx_cpu_us_per_datagram", raw.cpuMicrosPerDatagram());
        Figures.print("udp_rx_cpu_us_per_datagram", engine.cpuMicrosPerDatagram());
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
        UdpSession session = new UdpSession(UdpOptions.bind(InetAddress.getLoopbackAddress(), 0),
                log.newDatagramIngest(), counters);
        Thread worker = new Thread(session::run, "engine");
        worker.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (session.localAddress() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the UDP session did not open");
            }
            Thread.sleep(5); // polling a condition with a deadline
        }
        Thread fxThread = Fx.call(Thread::currentThread);
        Measured round = blastAndMeasure(blaster, session.localAddress().getPort(), counters::rxMessages, worker, fxThread);
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
        /** The best of two rounds, each figure on its own: the highest rate, the lowest cost. */
        Measured best(Measured other) {
            return new Measured(Math.max(pps, other.pps), Math.min(cpuMicrosPerDatagram, other.cpuMicrosPerDatagram));
        }
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
        Thread.sleep(WARMUP_MILLIS); // a bench measures over wall time: sleeping is the point here
        long startCount = received.getAsLong();
        long startCpu = cpuNanos(receivers);
        long start = System.nanoTime();
        Thread.sleep(MEASURE_MILLIS);
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
