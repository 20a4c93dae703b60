package io.socketdeck.bench;

import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.send.FileSendProgress;
import io.socketdeck.core.send.FileSender;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.ui.log.TrafficLog;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One file sent to the same receiver process three ways in the same run, alternating: the best
 * plain-Java way, {@link FileChannel#transferTo} to a {@link SocketChannel} (sendfile: the kernel
 * moves page-cache pages to the socket, no copy through Java); a plain blocking socket copying the
 * file through a 64 KiB heap buffer; and {@link FileSender} through a {@link TcpClientSession}.
 * Each announces the length first and stops the clock when the receiver acknowledges the last
 * byte, so they time delivery, not hand-over to a socket buffer.
 *
 * <p>The engine sends plain TCP with sendfile too, and on top of the baseline it reads 64 KiB
 * chunks back from the file for the TX events a log shows, as the app asks: those of the file's
 * last {@link TrafficLog#DEFAULT_MAX_BYTES} (what the log keeps at most by default; the session's
 * listener here ignores them, but the bytes are read and the events made all the same). A fourth
 * way, the engine reading every chunk back (what a capture of sent bytes asks), is measured in
 * the same rounds for its cost, without a target.
 */
final class FileSendBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long FILE_BYTES = Bench.pick(1L << 30, 64L << 20);
    private static final int ROUNDS = Bench.rounds(5);
    private static final int COPY_BUFFER = 64 * 1024;

    private FileSendBench() {
    }

    /** A delivery rate, and the sending threads' CPU time per MB. */
    private record Sent(double mbs, double cpuMsPerMb) {
    }

    static void run() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-file-send");
        Path file = dir.resolve("payload.bin");
        try (PeerProcess sink = PeerProcess.start(SinkPeer.class)) {
            writeFile(file);
            List<Sent> sendfile = new ArrayList<>();
            List<Sent> stream = new ArrayList<>();
            List<Sent> engine = new ArrayList<>();
            List<Sent> readingAll = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                sendfile.add(note(round, "sendfile", sendfile(file, sink.port())));
                stream.add(note(round, "stream copy", streamCopy(file, sink.port())));
                engine.add(note(round, "FileSender", fileSender(file, sink.port(), TrafficLog.DEFAULT_MAX_BYTES)));
                readingAll.add(note(round, "FileSender reading every chunk back",
                        fileSender(file, sink.port(), Long.MAX_VALUE)));
            }
            double[] ratios = new double[ROUNDS];
            double[] streamRatios = new double[ROUNDS];
            double[] readingAllRatios = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                ratios[i] = engine.get(i).mbs() / sendfile.get(i).mbs();
                streamRatios[i] = engine.get(i).mbs() / stream.get(i).mbs();
                readingAllRatios[i] = readingAll.get(i).mbs() / sendfile.get(i).mbs();
            }
            String what = ", a " + (FILE_BYTES >> 20) + " MiB file from the page cache until the receiver acknowledges"
                    + " its last byte, median of " + ROUNDS + " alternating rounds";
            Figures.print("file_sendfile_mb_s", median(sendfile),
                    "the baseline: FileChannel.transferTo to a blocking SocketChannel (sendfile)" + what);
            Figures.print("file_stream_send_mb_s", median(stream),
                    "a plain blocking socket writing the file through a 64 KiB heap buffer" + what);
            Figures.print("file_send_mb_s", median(engine), "the engine: FileSender through a TcpClientSession, the"
                    + " file's last " + (TrafficLog.DEFAULT_MAX_BYTES >> 20) + " MiB read back for TX rows" + what);
            double ratio = TcpIngestBench.median(ratios);
            Figures.note("file_send_ratio by round: " + fmt(ratios) + "; engine / stream copy by round: " + fmt(streamRatios));
            Figures.atLeast("file_send_ratio", ratio, 0.8, "engine / sendfile, median of the per-round ratios");
            Figures.note("file_send_readback_ratio by round: " + fmt(readingAllRatios));
            Figures.print("file_send_readback_ratio", TcpIngestBench.median(readingAllRatios),
                    "the engine reading every chunk back for TX rows (a capture of sent bytes records) / sendfile,"
                            + " median of the per-round ratios");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static Sent note(int round, String how, Sent sent) {
        Figures.note(String.format(Locale.ROOT, "round %d, %s: %.0f MB/s, sending threads %.3f ms CPU per MB", round + 1,
                how, sent.mbs(), sent.cpuMsPerMb()));
        return sent;
    }

    /** Incompressible bytes, written once; every sender then reads them from the page cache. */
    private static void writeFile(Path file) throws Exception {
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < FILE_BYTES; written += block.length) {
                out.write(block);
            }
        }
    }

    private static Sent sendfile(Path file, int port) throws Exception {
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
             FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            ByteBuffer header = ByteBuffer.allocate(Long.BYTES).putLong(FILE_BYTES).flip();
            while (header.hasRemaining()) {
                socket.write(header);
            }
            for (long position = 0; position < FILE_BYTES; ) {
                position += source.transferTo(position, FILE_BYTES - position, socket);
            }
            ByteBuffer ack = ByteBuffer.allocate(1);
            if (socket.read(ack) != 1 || ack.get(0) != SinkPeer.ACK) {
                throw new IllegalStateException("the sink did not acknowledge");
            }
            return sent(start, THREADS.getCurrentThreadCpuTime() - cpu);
        }
    }

    private static Sent streamCopy(Path file, int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long cpu = THREADS.getCurrentThreadCpuTime();
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
            return sent(start, THREADS.getCurrentThreadCpuTime() - cpu);
        }
    }

    /** @param shownTail the file's last bytes whose regions are read back for TX rows, as the app's log asks */
    private static Sent fileSender(Path file, int port, long shownTail) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        CompletableFuture<Long> acknowledged = new CompletableFuture<>();
        TrafficCounters counters = new TrafficCounters();
        // No log model here: this measures the engine's send path, as the others have none either.
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
            long cpu = THREADS.getThreadCpuTime(worker.getId());
            long start = System.nanoTime();
            if (!session.send(ByteBuffer.allocate(Long.BYTES).putLong(FILE_BYTES).array())) {
                throw new IllegalStateException("the session refused the length header");
            }
            FileSender.start(file, session, FileSendOptions.stream(), new FileSender.Listener() {
                @Override
                public void finished(FileSender.Outcome result, FileSendProgress last, Throwable cause) {
                    outcome.complete(result);
                }

                @Override
                public boolean readBack(long position, int length, long fileBytes) {
                    return FileSender.reachesLast(shownTail, position, length, fileBytes);
                }
            });
            if (outcome.get(120, TimeUnit.SECONDS) != FileSender.Outcome.COMPLETED) {
                throw new IllegalStateException("file send ended " + outcome.get());
            }
            long end = acknowledged.get(120, TimeUnit.SECONDS);
            long cpuUsed = THREADS.getThreadCpuTime(worker.getId()) - cpu;
            if (counters.txBytes() != FILE_BYTES + Long.BYTES) {
                throw new IllegalStateException("sent " + counters.txBytes() + " bytes");
            }
            return new Sent(FILE_BYTES / ((end - start) / 1e9) / 1e6, cpuUsed / 1e6 / (FILE_BYTES / 1e6));
        } finally {
            session.close();
            worker.join();
        }
    }

    private static Sent sent(long startNanos, long cpuNanos) {
        return new Sent(FILE_BYTES / ((System.nanoTime() - startNanos) / 1e9) / 1e6, cpuNanos / 1e6 / (FILE_BYTES / 1e6));
    }

    private static double median(List<Sent> rounds) {
        return TcpIngestBench.median(rounds.stream().mapToDouble(Sent::mbs).toArray());
    }

    private static String fmt(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", value));
        }
        return text.toString();
    }
}
