package io.socketdeck.bench;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tls.TlsClientConfig;
import io.socketdeck.core.tls.TlsTransports;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A TLS 1.3 flood of a fixed size from another process ({@link TlsFloodPeer}), read two ways in
 * the same JVM, alternating (raw, engine, engine, raw, raw, engine): the baseline, a plain JDK
 * blocking {@code SSLSocket} reading into a big array and counting, and the engine
 * ({@code TcpClientSession} over {@code TlsTransports.client}, trusting the peer's certificate as
 * a CA file would) feeding the real log model exactly as {@link TcpIngestBench} does.
 *
 * <p>Each round is timed from the connect to the last byte, handshake included, and nothing is
 * left out: the figures are whole-run (all bytes of a side over all its time), so the cold first
 * rounds count.
 */
final class TlsIngestBench {

    private static final long BYTES = Long.getLong("bench.tls.bytes", Bench.pick(512L << 20, 32L << 20));
    private static final int ROUNDS = Bench.rounds(3);
    private static final double RATIO_TARGET = 0.8;
    private static final byte[] ORDER = {0, 1, 1, 0, 0, 1}; // 0 raw, 1 engine: each goes first as often
    private static final long ROUND_TIMEOUT_MILLIS = 120_000;

    private TlsIngestBench() {
    }

    static void run() throws Exception {
        try (PeerProcess peer = PeerProcess.start(TlsFloodPeer.class, Long.toString(BYTES))) {
            String certLine = peer.readLine();
            if (certLine == null || !certLine.startsWith("CERT ")) {
                throw new IllegalStateException("the TLS flood peer sent no certificate: " + certLine);
            }
            X509Certificate certificate = TlsKeys.decode(certLine.substring(5));
            long[] nanos = new long[2];
            List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
            try (LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("socketdeck-io"))) {
                for (int i = 0; i < ORDER.length && i < 2 * ROUNDS; i++) {
                    int side = ORDER[i];
                    long took = side == 0 ? raw(peer.port(), certificate)
                            : engine(peer.port(), certificate, loops, true);
                    String sent = peer.readLine();
                    if (sent == null || !sent.equals("SENT " + BYTES)) {
                        throw new IllegalStateException("the flood peer did not send it all: " + sent);
                    }
                    nanos[side] += took;
                    double mbs = BYTES / (took / 1e9) / 1e6;
                    rates.get(side).add(mbs);
                    Figures.note(String.format(Locale.ROOT, "TLS round %d, %s: %d MiB in %.0f ms, %.0f MB/s", i + 1,
                            side == 0 ? "SSLSocket" : "engine", BYTES >> 20, took / 1e6, mbs));
                }
                // Where the difference goes: the same engine with a listener that only counts (no log
                // model), after the measured rounds. A diagnosis, not a target.
                long engineOnly = 0;
                for (int i = 0; i < 2; i++) {
                    engineOnly += engine(peer.port(), certificate, loops, false);
                    String sent = peer.readLine();
                    if (sent == null || !sent.equals("SENT " + BYTES)) {
                        throw new IllegalStateException("the flood peer did not send it all: " + sent);
                    }
                }
                Figures.print("tls_client_engine_only_mb_s", 2 * BYTES / (engineOnly / 1e9) / 1e6,
                        "diagnosis: the engine alone (a listener that counts, no log model), 2 rounds after the others");
            }
            int rounds = rates.get(0).size();
            double raw = rounds * BYTES / (nanos[0] / 1e9) / 1e6;
            double engine = rounds * BYTES / (nanos[1] / 1e9) / 1e6;
            String what = ", " + (BYTES >> 20) + " MiB of TLS 1.3 a round from another process on loopback, connect"
                    + " and handshake included; whole run of " + rounds + " rounds, the cold first included";
            Figures.print("tls_raw_mb_s", raw,
                    "the baseline: a plain JDK blocking SSLSocket reading into a 256 KiB array, count only" + what);
            Figures.print("tls_client_ingest_mb_s", engine,
                    "the engine: TcpClientSession over TlsTransports.client (SSLEngine), the real log model" + what);
            Figures.note("ingest ratio by round (engine / SSLSocket, in order): " + ratios(rates));
            Figures.atLeast("tls_client_ingest_ratio", engine / raw, RATIO_TARGET,
                    "tls_client_ingest_mb_s / tls_raw_mb_s, whole-run figures of the same run");
        }
    }

    /** The baseline: connect, handshake, read every byte; the time it took. */
    private static long raw(int port, X509Certificate certificate) throws Exception {
        byte[] buffer = new byte[256 * 1024];
        long start = System.nanoTime();
        try (SSLSocket socket = (SSLSocket) TlsKeys.trusting(certificate).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(TlsKeys.TLS13);
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            InputStream in = socket.getInputStream();
            long total = 0;
            int n;
            while (total < BYTES && (n = in.read(buffer)) >= 0) {
                total += n;
            }
            long took = System.nanoTime() - start;
            if (total != BYTES) {
                throw new IllegalStateException("the SSLSocket read " + total + " of " + BYTES + " bytes");
            }
            return took;
        }
    }

    /**
     * The engine with the real log model, built as {@link TcpIngestBench} builds it, on a loop of
     * the window's kind; connect to last byte.
     */
    private static long engine(int port, X509Certificate certificate, LoopGroup loops, boolean withLog)
            throws Exception {
        TrafficLog log = withLog ? Fx.call(() -> new TrafficLog(new UiTick())) : null;
        SessionListener rows = withLog ? log.newIngest() : event -> { };
        CompletableFuture<Long> allRead = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        AtomicReference<String> protocol = new AtomicReference<>();
        SessionListener listener = new SessionListener() {
            private long received; // the loop thread only
            private long reads;

            @Override
            public String toString() {
                return reads == 0 ? "no reads" : String.format(Locale.ROOT, "%,d reads of %,d bytes on average", reads,
                        received / reads);
            }

            @Override
            public void onEvent(SessionEvent event) {
                rows.onEvent(event);
                if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX) {
                    received += data.bytes().length;
                    reads++;
                    if (received >= BYTES) {
                        allRead.complete(System.nanoTime());
                    }
                } else if (event instanceof SessionEvent.Secured secured) {
                    protocol.set(secured.handshake().protocol());
                } else if (event instanceof SessionEvent.Failure failure) {
                    allRead.completeExceptionally(new IllegalStateException("the engine failed: " + failure));
                } else if (event instanceof SessionEvent.Closed) {
                    allRead.completeExceptionally(new IllegalStateException("closed after " + received + " bytes"));
                    closed.complete(null);
                }
            }
        };
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        TlsClientConfig config = TlsClientConfig.verified().withAuthorities(List.of(certificate));
        long start = System.nanoTime();
        TcpClientSession session = new TcpClientSession(TcpClientOptions.of(host, port), listener,
                new TrafficCounters(), loops.next(), TlsTransports.client(config, host, port));
        session.start();
        long doneAt = allRead.get(ROUND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Figures.note("engine round" + (withLog ? "" : " (no log model)") + ": " + listener);
        session.close();
        closed.get(10, TimeUnit.SECONDS);
        if (!"TLSv1.3".equals(protocol.get())) {
            throw new IllegalStateException("the engine agreed on " + protocol.get() + ", not TLS 1.3");
        }
        // The first rows have long left the bounded list: any data row shows the model took the flood.
        if (withLog) {
            Fx.await("the log model shows the flood's rows", 10_000,
                    () -> log.entries().stream().anyMatch(LogEntry::isData));
        }
        return doneAt - start;
    }

    private static String ratios(List<List<Double>> rates) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(rates.get(0).size(), rates.get(1).size()); i++) {
            ratios.add(String.format(Locale.ROOT, "%.3f", rates.get(1).get(i) / rates.get(0).get(i)));
        }
        return ratios.toString();
    }
}
