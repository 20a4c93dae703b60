package io.socketdeck.bench;

import io.socketdeck.core.send.PeriodicSender;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A 1 ms periodic send on a real TCP client session, whose log model (decoding, the row queue,
 * the FX drain) is meanwhile fed a 10 MB/s text flood by the same peer: a peer in another process
 * times each message by its own clock as it arrives (see {@link PeriodicPeer}), over 10 s from the
 * first send on. The sender's own view of its lateness is noted for comparison.
 *
 * <p>Then the same session against a new peer with its received bytes reaching no log (a
 * diagnosis, no target): what the engine's loop and timers do alone, so that a miss of the first
 * figure can be told apart from the log's share in it (its allocation: G1's pauses, and the cores
 * they and the compilers take).
 *
 * <p>Then the same against a new peer, sent the plainest way Java has: a thread of its own that
 * parks until each message is due and writes it to a blocking {@code SocketChannel}, while another
 * reads the flood and drops it. No figure of the engine can beat what this machine's scheduler and
 * timers let that thread do; its p99 is printed beside the engine's (no target: a diagnosis).
 */
final class PeriodicBench {

    private static final Duration PERIOD = Duration.ofMillis(1);
    private static final byte[] MESSAGE = "ping\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long MEASURE_MILLIS = Bench.millis(10_000);
    private static final long FLOOD_BYTES_PER_SECOND = 10_000_000;

    private PeriodicBench() {
    }

    /** The sender's own view: how late each send left, by its clock, on the loop thread. */
    private static final class SenderTiming implements PeriodicSender.Listener {
        final long[] lateness = new long[(int) (MEASURE_MILLIS * 2 + 1000)];
        volatile int count;

        @Override
        public void sent(long sequence, long dueNanos, long sentNanos) {
            int i = count;
            if (i < lateness.length) {
                lateness[i] = Math.abs(sentNanos - dueNanos);
                count = i + 1;
            }
        }
    }

    static void run() throws Exception {
        withLog();
        withoutLog();
        plain();
    }

    private static PeerProcess startPeer() throws Exception {
        return PeerProcess.start(PeriodicPeer.class, Long.toString(PERIOD.toNanos()),
                Integer.toString(MESSAGE.length), Long.toString(MEASURE_MILLIS), Long.toString(FLOOD_BYTES_PER_SECOND));
    }

    /** The figures with a target: the session's received bytes go into a log model, as in the app. */
    private static void withLog() throws Exception {
        TrafficLog log = Fx.call(() -> new TrafficLog(new UiTick()));
        EngineRound round = engineRound(log.newIngest());
        PeerResult arrival = round.arrival();
        int shown = Fx.call(() -> log.entries().size());
        Figures.note(String.format("periodic at the peer: %d messages in %.1f s, lateness p50 %.3f ms, p99 %.3f ms,"
                + " max %.3f ms; the session read %.1f MB/s meanwhile, its log holds %d rows; %s", arrival.messages(),
                MEASURE_MILLIS / 1e3, arrival.p50Ms(), arrival.p99Ms(), arrival.maxMs(), round.mbPerSecond(), shown,
                round.senderView()));
        if (shown == 0) {
            throw new IllegalStateException("the log holds no row: the bench measured no load on it");
        }
        Figures.atLeast("periodic_1ms_rate", arrival.messages() / (MEASURE_MILLIS / 1e3), 950,
                "1 ms repeat sends arriving a second at the peer, over " + MEASURE_MILLIS / 1000 + " s from the first");
        Figures.atMost("periodic_1ms_jitter_p99_ms", arrival.p99Ms(), 1,
                "p99 lateness of their arrival at the peer (its clock) against the 1 ms grid, while the session"
                        + " also receives 10 MB/s into its log");
    }

    /**
     * A diagnosis without a target: the same session, its received bytes reaching no log. What the
     * engine's loop and timers do alone, to tell a miss of the figure above from what the log's
     * allocation costs them (G1's pauses, and the cores the collector and the compilers take).
     */
    private static void withoutLog() throws Exception {
        EngineRound round = engineRound(event -> { });
        PeerResult arrival = round.arrival();
        Figures.note(String.format("periodic without the log at the peer: %d messages, lateness p50 %.3f ms,"
                + " p99 %.3f ms, max %.3f ms; the session read %.1f MB/s meanwhile and dropped it; %s",
                arrival.messages(), arrival.p50Ms(), arrival.p99Ms(), arrival.maxMs(), round.mbPerSecond(),
                round.senderView()));
        Figures.print("periodic_1ms_nolog_jitter_p99_ms", arrival.p99Ms(),
                "diagnosis: the same p99 for the same session whose received bytes reach no log");
    }

    /** What one round of the engine measured: the peer's report, the flood's rate and the sender's own view. */
    private record EngineRound(PeerResult arrival, double mbPerSecond, String senderView) {
    }

    /**
     * A 1 ms repeat on a real TCP client session over {@link #MEASURE_MILLIS}, the peer's 10 MB/s
     * flood handed to {@code ingest} on the session's loop thread; fails when the flood did not come.
     */
    private static EngineRound engineRound(SessionListener ingest) throws Exception {
        try (PeerProcess peer = startPeer()) {
            CountDownLatch connected = new CountDownLatch(1);
            TrafficCounters counters = new TrafficCounters();
            TcpClientSession session = new TcpClientSession(TcpClientOptions.of("127.0.0.1", peer.port()), event -> {
                ingest.onEvent(event);
                if (event instanceof SessionEvent.Connected) {
                    connected.countDown();
                }
            }, counters);
            Thread worker = new Thread(session::run, "periodic-bench");
            worker.start();
            if (!connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no connection to the peer");
            }
            SenderTiming timing = new SenderTiming();
            long rxBefore = counters.rxBytes();
            long start = System.nanoTime();
            PeriodicSender sender = PeriodicSender.start(session, MESSAGE, PERIOD, PeriodicSender.UNLIMITED, timing);
            String result = peer.readLine(); // the peer reports after MEASURE_MILLIS of messages
            double seconds = (System.nanoTime() - start) / 1e9;
            long rx = counters.rxBytes() - rxBefore;
            sender.stop();
            session.close();
            worker.join();
            if (rx / seconds < FLOOD_BYTES_PER_SECOND * 0.8) {
                throw new IllegalStateException("the session did not receive the flood: the bench measured no load");
            }
            return new EngineRound(PeerResult.parse(result), rx / seconds / 1e6, senderView(timing));
        }
    }

    /**
     * The baseline: the same messages on the same grid from a plain thread (parks until each is due,
     * writes it whole to a blocking channel), a second thread reading the peer's flood into one
     * direct buffer and dropping it. The schedule restarts nowhere: every message keeps its slot.
     */
    private static void plain() throws Exception {
        try (PeerProcess peer = startPeer();
             SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", peer.port()))) {
            AtomicLong read = new AtomicLong();
            Thread reader = Daemons.start("periodic-plain-reader", () -> dropAll(channel, read));
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            Thread sender = Daemons.start("periodic-plain-sender", () -> sendOnTheGrid(channel, stop));
            String result = peer.readLine(); // the peer reports after MEASURE_MILLIS of messages
            double seconds = (System.nanoTime() - start) / 1e9;
            long rx = read.get();
            stop.set(true);
            channel.close(); // ends the reader's blocking read
            sender.join();
            reader.join();
            PeerResult arrival = PeerResult.parse(result);
            Figures.note(String.format("plain periodic at the peer: %d messages, lateness p50 %.3f ms, p99 %.3f ms,"
                    + " max %.3f ms; the reader read %.1f MB/s meanwhile", arrival.messages(), arrival.p50Ms(),
                    arrival.p99Ms(), arrival.maxMs(), rx / seconds / 1e6));
            if (rx / seconds < FLOOD_BYTES_PER_SECOND * 0.8) {
                throw new IllegalStateException("the plain reader did not receive the flood: the baseline had no load");
            }
            Figures.print("periodic_1ms_plain_jitter_p99_ms", arrival.p99Ms(),
                    "diagnosis: the same p99 for a plain thread that parks until each send is due and writes to a"
                            + " blocking channel, a second one reading the same 10 MB/s and dropping it");
        }
    }

    /** Reads {@code channel} into one direct buffer until it ends or closes, counting into {@code read}. */
    private static void dropAll(SocketChannel channel, AtomicLong read) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                read.addAndGet(n);
            }
        } catch (IOException closed) {
            // the channel closed: the round is over
        }
    }

    /** Writes MESSAGE whole at each slot of the grid from now on, parking until each is due, until {@code stop}. */
    private static void sendOnTheGrid(SocketChannel channel, AtomicBoolean stop) {
        ByteBuffer message = ByteBuffer.wrap(MESSAGE);
        long start = System.nanoTime();
        try {
            for (long k = 0; !stop.get(); k++) {
                long due = start + k * PERIOD.toNanos();
                for (long left; (left = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(left);
                }
                message.rewind();
                while (message.hasRemaining()) {
                    channel.write(message);
                }
            }
        } catch (IOException closed) {
            // the channel closed: the round is over
        }
    }

    /** The peer's report: {@code RESULT <messages> <p50 ns> <p99 ns> <max ns>}. */
    private record PeerResult(long messages, double p50Ms, double p99Ms, double maxMs) {

        static PeerResult parse(String line) {
            if (line == null || !line.startsWith("RESULT ")) {
                throw new IllegalStateException("the peer did not report: " + line);
            }
            String[] words = line.split(" ");
            return new PeerResult(Long.parseLong(words[1]), Long.parseLong(words[2]) / 1e6,
                    Long.parseLong(words[3]) / 1e6, Long.parseLong(words[4]) / 1e6);
        }
    }

    private static String senderView(SenderTiming timing) {
        int n = timing.count;
        long[] sorted = Arrays.copyOf(timing.lateness, n);
        Arrays.sort(sorted);
        return n == 0 ? "no sends seen by the sender" : String.format("the sender's own view: %d sends, lateness p99 %.3f ms",
                n, sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
    }
}
