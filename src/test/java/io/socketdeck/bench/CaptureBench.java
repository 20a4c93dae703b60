package io.socketdeck.bench;

import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.capture.CaptureWriter;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

/**
 * A 1 GB flood from another process, read by a TCP client session with a raw capture on: the
 * bytes the peer sent minus the bytes in the capture files. Written under target/, on the same
 * disk as the build, rolled every 256 MB, deleted afterwards.
 */
final class CaptureBench {

    private static final long FLOOD_BYTES = 1L << 30;
    private static final long ROLL_BYTES = 256L << 20;

    private CaptureBench() {
    }

    static void run() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-capture");
        FileStore store = Files.getFileStore(dir);
        if (store.getUsableSpace() < 3 * FLOOD_BYTES) {
            Files.delete(dir);
            throw new IllegalStateException("less than 3 GB free in " + dir.toAbsolutePath());
        }
        AtomicReference<Object> failure = new AtomicReference<>();
        CaptureWriter capture = CaptureWriter.open(
                CaptureOptions.raw(dir.resolve("flood.bin")).withRollBytes(ROLL_BYTES), failure::set);
        List<Path> files = List.of();
        try (PeerProcess peer = PeerProcess.start(ExactFloodPeer.class, Long.toString(FLOOD_BYTES))) {
            CountDownLatch closed = new CountDownLatch(1);
            TrafficCounters counters = new TrafficCounters();
            TcpClientSession session = new TcpClientSession(TcpClientOptions.of("127.0.0.1", peer.port()), event -> {
                capture.onEvent(event);
                if (event instanceof SessionEvent.Closed) {
                    closed.countDown();
                }
            }, counters);
            long start = System.nanoTime();
            Thread worker = new Thread(session::run, "capture-bench");
            worker.start();
            if (!closed.await(10, TimeUnit.MINUTES)) {
                session.close();
                throw new IllegalStateException("the flood did not end");
            }
            worker.join();
            capture.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            String[] sent = peer.readLine().split(" ");
            long sentBytes = Long.parseLong(sent[1]);
            files = capture.files();
            long captured = 0;
            for (Path file : files) {
                captured += Files.size(file);
            }
            boolean same = Long.toHexString(crc(files)).equals(sent[2]);
            Figures.note(String.format("capture: %d bytes sent, %d read, %d in %d files, %.0f MB/s, content %s%s",
                    sentBytes, counters.rxBytes(), captured, files.size(), sentBytes / seconds / 1e6,
                    same ? "identical" : "DIFFERS", failure.get() == null ? "" : ", failure " + failure.get()));
            Figures.print("capture_loss_bytes", sentBytes - captured);
        } finally {
            capture.close();
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            try (var left = Files.list(dir)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static long crc(List<Path> files) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 20];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    crc.update(buffer, 0, n);
                }
            }
        }
        return crc.getValue();
    }
}
