package io.socketdeck.bench;

import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.udp.UdpViewModel;
import java.util.List;

/**
 * The real UDP tab, shown on Monocle, while a blaster in another process sends 64-byte datagrams
 * paced at 100,000 a second, 2 s and then 5 s: every datagram the blaster's kernel accepted and
 * the tab's counters do not show is lost, wherever it was lost (the receiving socket's full queue
 * included); and the gaps between FX pulses over both floods, the first (cold) one included.
 */
final class UdpFloodBench {

    private static final long RATE = 100_000;
    private static final long FLOOD_MILLIS = Bench.millis(5_000);
    private static final long WARMUP_MILLIS = Bench.millis(2_000);
    private static final long SETTLE_MILLIS = Bench.millis(2_000);
    /** The count is final once it has not moved for this long after the blaster stopped. */
    private static final long QUIET_MILLIS = 500;

    private UdpFloodBench() {
    }

    static void run() throws Exception {
        try (PeerProcess blaster = PeerProcess.start(UdpBlaster.class)) {
            PulseGapMeter meter = new PulseGapMeter();
            MainWindow window = BenchWindow.show(meter, "tabUdp");
            UdpViewModel udp = window.tab(UdpViewModel.class);
            Bench.letTimePass(SETTLE_MILLIS); // a user opens the window before a device floods it
            Fx.run(() -> {
                udp.bindHostProperty().set("127.0.0.1");
                udp.bindPortProperty().set("");
                udp.open();
            });
            Fx.await("the UDP tab opens", 10_000, () -> udp.stateProperty().get() == ConnectionState.OPEN);
            String local = Fx.call(() -> udp.localAddressProperty().get());
            int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));

            long socketDropsBefore = KernelUdpStats.socketDrops(port);
            long rcvbufBefore = KernelUdpStats.rcvbufErrors();
            long backlogBefore = KernelUdpStats.backlogDrops();
            UiPhase first = UiPhase.begin("first flood, " + WARMUP_MILLIS + " ms", window.tick());
            long firstSent = flood(blaster, port, WARMUP_MILLIS);
            long firstCounted = awaitQuiet(udp);
            first.end(meter);
            Figures.note(String.format("udp first flood: %d sent, %d counted", firstSent, firstCounted));

            UiPhase second = UiPhase.begin("second flood, " + FLOOD_MILLIS + " ms", window.tick());
            ThreadCpu cpu = ThreadCpu.start();
            long start = System.nanoTime();
            long sent = flood(blaster, port, FLOOD_MILLIS);
            double seconds = (System.nanoTime() - start) / 1e9;
            Figures.note("cpu during the second flood: " + cpu.report());
            long counted = awaitQuiet(udp);
            second.end(meter);
            long socketDrops = KernelUdpStats.socketDrops(port) - socketDropsBefore;
            long rcvbuf = KernelUdpStats.rcvbufErrors() - rcvbufBefore;
            long backlog = KernelUdpStats.backlogDrops() - backlogBefore;
            int entries = Fx.call(() -> udp.traffic().log().entries().size());
            Fx.run(window::shutdown);

            long allSent = firstSent + sent;
            Figures.note(String.format("udp floods: %d sent (the second at %.0f/s), %d counted; the kernel dropped %d at"
                    + " the socket's full queue (machine-wide: %d RcvbufErrors, %d backlog drops); %d log entries",
                    allSent, sent / seconds, counted, socketDrops, rcvbuf, backlog, entries));
            if (counted == 0 || entries == 0) {
                throw new IllegalStateException("the tab received nothing: the bench measured no flood");
            }
            Figures.atMost("udp_loss_at_100k_pps", allSent - counted, 0,
                    "64-byte datagrams sent at 100,000/s (" + WARMUP_MILLIS / 1000.0 + " s, then " + FLOOD_MILLIS / 1000.0
                            + " s) minus those the tab's counters show, kernel drops included");
            if (!Bench.QUICK && sent / seconds < RATE * 0.9) {
                Figures.failAlso("udp_loss_at_100k_pps", "the blaster offered " + Math.round(sent / seconds)
                        + " datagrams a second, not " + RATE + ": the figure is not for the load it names");
            }
            UiPhase.report("udp_ui", meter, List.of(first, second), List.of(second),
                    "in the real UDP tab during both floods (the first, cold one included)");
        }
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

    /**
     * Waits, checking once per pulse, until the tab's datagram counter has not moved for
     * {@link #QUIET_MILLIS} (a quiet stretch is itself a span of wall time), and returns it.
     */
    private static long awaitQuiet(UdpViewModel udp) throws Exception {
        long[] last = {-1, System.nanoTime()};
        Fx.await("the datagram counter settles", 30_000, () -> {
            udp.traffic().counters().refresh();
            long now = udp.traffic().counters().rxMessagesProperty().get();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - last[1] > QUIET_MILLIS * 1_000_000L;
        });
        return last[0];
    }
}
