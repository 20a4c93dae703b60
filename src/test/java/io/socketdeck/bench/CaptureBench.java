package io.socketdeck.bench;

import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.capture.CaptureWriter;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A 1 GB flood from another process, read by a TCP client session feeding the real log model, in
 * alternating rounds with a raw capture off and on. With it on, every byte the peer sent must be
 * in the capture files, and the same bytes: their SHA-256 must equal the peer's, or the run fails.
 * The cost of capturing is the ingest time with it on over the time with it off. Written under
 * target/, on the same disk as the build, rolled every 256 MB, deleted after each round.
 */
final class CaptureBench {

    private static final long FLOOD_BYTES = Bench.pick(1L << 30, 64L << 20);
    private static final long ROLL_BYTES = Bench.pick(256L << 20, 16L << 20);
    private static final int ROUNDS = Bench.rounds(3);

    private CaptureBench() {
    }

    /** One flood: how long it took, and with capture on, what the files held. */
    private record Flood(double seconds, double ioCpuMs, long sent, long captured, boolean identical) {
    }

    static void run() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-capture");
        try (PeerProcess peer = PeerProcess.start(ExactFloodPeer.class, Long.toString(FLOOD_BYTES))) {
            FileStore store = Files.getFileStore(dir);
            if (store.getUsableSpace() < 3 * FLOOD_BYTES) {
                throw new IllegalStateException("less than " + 3 * (FLOOD_BYTES >> 20) + " MiB free in " + dir.toAbsolutePath());
            }
            List<Flood> off = new ArrayList<>();
            List<Flood> on = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                off.add(flood(peer, null, round));
                on.add(flood(peer, dir, round));
            }
            long loss = on.stream().mapToLong(f -> f.sent() - f.captured()).max().orElseThrow();
            double[] ratios = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                ratios[i] = on.get(i).seconds() / off.get(i).seconds();
            }
            Figures.atMost("capture_loss_bytes", loss, 0, "a " + (FLOOD_BYTES >> 20) + " MiB flood with a raw capture on:"
                    + " bytes sent minus bytes in the capture files (the worst of " + ROUNDS + " rounds); the run also"
                    + " fails when the files' SHA-256 differs from the peer's");
            if (on.stream().anyMatch(f -> !f.identical())) {
                Figures.failAlso("capture_loss_bytes", "the captured bytes differ from those the peer sent (SHA-256)");
            }
            Figures.print("capture_mb_s", TcpIngestBench.median(on.stream().mapToDouble(f -> f.sent() / f.seconds() / 1e6)
                    .toArray()), "that flood's ingest rate with the capture on, into the real log model, median of " + ROUNDS);
            Figures.print("capture_cost_ratio", TcpIngestBench.median(ratios), "the flood's ingest time with the capture on"
                    + " / with it off, median of " + ROUNDS + " alternating pairs");
        } finally {
            try (var left = Files.list(dir)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** One flood of {@link #FLOOD_BYTES} into a session with the log model, captured into {@code dir} unless null. */
    private static Flood flood(PeerProcess peer, Path dir, int round) throws Exception {
        AtomicReference<Object> failure = new AtomicReference<>();
        CaptureWriter capture = dir == null ? null : CaptureWriter.open(
                CaptureOptions.raw(dir.resolve("flood-" + round + ".bin")).withRollBytes(ROLL_BYTES), failure::set);
        List<Path> files = List.of();
        try {
            TrafficLog log = Fx.call(() -> new TrafficLog(new UiTick()));
            SessionListener ingest = log.newIngest();
            CountDownLatch closed = new CountDownLatch(1);
            AtomicLong ioCpu = new AtomicLong();
            TrafficCounters counters = new TrafficCounters();
            TcpClientSession session = new TcpClientSession(TcpClientOptions.of("127.0.0.1", peer.port()), event -> {
                if (capture != null) {
                    capture.onEvent(event); // first, as the tab does: every byte reaches the file
                }
                ingest.onEvent(event);
                // The peer's end of stream ends the flood: the client would keep the connection
                // open for an answer (half-close) until it is closed below.
                if (event instanceof SessionEvent.PeerFinished || event instanceof SessionEvent.Closed) {
                    ioCpu.compareAndSet(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()); // the loop thread's, at the flood's end
                    closed.countDown();
                }
            }, counters);
            Thread worker = new Thread(session::run, "capture-bench");
            long start = System.nanoTime();
            worker.start();
            if (!closed.await(10, TimeUnit.MINUTES)) {
                session.close();
                throw new IllegalStateException("the flood did not end");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            session.close();
            worker.join();
            double ioCpuMs = ioCpu.get() / 1e6;
            String[] sent = peer.readLine().split(" ");
            long sentBytes = Long.parseLong(sent[1]);
            if (counters.rxBytes() != sentBytes) {
                throw new IllegalStateException("read " + counters.rxBytes() + " of " + sentBytes + " bytes");
            }
            if (capture == null) {
                Figures.note(String.format(Locale.ROOT, "round %d, capture off: %.0f MB/s, I/O thread %.0f ms CPU",
                        round + 1, sentBytes / seconds / 1e6, ioCpuMs));
                return new Flood(seconds, ioCpuMs, sentBytes, 0, true);
            }
            capture.close();
            files = capture.files();
            long captured = 0;
            for (Path file : files) {
                captured += Files.size(file);
            }
            boolean same = sha256(files).equals(sent[2]);
            Figures.note(String.format(Locale.ROOT, "round %d, capture on: %.0f MB/s, I/O thread %.0f ms CPU; %d bytes sent,"
                    + " %d in %d files, content %s%s", round + 1, sentBytes / seconds / 1e6, ioCpuMs, sentBytes, captured,
                    files.size(), same ? "identical (SHA-256)" : "DIFFERS", failure.get() == null ? "" : ", failure " + failure.get()));
            return new Flood(seconds, ioCpuMs, sentBytes, captured, same);
        } finally {
            if (capture != null) {
                capture.close();
            }
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String sha256(List<Path> files) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        for (Path file : files) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                while (in.read(buffer.clear()) > 0) {
                    digest.update(buffer.flip());
                }
            } catch (IOException e) {
                throw new IOException("cannot read the capture " + file, e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
