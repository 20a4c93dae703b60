package io.socketdeck.bench;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpserver.ClientRow;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server tab as a TLS server, shown on Monocle: its TLS switch on, a self-signed certificate
 * in its fields and its own Listen, under two loads from other processes:
 *
 * <ol>
 *   <li>full TLS 1.3 handshakes for a fixed time, from {@link TlsClientsPeer} (JDK clients, a few
 *       threads, no resumption), then from {@code openssl s_time -new} when installed;</li>
 *   <li>two rounds (cold, then warm) of {@link #CLIENTS} TLS clients that connect, complete their
 *       handshakes and stay, with every FX pulse of both rounds counted: OpenSSL clients from
 *       {@code python3}, JDK clients without it (see {@link #holdingClients}).</li>
 * </ol>
 */
final class TlsServerBench {

    static final int CLIENTS = Integer.getInteger("bench.tls.clients", (int) Bench.pick(2_000, 300));
    private static final long HANDSHAKE_MILLIS = Bench.millis(5_000);
    /** Clients handshaking at once: the server's one loop stays busy while each waits for its answer. */
    private static final int HANDSHAKE_THREADS = 4;
    private static final int S_TIME_SECONDS = (int) Math.max(1, Bench.millis(5_000) / 1000);
    private static final long SETTLE_MILLIS = Bench.millis(2_000);
    /** After all are held: the window keeps showing the log and counters a moment, as a user watches. */
    private static final long WATCH_MILLIS = 1_500;
    private static final long CONNECT_TIMEOUT_MILLIS = 180_000;
    /** The window's I/O loop threads, where the tab's server runs. */
    private static final String IO_THREADS = "socketdeck-io";
    /** JavaFX's render thread, which draws each frame the FX thread laid out. */
    private static final String RENDER_THREAD = "QuantumRenderer";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PulseGapMeter meter = new PulseGapMeter();
    private MainWindow window;
    private TcpServerViewModel tab;
    private final KeyMaterial key = TlsKeys.selfSigned();
    private Path certificateFile;
    private Path keyFile;

    private TlsServerBench() {
    }

    static void run() throws Exception {
        ServerBench.requireFileDescriptors(CLIENTS + 1_000);
        new TlsServerBench().measure();
    }

    private void measure() throws Exception {
        Path keys = Files.createTempDirectory("socketdeck-tls-bench");
        certificateFile = keys.resolve("server.crt");
        keyFile = keys.resolve("server.key");
        SelfSigned.writePem(key, certificateFile, keyFile);
        window = BenchWindow.show(meter, "tabTcpServer");
        tab = window.tab(TcpServerViewModel.class);
        Bench.letTimePass(SETTLE_MILLIS);
        handshakes();
        Round first = round("round 1 (cold)", false);
        Round second = round("round 2", true);
        Figures.print("tls_server_connect_all_s", second.fillSeconds,
                "from the load process's start until the tab holds all " + CLIENTS + " TLS clients (round 2)");
        // No target in the issue; beside server_heap_mb (10,000 plain clients) it shows what TLS adds a client.
        Figures.print("tls_server_heap_mb", second.heapMb, "heap after GC with " + CLIENTS + " TLS clients held");
        Figures.atLeast("tls_server_clients", Math.min(first.held, second.held), CLIENTS, "TLS clients connected,"
                + " handshaken and held at once by the server tab (rows in its table with a completed handshake), the"
                + " fewer of two rounds");
        UiPhase.report("tls_server_ui", meter, List.of(first.connect, second.connect), List.of(second.connect),
                "while " + CLIENTS + " TLS clients connect, complete their handshakes and are held (rounds 1 and 2):"
                        + " the server tab's table, TLS column and log");
        Fx.run(window::shutdown);
    }

    /** The tab listens on 127.0.0.1, a port the system picks, as a TLS server; returns its port. */
    private int listen() throws Exception {
        Fx.run(() -> {
            tab.traffic().log().clear();
            tab.bindAddressProperty().set("127.0.0.1");
            tab.maxClientsProperty().set(""); // the user clears the default limit of 1,000 for a load test
            tab.portProperty().set("0");
            tab.tlsEnabledProperty().set(true);
            tab.tlsCertificateProperty().set(certificateFile.toString());
            tab.tlsKeyProperty().set(keyFile.toString());
            tab.listen();
        });
        Fx.await("the server tab listens with TLS", 30_000, () -> tab.stateProperty().get() == ConnectionState.OPEN);
        String listening = Fx.call(() -> tab.listeningAddressProperty().get());
        return Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
    }

    private void stop() throws Exception {
        Fx.run(tab::stop);
        Fx.await("the server stops", 60_000, () -> tab.stateProperty().get() == ConnectionState.IDLE);
    }

    /** What the tab shows: its rows, those with a completed handshake, those resumed, and its error rows. */
    private record Shown(int rows, int secured, int resumed, long errors, String firstError) {
        static Shown of(TcpServerViewModel tab) throws Exception {
            return Fx.call(() -> {
                int secured = 0;
                int resumed = 0;
                for (ClientRow row : tab.clients()) {
                    TlsHandshake handshake = row.tls().get();
                    if (handshake != null) {
                        secured++;
                        resumed += handshake.resumed() ? 1 : 0;
                    }
                }
                List<LogEntry> errors = tab.traffic().log().entries().stream()
                        .filter(e -> e.kind() == LogEntry.Kind.ERROR).toList();
                return new Shown(tab.clients().size(), secured, resumed, errors.size(),
                        errors.isEmpty() ? "" : errors.get(0).message());
            });
        }
    }

    /** Full handshakes a second, from our JDK clients and then from openssl s_time. */
    private void handshakes() throws Exception {
        int port = listen();
        String cert = TlsKeys.encode(key.certificate());
        long ioCpu = cpuOfThreadsNamed(IO_THREADS);
        String done;
        try (PeerProcess peer = PeerProcess.start(TlsClientsPeer.class, "handshakes", Integer.toString(port),
                cert, Integer.toString(HANDSHAKE_THREADS), Long.toString(HANDSHAKE_MILLIS))) {
            done = peer.readLine();
        }
        String[] words = done == null ? new String[0] : done.split(" ");
        if (words.length != 4 || !words[0].equals("DONE")) {
            throw new IllegalStateException("the handshake peer said: " + done);
        }
        long ok = Long.parseLong(words[1]);
        double seconds = Long.parseLong(words[3]) / 1e3;
        // The peer's count says how many handshakes completed (it invalidates every session, so none
        // resumes); the tab's clients have gone by now, its log rows say what went wrong, if anything.
        Shown shown = Shown.of(tab);
        Figures.note(String.format(Locale.ROOT, "handshakes: the peer completed %d (%s failed) in %.2f s; the tab's"
                + " log shows %d errors%s; its I/O thread spent %.0f us CPU a handshake", ok, words[2], seconds,
                shown.errors(), shown.errors() == 0 ? "" : " (first: " + shown.firstError() + ")",
                (cpuOfThreadsNamed(IO_THREADS) - ioCpu) / 1e3 / Math.max(1, ok)));
        Figures.print("tls_server_handshake_cpu_us", (cpuOfThreadsNamed(IO_THREADS) - ioCpu) / 1e3 / Math.max(1, ok),
                "CPU time of the server's I/O thread per handshake during those " + HANDSHAKE_MILLIS / 1000 + " s (not"
                        + " bound by the other processes on the machine as the rate is)");
        Figures.print("tls_server_handshakes_per_s", ok / seconds, "full TLS 1.3 handshakes a second (connect,"
                + " handshake, close) the server tab's TLS engine completed for " + HANDSHAKE_THREADS + " JDK client"
                + " threads in another process, over " + HANDSHAKE_MILLIS / 1000 + " s, the cold start included");
        opensslTime(port);
        stop();
    }

    /** {@code openssl s_time -new} against the same server: connections over the wall time it ran. */
    private static void opensslTime(int port) throws Exception {
        String name = "tls_openssl_s_time_handshakes_per_s";
        Process process;
        try {
            process = new ProcessBuilder("openssl", "s_time", "-connect", "127.0.0.1:" + port, "-new",
                    "-time", Integer.toString(S_TIME_SECONDS)).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Figures.skip(name, "openssl is not installed");
            return;
        }
        long start = System.nanoTime();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(S_TIME_SECONDS + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher connections = Pattern.compile("(\\d+) connections in [\\d.]+s;").matcher(output);
        if (!connections.find()) {
            Figures.skip(name, "openssl s_time said: " + output.strip().replace('\n', ' '));
            return;
        }
        long count = Long.parseLong(connections.group(1));
        Figures.note(String.format(Locale.ROOT, "openssl s_time: %d connections in %.2f s of wall time", count,
                seconds));
        Figures.print(name, count / seconds, "the same server under openssl s_time -new -time " + S_TIME_SECONDS
                + " (one connection at a time, a new session each), connections over its wall time");
    }

    /** What one round of held clients saw. */
    private record Round(UiPhase connect, int held, double fillSeconds, double heapMb) {
    }

    /** A fresh listen; CLIENTS connect, complete their handshakes and are held; then they leave and Stop. */
    private Round round(String name, boolean measureHeap) throws Exception {
        int port = listen();
        String cert = TlsKeys.encode(key.certificate());
        long ioCpu = cpuOfThreadsNamed(IO_THREADS);
        long fxThread = Fx.call(() -> Thread.currentThread().getId());
        long fxCpu = THREADS.getThreadCpuTime(fxThread);
        long renderCpu = cpuOfThreadsNamed(RENDER_THREAD);
        UiPhase connect = UiPhase.begin(name + ", " + CLIENTS + " TLS clients connect", window.tick());
        long start = System.nanoTime();
        int held;
        double fillSeconds;
        double heapMb;
        try (PeerProcess load = holdingClients(port, cert)) {
            String connected = load.readLine();
            Fx.await("the tab shows " + CLIENTS + " secured clients; load generator: " + connected,
                    CONNECT_TIMEOUT_MILLIS, () -> tab.clients().size() >= CLIENTS && securedRows() >= CLIENTS);
            fillSeconds = (System.nanoTime() - start) / 1e9;
            double loadCpu = load.cpuSeconds();
            Bench.letTimePass(WATCH_MILLIS);
            connect.end(meter);
            Shown shown = Shown.of(tab);
            held = Math.min(shown.rows(), shown.secured());
            heapMb = measureHeap ? UiFloodBench.heapAfterGcMb() : Double.NaN;
            if (shown.resumed() > 0) {
                Figures.failAlso("tls_server_clients", shown.resumed() + " clients resumed a session: not all made a"
                        + " full handshake");
            }
            Figures.note(String.format(Locale.ROOT, "%s: load generator %s; all held after %.1f s; %d resumed, %d"
                    + " error rows%s; CPU while connecting: FX thread %.0f ms, renderer %.0f ms, I/O %.0f ms, the load"
                    + " process %.0f ms", name, connected, fillSeconds, shown.resumed(), shown.errors(),
                    shown.errors() == 0 ? "" : " (first: " + shown.firstError() + ")",
                    (THREADS.getThreadCpuTime(fxThread) - fxCpu) / 1e6, (cpuOfThreadsNamed(RENDER_THREAD) - renderCpu) / 1e6,
                    (cpuOfThreadsNamed(IO_THREADS) - ioCpu) / 1e6, loadCpu * 1e3));
            load.tell("CLOSE");
            String closed = load.readLine();
            Fx.await("the clients leave; load generator: " + closed, 60_000,
                    () -> tab.clients().size() <= TcpServerOptions.DEFAULT_MAX_LINGERING);
        }
        stop();
        return new Round(connect, held, fillSeconds, heapMb);
    }

    /**
     * The held clients' load: OpenSSL clients ({@code tls_hold_clients.py}) where python3 runs, as
     * the devices a user serves do their TLS on their own processors. JDK clients (the JDK's
     * elliptic curves are written in Java) took 16.6 to 17.0 s of CPU for 2,000 handshakes, on the
     * same two cores as the window, against 4.8 to 5.8 s for the server's side; OpenSSL clients take
     * about 3.1 s. With JDK clients the window waited on the load generator more than on itself.
     * Without python3, the JDK clients, said in a note.
     */
    private static PeerProcess holdingClients(int port, String cert) throws IOException {
        Optional<PeerProcess> openssl = PeerProcess.startPython("tls_hold_clients.py", Integer.toString(port), cert,
                Integer.toString(CLIENTS));
        if (openssl.isPresent()) {
            return openssl.get();
        }
        Figures.note("python3 does not run here: the held clients are JDK clients, whose handshakes take about three"
                + " times the server's CPU on the same cores");
        return PeerProcess.start(TlsClientsPeer.class, "hold", Integer.toString(port), cert, Integer.toString(CLIENTS));
    }

    /** Rows whose handshake completed; FX thread. */
    private int securedRows() {
        int secured = 0;
        for (ClientRow row : tab.clients()) {
            secured += row.tls().get() != null ? 1 : 0;
        }
        return secured;
    }

    private static long cpuOfThreadsNamed(String prefix) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
