package io.socketdeck.bench;

import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.send.FileSender;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One file sent to the same receiver process two ways in the same run, alternating: a plain
 * blocking Java socket copying the file's bytes, and {@link FileSender} through a
 * {@link TcpClientSession}. Both announce the length first and stop the clock when the receiver
 * acknowledges the last byte, so they time delivery, not hand-over to a socket buffer.
 */
final class FileSendBench {

    private static final long FILE_BYTES = 256L << 20;
    private static final int ROUNDS = 3;
    private static final int COPY_BUFFER = 64 * 1024;

    private FileSendBench() {
    }

    static void run() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-file-send");
        Path file = dir.resolve("payload.bin");
        try (PeerProcess sink = PeerProcess.start(SinkPeer.class)) {
            writeFile(file);
            double raw = 0;
            double engine = 0;
            for (int round = 0; round < ROUNDS; round++) {
                raw = Math.max(raw, rawSocket(file, sink.port()));
                engine = Math.max(engine, fileSender(file, sink.port()));
            }
            Figures.print("tcp_raw_send_mb_s", raw);
            Figures.print("file_send_mb_s", engine);
            Figures.print("file_send_ratio", engine / raw);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Incompressible bytes, written once; both senders then read them from the page cache. */
    private static void writeFile(Path file) throws Exception {
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < FILE_BYTES; written += block.length) {
                out.write(block);
            }
        }
    }

    private static double rawSocket(Path file, int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            new DataOutputStream(out).writeLong(FILE_BYTES);
            try (InputStream source = Files.newInputStream(file)) {
                byte[] buffer = new byte[COPY_BUFFER];
                int n;
                while ((n = source.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            }
            out.flush();
            if (in.read() != SinkPeer.ACK) {
                throw new IllegalStateException("the sink did not acknowledge");
            }
            double mbs = FILE_BYTES / ((System.nanoTime() - start) / 1e9) / 1e6;
            Figures.note(String.format("raw socket round: %.0f MB/s", mbs));
            return mbs;
        }
    }

    private static double fileSender(Path file, int port) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        CompletableFuture<Long> acknowledged = new CompletableFuture<>();
        TrafficCounters counters = new TrafficCounters();
        // No log model here: this measures the engine's send path, as the raw side has none either.
        TcpClientSession session = new TcpClientSession(TcpClientOptions.of("127.0.0.1", port), event -> {
            if (event instanceof SessionEvent.Connected) {
                connected.countDown();
            } else if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX) {
                acknowledged.complete(System.nanoTime());
            }
        }, counters);
        Thread worker = new Thread(session::run, "file-send-bench");
        worker.start();
        try {
            if (!connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no connection to the sink");
            }
            CompletableFuture<FileSender.Outcome> outcome = new CompletableFuture<>();
            long start = System.nanoTime();
            if (!session.send(ByteBuffer.allocate(Long.BYTES).putLong(FILE_BYTES).array())) {
                throw new IllegalStateException("the session refused the length header");
            }
            FileSender.start(file, session, FileSendOptions.stream(), new FileSender.Listener() {
                @Override
                public void finished(FileSender.Outcome result, io.socketdeck.core.send.FileSendProgress last, String detail) {
                    outcome.complete(result);
                }
            });
            if (outcome.get(120, TimeUnit.SECONDS) != FileSender.Outcome.COMPLETED) {
                throw new IllegalStateException("file send ended " + outcome.get());
            }
            long end = acknowledged.get(120, TimeUnit.SECONDS);
            if (counters.txBytes() != FILE_BYTES + Long.BYTES) {
                throw new IllegalStateException("sent " + counters.txBytes() + " bytes");
            }
            double mbs = FILE_BYTES / ((end - start) / 1e9) / 1e6;
            Figures.note(String.format("FileSender round: %.0f MB/s", mbs));
            return mbs;
        } finally {
            session.close();
            worker.join();
        }
    }
}
