package io.socketdeck.bench;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real TCP client tab, shown on Monocle, while a peer in another process floods it for 20 s:
 * the largest gap between FX pulses, and the heap after GC with the log full.
 */
final class UiFloodBench {

    private static final long FLOOD_MILLIS = 20_000;
    private static final long SETTLE_MILLIS = 2_000;
    private static final long WARMUP_MILLIS = 5_000;

    private UiFloodBench() {
    }

    static void run() throws Exception {
        try (PeerProcess peer = PeerProcess.start(FloodPeer.class)) {
            PulseGapMeter meter = new PulseGapMeter();
            MainWindow window = showWindow(meter);
            TcpClientViewModel client = window.tab(TcpClientViewModel.class);
            Thread.sleep(SETTLE_MILLIS); // a user opens the window before a device floods it
            Fx.run(() -> {
                client.portProperty().set(Integer.toString(peer.port()));
                client.connect();
            });
            awaitOpen(client);
            // The first seconds of a flood run cold code on a machine whose two cores the flood
            // already fills; reported apart, then the steady state is measured.
            Fx.run(meter::restart);
            Thread.sleep(WARMUP_MILLIS);
            Fx.run(meter::stop);
            double warmupGap = meter.maxGapMillis();
            Fx.run(meter::restart);
            long start = System.nanoTime();
            Thread.sleep(FLOOD_MILLIS); // the flood runs for a wall-clock time: sleeping is the point here
            double seconds = (System.nanoTime() - start) / 1e9;
            Fx.run(meter::stop);
            double heapMb = heapAfterGcMb();
            long rx = Fx.call(() -> client.traffic().counters().rxBytesProperty().get());
            int entries = Fx.call(() -> client.traffic().log().entries().size());
            Fx.run(window::shutdown);
            Figures.note(String.format("ui flood: %.0f MB in %.1f s (%.0f MB/s), %d pulses, %d log entries",
                    rx / 1e6, seconds, rx / 1e6 / seconds, meter.pulses(), entries));
            if (rx == 0 || entries == 0) {
                throw new IllegalStateException("the tab received nothing: the bench measured no flood");
            }
            Figures.print("ui_flood_max_pulse_gap_ms", meter.maxGapMillis());
            Figures.print("ui_flood_warmup_max_pulse_gap_ms", warmupGap);
            Figures.print("ui_flood_heap_mb", heapMb);
        }
    }

    /** The same window, no traffic: what the machine's scheduling alone does to pulses. */
    static void idleBaseline() throws Exception {
        PulseGapMeter meter = new PulseGapMeter();
        MainWindow window = showWindow(meter);
        Thread.sleep(SETTLE_MILLIS);
        Fx.run(meter::restart);
        Thread.sleep(FLOOD_MILLIS);
        Fx.run(meter::stop);
        Figures.note("idle pulses: " + meter.pulses());
        Figures.print("ui_idle_max_pulse_gap_ms", meter.maxGapMillis());
    }

    /** The real main window, in English, at the app's size, shown on a stage of its own. */
    static MainWindow showWindow(PulseGapMeter meter) throws Exception {
        return Fx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            I18n.use(Locale.ENGLISH);
            MainWindow shown = new MainWindow(locale -> { });
            Stage stage = new Stage();
            Scene scene = new Scene(shown.root(), 1280, 800);
            MainWindow.addStylesheets(scene);
            stage.setScene(scene);
            stage.show();
            scene.addPostLayoutPulseListener(meter::layoutDone);
            return shown;
        });
    }

    private static void awaitOpen(TcpClientViewModel client) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Fx.call(() -> client.stateProperty().get()) != ConnectionState.OPEN) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the client tab did not connect to the flood peer");
            }
            Thread.sleep(20); // polling a condition with a deadline
        }
    }

    static double heapAfterGcMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
