package io.socketdeck.bench;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpserver.ClientRow;
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
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The real TCP server tab, shown on Monocle, while 10,000 loopback clients from another process
 * connect to it and leave, in four rounds, each with a fresh load process and a fresh listen:
 *
 * <ol>
 *   <li>cold: the 10,000 connect, then all leave at once (they close their sockets);</li>
 *   <li>the same once warm, with five broadcasts (one 64-byte message from the tab until the load
 *       process says every client has it) and the heap with all of them connected;</li>
 *   <li>and 4. the client table sorted by address (a click on its header, as a user does) before
 *       the 10,000 connect, then Stop with all of them connected.</li>
 * </ol>
 *
 * Every pulse of every round counts; "after warm-up" is the second round of each kind.
 */
final class ServerBench {

    static final int CLIENTS = Integer.getInteger("bench.server.clients", (int) Bench.pick(10_000, 2_000));
    private static final int BROADCASTS = 5;
    /** 64 bytes on the wire: a typical short command, the same for every client. */
    private static final String MESSAGE = "broadcast: set report interval to 500 ms, then reply status ok\r\n";
    private static final long SETTLE_MILLIS = Bench.millis(2_000);
    /** After the table is full: the byte-count poll runs over it a few times, as a user watches it. */
    private static final long WATCH_MILLIS = 1_500;
    /** After the table is empty: the storm's last summary row comes a moment later. */
    private static final long TAIL_MILLIS = 1_000;
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

    /** How a round's clients go. */
    private enum End {
        /** They all close their sockets at once. */
        CLIENTS_LEAVE,
        /** The user presses Stop with all of them connected. */
        STOP
    }

    /** What one round saw. */
    private static final class Round {
        final String name;
        int clientsShown;
        double fillSeconds;
        UiPhase connect;
        UiPhase leave;
        double heapMb;
        final List<Double> broadcasts = new ArrayList<>();

        Round(String name) {
            this.name = name;
        }
    }

    private void measure() throws Exception {
        window = BenchWindow.show(meter, "tabTcpServer");
        server = window.tab(TcpServerViewModel.class);
        Bench.letTimePass(SETTLE_MILLIS); // a user opens the window before the devices arrive

        Round cold = round("round 1 (cold)", false, End.CLIENTS_LEAVE);
        Round warm = round("round 2", true, End.CLIENTS_LEAVE);
        clickAddressHeader();
        Round sortedCold = round("round 3 (sorted)", false, End.STOP);
        Round sortedWarm = round("round 4 (sorted)", false, End.STOP);
        Fx.run(window::shutdown);

        List<Round> all = List.of(cold, warm, sortedCold, sortedWarm);
        Figures.atLeast("server_clients_connected", all.stream().mapToInt(r -> r.clientsShown).min().orElse(0), CLIENTS,
                "loopback clients shown in the real server tab's table (the fewest of the four rounds)");
        Figures.print("server_connect_all_s", warm.fillSeconds,
                "from the load process's start until the table shows all " + CLIENTS + " (round 2)");
        Figures.atMost("server_broadcast_ms", median(warm.broadcasts), 250,
                "one 64-byte send from the tab until all " + CLIENTS + " clients have it (median of " + BROADCASTS + ")");
        Figures.print("server_broadcast_worst_ms", warm.broadcasts.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                "the slowest of those " + BROADCASTS);
        Figures.atMost("server_heap_mb", warm.heapMb, 512, "heap after GC with " + CLIENTS + " clients connected");
        UiPhase.report("server_ui", meter, List.of(cold.connect, warm.connect), List.of(warm.connect),
                "while " + CLIENTS + " clients connect and the table fills (rounds 1 and 2, the cold first one included)");
        UiPhase.report("server_sorted_storm", meter, List.of(sortedCold.connect, sortedWarm.connect),
                List.of(sortedWarm.connect),
                "while " + CLIENTS + " clients connect to the table sorted by address by a header click (rounds 3 and 4)");
        UiPhase.report("server_disconnect_storm", meter, List.of(cold.leave, warm.leave), List.of(warm.leave),
                "while all " + CLIENTS + " clients leave at once (rounds 1 and 2)");
        UiPhase.report("server_ui_stop", meter, List.of(sortedCold.leave, sortedWarm.leave), List.of(sortedWarm.leave),
                "while Stop closes the server with " + CLIENTS + " clients connected (rounds 3 and 4)");
    }

    /** Listen, let CLIENTS connect and fill the table, optionally broadcast, then let them go. */
    private Round round(String name, boolean full, End end) throws Exception {
        Round round = new Round(name);
        Fx.run(() -> {
            server.traffic().log().clear();
            server.bindAddressProperty().set("127.0.0.1");
            server.maxClientsProperty().set(""); // the user clears the default limit of 1,000 for a load test
            server.portProperty().set("0");
            server.listen();
        });
        Fx.await("the server tab listens", 10_000, () -> server.stateProperty().get() == ConnectionState.OPEN);
        String listening = Fx.call(() -> server.listeningAddressProperty().get());
        int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));

        long fxThread = Fx.call(() -> Thread.currentThread().getId());
        long fxCpuBefore = THREADS.getThreadCpuTime(fxThread);
        long renderCpuBefore = cpuOfThreadsNamed("QuantumRenderer");
        long ioCpuBefore = cpuOfThreadsNamed("socketdeck-io");
        round.connect = UiPhase.begin(name + ", " + CLIENTS + " connect", window.tick());
        long start = System.nanoTime();
        try (PeerProcess load = PeerProcess.start(ServerLoadPeer.class, Integer.toString(port), Integer.toString(CLIENTS))) {
            String connected = load.readLine();
            Fx.await("the table reaches " + CLIENTS + " clients; load generator: " + connected, CONNECT_TIMEOUT_MILLIS,
                    () -> server.clients().size() >= CLIENTS);
            round.fillSeconds = (System.nanoTime() - start) / 1e9;
            Bench.letTimePass(WATCH_MILLIS);
            round.connect.end(meter);
            round.clientsShown = Fx.call(() -> server.clients().size());
            long errors = Fx.call(() -> server.traffic().log().entries().stream()
                    .filter(e -> e.kind() == LogEntry.Kind.ERROR).count());
            Figures.note(String.format("%s: load generator %s; table full after %.1f s, %d error events; CPU while"
                    + " connecting: FX thread %.0f ms, renderer %.0f ms, server I/O %.0f ms", name, connected,
                    round.fillSeconds, errors, (THREADS.getThreadCpuTime(fxThread) - fxCpuBefore) / 1e6,
                    (cpuOfThreadsNamed("QuantumRenderer") - renderCpuBefore) / 1e6,
                    (cpuOfThreadsNamed("socketdeck-io") - ioCpuBefore) / 1e6));
            checkOrder();

            if (full) {
                long txBefore = Fx.call(() -> server.traffic().counters().engineCounters().txBytes());
                for (int i = 0; i < BROADCASTS; i++) {
                    round.broadcasts.add(broadcastMillis(load));
                }
                Figures.note("  broadcasts (ms): " + round.broadcasts);
                // The server counts a write just after it returns, so a client may report first.
                long expectedTx = txBefore + (long) BROADCASTS * CLIENTS * MESSAGE.length();
                Fx.await("the TX counter is every client's bytes", 10_000,
                        () -> server.traffic().counters().engineCounters().txBytes() == expectedTx);
                round.heapMb = UiFloodBench.heapAfterGcMb();
                // The three full collections of that measurement are the bench's, not the window's: the
                // storm below begins once the window is past them, as it would be in use.
                Bench.letTimePass(TAIL_MILLIS);
            }

            if (end == End.CLIENTS_LEAVE) {
                round.leave = UiPhase.begin(name + ", all " + CLIENTS + " leave", window.tick());
                load.tell("CLOSE");
                String closed = load.readLine();
                // A client whose close arrives as end of stream may only have finished sending and wait for an
                // answer: the server keeps up to DEFAULT_MAX_LINGERING of those open (60 s while nothing is
                // sent) and closes the rest at once. Stop, below, closes those few.
                Fx.await("the table empties but for the clients kept for an answer; load generator: " + closed, 60_000,
                        () -> server.clients().size() <= TcpServerOptions.DEFAULT_MAX_LINGERING);
                Bench.letTimePass(TAIL_MILLIS);
                round.leave.end(meter);
                Fx.run(server::stop);
                Fx.await("the server stops", 60_000, () -> server.stateProperty().get() == ConnectionState.IDLE);
            } else {
                round.leave = UiPhase.begin(name + ", Stop with " + CLIENTS + " connected", window.tick());
                Fx.run(server::stop);
                Fx.await("the server stops", 60_000,
                        () -> server.stateProperty().get() == ConnectionState.IDLE && server.clients().isEmpty());
                Bench.letTimePass(TAIL_MILLIS);
                round.leave.end(meter);
            }
        }
        return round;
    }

    /**
     * Sorts the client table by address the way a user does: a click on the column's header (a
     * press and a release on it, which the header turns into its sort).
     */
    private void clickAddressHeader() throws Exception {
        Fx.run(() -> {
            TableView<?> table = clientTable();
            TableColumn<?, ?> address = table.getColumns().get(0);
            TableColumnHeader header = table.lookupAll(".column-header").stream()
                    .filter(node -> node instanceof TableColumnHeader h && h.getTableColumn() == address)
                    .map(TableColumnHeader.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no header for the address column"));
            Event.fireEvent(header, mouse(header, MouseEvent.MOUSE_PRESSED));
            Event.fireEvent(header, mouse(header, MouseEvent.MOUSE_RELEASED));
            if (!table.getSortOrder().equals(List.of(address))) {
                throw new IllegalStateException("the header click did not sort the table by address: " + table.getSortOrder());
            }
        });
    }

    private static MouseEvent mouse(Node target, javafx.event.EventType<MouseEvent> type) {
        double x = target.getLayoutBounds().getWidth() / 2;
        double y = target.getLayoutBounds().getHeight() / 2;
        var screen = target.localToScreen(x, y);
        return new MouseEvent(target, target, type, x, y, screen.getX(), screen.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, type == MouseEvent.MOUSE_PRESSED, false, false, true, false, true, null);
    }

    private TableView<?> clientTable() {
        return (TableView<?>) window.root().lookup(".client-table");
    }

    /** When the table is sorted, its rows must be in address order: the bench measured a sorted table. */
    private void checkOrder() throws Exception {
        String problem = Fx.call(() -> {
            if (clientTable().getSortOrder().isEmpty()) {
                return null;
            }
            List<? extends ClientRow> rows = server.clients();
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i - 1).remote().getPort() > rows.get(i).remote().getPort()) {
                    return "row " + i + " is out of address order";
                }
            }
            return null;
        });
        if (problem != null) {
            throw new IllegalStateException("the sorted table is not sorted: " + problem);
        }
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
    static void requireFileDescriptors(int needed) throws IOException {
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
}
