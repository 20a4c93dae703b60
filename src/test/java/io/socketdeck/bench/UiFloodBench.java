package io.socketdeck.bench;

import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The real TCP client tab, shown on Monocle, while a peer in another process floods it for 25 s
 * from the moment it connects: every FX pulse counts, the cold first seconds included (the
 * figures "after warm-up" leave out the first 5 s); and the heap after GC with the log full.
 */
final class UiFloodBench {

    private static final long FLOOD_MILLIS = Bench.millis(25_000);
    private static final long WARMUP_MILLIS = Bench.millis(5_000);
    private static final long SETTLE_MILLIS = Bench.millis(2_000);
    private static final long IDLE_MILLIS = Bench.millis(20_000);
    private static final double HEAP_TARGET_MB = 128;
    /** Histograms taken for one heap figure: the least is the live heap (see {@link #heapAfterGcMb}). */
    private static final int HISTOGRAMS = 3;
    /** How much of the class histogram a heap over its target notes. */
    private static final int HISTOGRAM_ROWS = 15;

    private UiFloodBench() {
    }

    static void run() throws Exception {
        try (PeerProcess peer = PeerProcess.start(FloodPeer.class)) {
            PulseGapMeter meter = new PulseGapMeter();
            MainWindow window = BenchWindow.show(meter, "tabTcpClient");
            TcpClientViewModel client = window.tab(TcpClientViewModel.class);
            Bench.letTimePass(SETTLE_MILLIS); // a user opens the window before a device floods it
            UiPhase whole = UiPhase.begin("whole flood", window.tick());
            Fx.run(() -> {
                client.portProperty().set(Integer.toString(peer.port()));
                client.connect();
            });
            Fx.await("the client tab connects to the flood peer", 10_000,
                    () -> client.stateProperty().get() == ConnectionState.OPEN);
            long start = System.nanoTime();
            Bench.letTimePass(WARMUP_MILLIS);
            UiPhase warm = UiPhase.begin("after the first " + WARMUP_MILLIS / 1000.0 + " s", window.tick());
            Bench.letTimePass(FLOOD_MILLIS - WARMUP_MILLIS);
            warm.end(meter);
            whole.end(meter);
            double seconds = (System.nanoTime() - start) / 1e9;
            double heapMb = heapAfterGcMb();
            // Taken at once, while the flood still runs and the window holds its log: after, it would show neither.
            String heldHeap = heapMb > HEAP_TARGET_MB ? classHistogram(HISTOGRAM_ROWS) + "\n" + Fx.call(() ->
                    window.root().lookupAll(".log-cell").size()) + " log cells in the window" : "";
            long rx = Fx.call(() -> client.traffic().counters().rxBytesProperty().get());
            int entries = Fx.call(() -> client.traffic().log().entries().size());
            Fx.run(window::shutdown);
            Figures.note(String.format("ui flood: %.0f MB in %.1f s (%.0f MB/s), %d log entries",
                    rx / 1e6, seconds, rx / 1e6 / seconds, entries));
            if (rx == 0 || entries == 0) {
                throw new IllegalStateException("the tab received nothing: the bench measured no flood");
            }
            UiPhase.report("ui_flood", meter, List.of(whole), List.of(warm),
                    "while a peer floods the real client tab, from its connect on");
            Figures.atMost("ui_flood_heap_mb", heapMb, HEAP_TARGET_MB, "heap after GC with the log full, flood running");
            if (!heldHeap.isEmpty()) {
                Figures.note("the heap over its target: what held it, the largest classes after another collection,"
                        + " the flood still running\n" + heldHeap);
            }
        }
    }

    /**
     * The same window, no traffic, from its first frame: what scheduling alone does to pulses, and
     * the FX thread's work in them, the tab's view (built right after the first frame, as the app
     * does) included ("after warm-up" leaves out the first 2 s). The window's construction up to
     * its first frame is not in it: that is the cold start's ({@code cold_start_ms}). A floor for
     * the other pulse figures, with no target of its own but the FX thread's work.
     */
    static void idleBaseline() throws Exception {
        PulseGapMeter meter = new PulseGapMeter();
        MainWindow window = BenchWindow.show(meter, "tabTcpClient");
        // From the end of the first frame's layout: a time the meter takes in that pulse, so the
        // frame's own pulse is never in and every later one always is (a phase begun when the show
        // returned let that pulse, or the construction's gap, fall in or out by a race).
        Fx.await("the window's first frame", 10_000, () -> meter.firstLayoutNanos() != 0);
        UiPhase idle = UiPhase.beginAt("idle window", window.tick(), Fx.call(meter::firstLayoutNanos));
        Bench.letTimePass(SETTLE_MILLIS);
        UiPhase warm = UiPhase.begin("idle window after " + SETTLE_MILLIS / 1000.0 + " s", window.tick());
        Bench.letTimePass(IDLE_MILLIS - SETTLE_MILLIS);
        warm.end(meter);
        idle.end(meter);
        Fx.run(window::shutdown);
        PulseGapMeter.Stats stats = Fx.call(() -> meter.stats(List.of(idle)));
        PulseGapMeter.Stats warmStats = Fx.call(() -> meter.stats(List.of(warm)));
        String what = " of the shown window with no traffic, over " + IDLE_MILLIS / 1000.0 + " s from its first frame";
        Figures.print("ui_idle_max_pulse_gap_ms", stats.maxGapMs(), "the floor: largest gap between FX pulses" + what);
        Figures.print("ui_idle_p99_pulse_gap_ms", stats.p99GapMs(), "p99 of those gaps");
        Figures.atMost("ui_idle_fx_work_max_ms", stats.fxWorkMaxMs(), UiPhase.FX_WORK_TARGET_MS,
                "most FX-thread CPU time between two of those pulses"
                        + " (the tab's view, built after the first frame, included)");
        Figures.print("ui_idle_after_warmup_max_pulse_gap_ms", warmStats.maxGapMs(),
                "the largest gap after the first " + SETTLE_MILLIS / 1000.0 + " s");
    }

    /**
     * The JVM's class histogram ({@code jcmd GC.class_histogram}, from inside: it collects first),
     * its header, first {@code rows} rows and the rows of the log's classes (its cells, its rows
     * and the events they come from: a row holds the block its bytes are packed in); or why there
     * is none.
     */
    static String classHistogram(int rows) {
        try {
            List<String> lines = histogram().lines().toList();
            return Stream.concat(lines.stream().limit(rows + 2L),
                            lines.stream().skip(rows + 2L).filter(UiFloodBench::logClass))
                    .collect(Collectors.joining("\n"));
        } catch (IllegalStateException e) {
            return "(" + e.getMessage() + ": " + e.getCause() + ")";
        }
    }

    private static boolean logClass(String histogramRow) {
        return (histogramRow.contains(" io.socketdeck.core.log.") || histogramRow.contains(" io.socketdeck.ui.log.")
                || histogramRow.contains(" io.socketdeck.core.session.")) && !histogramRow.contains("$$Lambda");
    }

    /**
     * The heap's live objects, as a whole collection that stops the app finds them: the total of the
     * class histogram ({@code jcmd GC.class_histogram}, asked from inside), the least of
     * {@value #HISTOGRAMS}. The histogram collects first, stopped, with any of the JDK's
     * collectors; {@code System.gc()} does not: Shenandoah's is a concurrent cycle, after which
     * the heap counts what a flood allocated while it ran (146 MB read that way under the client
     * flood, the histogram taken right after holding 50). A collection the histogram asks for may
     * be skipped (while a thread holds an array in a JNI critical region, which the renderer does),
     * and the histogram then counts dead objects too: the least of several is the live heap. Read
     * from the histogram, not from the heap afterwards, where a flood still running has allocated
     * again for as long as this thread waited for a core.
     */
    static double heapAfterGcMb() {
        long least = Long.MAX_VALUE;
        for (int taken = 0; taken < HISTOGRAMS; taken++) {
            least = Math.min(least, histogramTotalBytes(histogram()));
        }
        return least / (1024.0 * 1024.0);
    }

    /** The bytes of the histogram's last line, {@code Total <instances> <bytes>}. */
    static long histogramTotalBytes(String histogram) {
        String total = histogram.lines().filter(line -> line.startsWith("Total")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no Total line in the class histogram"));
        String[] fields = total.trim().split("\\s+");
        return Long.parseLong(fields[fields.length - 1]);
    }

    private static String histogram() {
        try {
            return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        } catch (JMException e) {
            throw new IllegalStateException("no class histogram", e);
        }
    }
}
