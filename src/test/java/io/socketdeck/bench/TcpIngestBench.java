package io.socketdeck.bench;

import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A loopback flood from another process, read two ways in the same run: by a bare blocking
 * socket that throws the bytes away, and by the engine feeding the real log model (decoders,
 * queue, one drain per FX pulse, bounded list).
 */
final class TcpIngestBench {

    private static final long WARMUP_MILLIS = 2_000;
    private static final long MEASURE_MILLIS = 4_000;
    /** Best of several alternating rounds: this shared 2-core machine is noisy, the best is repeatable. */
    private static final int ROUNDS = 3;

    private TcpIngestBench() {
    }

    static void run() throws Exception {
        double raw = 0;
        double engine = 0;
        try (PeerProcess peer = PeerProcess.start(FloodPeer.class)) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port());
            for (int round = 0; round < ROUNDS; round++) {
                raw = Math.max(raw, rawSink(address));
                engine = Math.max(engine, engineIngest(address));
            }
        }
        Figures.print("tcp_raw_sink_mb_s", raw);
        Figures.print("tcp_client_ingest_mb_s", engine);
        Figures.print("tcp_client_ingest_ratio", engine / raw);
    }

    /** A plain blocking reader with the engine's buffer size; what the machine can do at best. */
    private static double rawSink(InetSocketAddress address) throws Exception {
        AtomicLong total = new AtomicLong();
        Socket socket = new Socket();
        try {
            socket.connect(address);
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[TcpClientOptions.DEFAULT_READ_BUFFER];
                try (InputStream in = socket.getInputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        total.addAndGet(n);
                    }
                } catch (IOException closed) {
                    // end of the measurement
                }
            }, "raw-sink");
            reader.start();
            double mbs = measure(total::get);
            socket.close(); // ends the reader
            reader.join();
            return mbs;
        } finally {
            socket.close();
        }
    }

    private static double engineIngest(InetSocketAddress address) throws Exception {
        TrafficLog log = Fx.call(() -> new TrafficLog(new UiTick()));
        TrafficCounters counters = new TrafficCounters();
        TcpClientSession session = new TcpClientSession(
                TcpClientOptions.of(address.getAddress().getHostAddress(), address.getPort()), log.newIngest(), counters);
        Thread worker = new Thread(session::run, "engine");
        worker.start();
        double mbs = measure(counters::rxBytes);
        session.close();
        worker.join();
        int shown = Fx.call(() -> log.entries().size());
        Figures.note(String.format("engine round: %.0f MB/s, log holds %d entries, %d trimmed",
                mbs, shown, Fx.call(log::trimmedCount)));
        if (shown == 0) {
            throw new IllegalStateException("the log model received nothing: the bench measured no ingest");
        }
        return mbs;
    }

    private static double measure(LongSupplier bytes) throws InterruptedException {
        Thread.sleep(WARMUP_MILLIS); // a bench measures over wall time: sleeping is the point here
        long startBytes = bytes.getAsLong();
        long start = System.nanoTime();
        Thread.sleep(MEASURE_MILLIS);
        long endBytes = bytes.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        return (endBytes - startBytes) / seconds / 1e6;
    }
}
