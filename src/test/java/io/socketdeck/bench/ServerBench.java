package io.socketdeck.bench;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpserver.Recipients;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TabPane;

/**
 * The real TCP server tab, shown on Monocle, while 10,000 loopback clients from another process
 * connect to it: how many it holds, the largest gap between FX pulses while they connect and
 * the table fills, how long one 64-byte message sent from the tab takes to reach every client
 * (the load process says when the last one has it), and the heap with all of them connected.
 *
 * <p>Two rounds, each with a fresh load process and a fresh listen: the first runs a cold JVM
 * (class loading, JIT) and is reported apart, the second is the measurement, as in
 * {@link UiFloodBench}.
 */
final class ServerBench {

    static final int CLIENTS = Integer.getInteger("bench.server.clients", 10_000);
    private static final int BROADCASTS = 5;
    /** 64 bytes on the wire: a typical short command, the same for every client. */
    private static final String MESSAGE = "broadcast: set report interval to 500 ms, then reply status ok\r\n";
    private static final long SETTLE_MILLIS = 2_000;
    private static final long CONNECT_TIMEOUT_MILLIS = 180_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PulseGapMeter meter = new PulseGapMeter();
    private MainWindow window;
    private TcpServerViewModel server;

    private ServerBench() {
    }

    static void run() throws Exception {
        if (MESSAGE.length() != 64) {
            throw new IllegalStateException("the message must be 64 bytes, not " + MESSAGE.length());
        }
        requireFileDescriptors(CLIENTS + 1_000);
        new ServerBench().measure();
    }

    private void measure() throws Exception {
        window = UiFloodBench.showWindow(meter);
        server = window.tab(TcpServerViewModel.class);
        Fx.run(() -> {
            TabPane tabs = (TabPane) window.root().lookup(".session-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(tab -> "tabTcpServer".equals(tab.getId())).findFirst().orElseThrow());
        });
        Thread.sleep(SETTLE_MILLIS); // a user opens the window before the devices arrive

        Round warmup = round(false);
        Round measured = round(true);
        Fx.run(window::shutdown);

        Figures.print("server_clients_connected", measured.clientsShown);
        Figures.print("server_connect_all_s", measured.fillSeconds);
        Figures.print("server_broadcast_ms", median(measured.broadcasts));
        Figures.print("server_broadcast_worst_ms", measured.broadcasts.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        Figures.print("server_heap_mb", measured.heapMb);
        Figures.print("server_ui_max_pulse_gap_ms", measured.connectGap);
        Figures.print("server_ui_first_round_max_pulse_gap_ms", warmup.connectGap);
        Figures.print("server_ui_stop_max_pulse_gap_ms", measured.stopGap);
    }

    /** What one round saw. */
    private static final class Round {
        int clientsShown;
        double fillSeconds;
        double connectGap;
        double stopGap;
        double heapMb;
        final List<Double> broadcasts = new ArrayList<>();
    }

    /** Listen, let CLIENTS connect and fill the table, optionally broadcast, then Stop. */
    private Round round(boolean full) throws Exception {
        Round round = new Round();
        Fx.run(() -> {
            server.traffic().log().clear();
            server.bindAddressProperty().set("127.0.0.1");
            server.maxClientsProperty().set(""); // the user clears the default limit of 1,000 for a load test
            server.portProperty().set("0");
            server.listen();
        });
        await(call(() -> Fx.call(() -> server.stateProperty().get() == ConnectionState.OPEN)), 10_000,
                "the server tab did not listen");
        String listening = Fx.call(() -> server.listeningAddressProperty().get());
        int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));

        try (PeerProcess load = PeerProcess.start(ServerLoadPeer.class, Integer.toString(port), Integer.toString(CLIENTS))) {
            long fxThread = Fx.call(() -> Thread.currentThread().getId());
            long fxCpuBefore = THREADS.getThreadCpuTime(fxThread);
            long renderCpuBefore = cpuOfThreadsNamed("QuantumRenderer");
            long ioCpuBefore = cpuOfThreadsNamed("socketdeck-io");
            Fx.run(meter::restart);
            long start = System.nanoTime();
            String connected = load.readLine();
            await(call(() -> Fx.call(() -> server.clients().size() >= CLIENTS)), CONNECT_TIMEOUT_MILLIS,
                    "the table did not reach " + CLIENTS + " clients; load generator: " + connected);
            round.fillSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(1_500); // the byte-count poll runs over the full table a few times, as a user watches it
            Fx.run(meter::stop);
            round.connectGap = meter.maxGapMillis();
            round.clientsShown = Fx.call(() -> server.clients().size());
            long errors = Fx.call(() -> server.traffic().log().entries().stream().filter(e -> e.kind() == LogEntry.Kind.ERROR).count());
            Figures.note(String.format("%s round: load generator %s; table full after %.1f s, %d pulses, max gap %.0f ms,"
                    + " %d error events", full ? "measured" : "first", connected, round.fillSeconds, meter.pulses(),
                    round.connectGap, errors));
            // CPU times are steadier than pulse gaps on a shared machine: they do not count waiting for a core.
            Figures.note(String.format("  CPU while connecting: FX thread %.0f ms, renderer %.0f ms, server I/O %.0f ms",
                    (THREADS.getThreadCpuTime(fxThread) - fxCpuBefore) / 1e6,
                    (cpuOfThreadsNamed("QuantumRenderer") - renderCpuBefore) / 1e6,
                    (cpuOfThreadsNamed("socketdeck-io") - ioCpuBefore) / 1e6));

            if (full) {
                long txBefore = Fx.call(() -> server.traffic().counters().engineCounters().txBytes());
                for (int i = 0; i < BROADCASTS; i++) {
                    round.broadcasts.add(broadcastMillis(load));
                }
                Figures.note("  broadcasts (ms): " + round.broadcasts);
                // The server counts a write just after it returns, so a client may report first: wait a moment.
                long expectedTx = txBefore + (long) BROADCASTS * CLIENTS * MESSAGE.length();
                await(call(() -> server.traffic().counters().engineCounters().txBytes() == expectedTx), 10_000,
                        "the TX counter is not every client's bytes");
                round.heapMb = UiFloodBench.heapAfterGcMb();
            }

            Fx.run(meter::restart);
            Fx.run(server::stop);
            await(call(() -> Fx.call(() -> server.stateProperty().get() == ConnectionState.IDLE)), 60_000,
                    "the server did not stop");
            Fx.run(meter::stop);
            round.stopGap = meter.maxGapMillis();
        }
        return round;
    }

    /**
     * From the moment the tab's send is called on the FX thread until the load process reports
     * that every client has read 64 more bytes (it reads them as they arrive; the report is one
     * line on a pipe, well under a millisecond).
     */
    private double broadcastMillis(PeerProcess load) throws Exception {
        load.tell("EXPECT " + MESSAGE.length());
        String armed = load.readLine();
        if (!"ARMED".equals(armed)) {
            throw new IllegalStateException("load generator: " + armed);
        }
        long sentAt = Fx.call(() -> {
            server.recipientsProperty().set(Recipients.ALL);
            server.traffic().sendBox().textProperty().set(MESSAGE);
            long now = System.nanoTime();
            if (!server.send()) {
                throw new IllegalStateException("the tab did not send: " + server.traffic().sendBox().errorProperty().get());
            }
            return now;
        });
        String received = load.readLine();
        long doneAt = System.nanoTime();
        if (received == null || !received.startsWith("RECEIVED " + CLIENTS + " ")) {
            throw new IllegalStateException("load generator: " + received);
        }
        return (doneAt - sentAt) / 1e6;
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

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Each side needs a descriptor per client. The JVM raises its soft limit to the hard limit
     * at start (HotSpot's MaxFDLimit, on by default), and the load process is a JVM too, so
     * only the hard limit matters: say so clearly rather than fail halfway with EMFILE.
     */
    private static void requireFileDescriptors(int needed) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                long soft = fields[0].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(fields[0]);
                Figures.note("open files limit: soft " + fields[0] + ", hard " + fields[1]);
                if (soft < needed) {
                    throw new IllegalStateException("the server bench needs " + needed + " file descriptors; "
                            + "raise the hard limit (ulimit -Hn) to at least that");
                }
            }
        }
    }

    private interface Check {
        boolean get() throws Exception;
    }

    private static BooleanSupplier call(Check check) {
        return () -> {
            try {
                return check.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(20); // polling a condition with a deadline
        }
    }
}
