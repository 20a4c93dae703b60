package io.socketdeck.bench;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.udp.UdpViewModel;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The real UDP tab, shown on Monocle, while a blaster in another process sends 64-byte datagrams
 * paced at 100,000 a second for 5 s: how many the engine lost (sent, minus counted, minus what the
 * kernel itself dropped at the socket's full queue), and the largest gap between FX pulses.
 */
final class UdpFloodBench {

    private static final long RATE = 100_000;
    private static final long FLOOD_MILLIS = 5_000;
    private static final long WARMUP_MILLIS = 2_000;
    private static final long SETTLE_MILLIS = 2_000;
    /** The count is final once it has not moved for this long after the blaster stopped. */
    private static final long QUIET_MILLIS = 500;

    private UdpFloodBench() {
    }

    static void run() throws Exception {
        try (PeerProcess blaster = PeerProcess.start(UdpBlaster.class)) {
            PulseGapMeter meter = new PulseGapMeter();
            MainWindow window = Fx.call(() -> showUdpTab(meter));
            UdpViewModel udp = window.tab(UdpViewModel.class);
            Thread.sleep(SETTLE_MILLIS); // a user opens the window before a device floods it
            Fx.run(() -> {
                udp.bindHostProperty().set("127.0.0.1");
                udp.bindPortProperty().set("");
                udp.open();
            });
            awaitOpen(udp);
            String local = Fx.call(() -> udp.localAddressProperty().get());
            int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));

            // Cold code on a machine the flood already fills: measured apart, then the real run.
            Fx.run(meter::restart);
            long warmupSent = flood(blaster, port, WARMUP_MILLIS);
            Fx.run(meter::stop);
            double warmupGap = meter.maxGapMillis();
            awaitQuiet(udp);
            Figures.note(String.format("udp warm-up: %d sent, %d counted",
                    warmupSent, Fx.call(() -> udp.traffic().counters().rxMessagesProperty().get())));
            Fx.run(() -> udp.traffic().counters().reset());

            long socketDropsBefore = KernelUdpStats.socketDrops(port);
            long rcvbufBefore = KernelUdpStats.rcvbufErrors();
            long backlogBefore = KernelUdpStats.backlogDrops();
            Fx.run(meter::restart);
            ThreadCpu cpu = ThreadCpu.start();
            long start = System.nanoTime();
            long sent = flood(blaster, port, FLOOD_MILLIS);
            double seconds = (System.nanoTime() - start) / 1e9;
            Fx.run(meter::stop);
            Figures.note("cpu during the flood: " + cpu.report());
            long counted = awaitQuiet(udp);
            long socketDrops = KernelUdpStats.socketDrops(port) - socketDropsBefore;
            long rcvbuf = KernelUdpStats.rcvbufErrors() - rcvbufBefore;
            long backlog = KernelUdpStats.backlogDrops() - backlogBefore;
            int entries = Fx.call(() -> udp.traffic().log().entries().size());
            Fx.run(window::shutdown);

            Figures.note(String.format("udp flood: %d sent in %.2f s (%.0f/s), %d counted, kernel dropped %d at the socket"
                    + " (machine-wide: %d RcvbufErrors, %d backlog drops), %d pulses, %d log entries",
                    sent, seconds, sent / seconds, counted, socketDrops, rcvbuf, backlog, meter.pulses(), entries));
            if (counted == 0 || entries == 0) {
                throw new IllegalStateException("the tab received nothing: the bench measured no flood");
            }
            if (socketDropsBefore < 0) {
                Figures.note("no /proc/net/udp here: kernel drops unknown, counted as 0");
            }
            Figures.print("udp_loss_at_100k_pps", sent - counted - Math.max(0, socketDrops));
            Figures.print("udp_ui_max_pulse_gap_ms", meter.maxGapMillis());
            Figures.print("udp_ui_warmup_max_pulse_gap_ms", warmupGap);
        }
    }

    private static MainWindow showUdpTab(PulseGapMeter meter) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n.use(Locale.ENGLISH);
        MainWindow shown = new MainWindow(locale -> { });
        Stage stage = new Stage();
        Scene scene = new Scene(shown.root(), 1280, 800);
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.show();
        TabPane tabs = (TabPane) scene.lookup(".session-tabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tabUdp".equals(t.getId())).findFirst().orElseThrow());
        scene.addPostLayoutPulseListener(meter::layoutDone);
        return shown;
    }

    /** A paced flood to {@code port}; returns how many datagrams the kernel accepted from the blaster. */
    private static long flood(PeerProcess blaster, int port, long millis) throws Exception {
        blaster.tell("blast " + port + " " + millis + " " + RATE);
        String line = blaster.readLine();
        if (line == null || !line.startsWith("SENT ")) {
            throw new IllegalStateException("the blaster did not report: " + line);
        }
        return Long.parseLong(line.substring(5).trim());
    }

    /** Waits until the tab's datagram counter stops moving and returns it. */
    private static long awaitQuiet(UdpViewModel udp) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = Fx.call(() -> {
                udp.traffic().counters().refresh();
                return udp.traffic().counters().rxMessagesProperty().get();
            });
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > QUIET_MILLIS * 1_000_000L) {
                return now;
            }
            Thread.sleep(20); // polling a condition with a deadline
        }
        return last;
    }

    private static void awaitOpen(UdpViewModel udp) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Fx.call(() -> udp.stateProperty().get()) != ConnectionState.OPEN) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the UDP tab did not open");
            }
            Thread.sleep(20); // polling a condition with a deadline
        }
    }
}
