package io.socketdeck.bench;

import io.socketdeck.core.send.PeriodicSender;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A 1 ms periodic send on a real TCP client session to a sink in another process: how many sends
 * per second it achieves over 10 s, and how far each send is from its scheduled time (p99).
 */
final class PeriodicBench {

    private static final long WARMUP_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long MEASURE_NANOS = Duration.ofSeconds(10).toNanos();

    private PeriodicBench() {
    }

    /** Collects send times on the loop thread; read after the sender stopped. */
    private static final class Timing implements PeriodicSender.Listener {
        final long[] sentAt = new long[20_000];
        final long[] lateness = new long[20_000];
        volatile int count;

        @Override
        public void sent(long sequence, long dueNanos, long sentNanos) {
            int i = count;
            if (i < sentAt.length) {
                sentAt[i] = sentNanos;
                lateness[i] = Math.abs(sentNanos - dueNanos);
                count = i + 1;
            }
        }
    }

    static void run() throws Exception {
        try (PeerProcess sink = PeerProcess.start(SinkPeer.class, "discard")) {
            CountDownLatch connected = new CountDownLatch(1);
            TrafficCounters counters = new TrafficCounters();
            TcpClientSession session = new TcpClientSession(TcpClientOptions.of("127.0.0.1", sink.port()), event -> {
                if (event instanceof SessionEvent.Connected) {
                    connected.countDown();
                }
            }, counters);
            Thread worker = new Thread(session::run, "periodic-bench");
            worker.start();
            if (!connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no connection to the sink");
            }
            Timing timing = new Timing();
            PeriodicSender sender = PeriodicSender.start(session, "ping\r\n".getBytes(StandardCharsets.US_ASCII),
                    Duration.ofMillis(1), PeriodicSender.UNLIMITED, timing);
            // A bench measures over wall time: sleeping is the point here.
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WARMUP_NANOS + MEASURE_NANOS) + 200);
            sender.stop();
            session.close();
            worker.join();
            report(timing, counters);
        }
    }

    private static void report(Timing timing, TrafficCounters counters) {
        int n = timing.count;
        if (n < 100) {
            throw new IllegalStateException("only " + n + " sends: the bench measured nothing");
        }
        long windowStart = timing.sentAt[0] + WARMUP_NANOS;
        long windowEnd = windowStart + MEASURE_NANOS;
        int sends = 0;
        long[] inWindow = new long[n];
        for (int i = 0; i < n; i++) {
            if (timing.sentAt[i] >= windowStart && timing.sentAt[i] < windowEnd) {
                inWindow[sends++] = timing.lateness[i];
            }
        }
        long[] sorted = Arrays.copyOf(inWindow, sends);
        Arrays.sort(sorted);
        double rate = sends / (MEASURE_NANOS / 1e9);
        double p50 = sorted[(int) (sends * 0.50)] / 1e6;
        double p99 = sorted[Math.min(sends - 1, (int) Math.ceil(sends * 0.99) - 1)] / 1e6;
        double max = sorted[sends - 1] / 1e6;
        Figures.note(String.format("periodic: %d sends in the 10 s window, lateness p50 %.3f ms, max %.3f ms;"
                + " %d messages written in all", sends, p50, max, counters.txMessages()));
        Figures.print("periodic_1ms_rate", rate);
        Figures.print("periodic_1ms_jitter_p99_ms", p99);
    }
}
