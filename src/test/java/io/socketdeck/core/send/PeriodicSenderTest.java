package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.PeriodicSender.StopReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicSenderTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final byte[] TICK = "tick\n".getBytes(StandardCharsets.US_ASCII);

    private final RecordingListener events = new RecordingListener();
    private final TrafficCounters counters = new TrafficCounters();
    private final Recorder recorder = new Recorder();
    private TcpClientSession session;
    private Thread worker;

    /**
     * Records what the sender reports. It is called on the loop thread, where what it threw would
     * be caught and logged, never reach the test: it only records, and the test checks on its own
     * thread ({@link #assertStoppedOnce()}).
     */
    static final class Recorder implements PeriodicSender.Listener {
        final List<long[]> sends = new CopyOnWriteArrayList<>();
        final AtomicReference<StopReason> stopped = new AtomicReference<>();
        final List<StopReason> stops = new CopyOnWriteArrayList<>();
        volatile long sentAtStop = -1;

        @Override
        public void sent(long sequence, long dueNanos, long sentNanos) {
            sends.add(new long[] {sequence, dueNanos, sentNanos});
        }

        @Override
        public void stopped(StopReason reason, long sent) {
            sentAtStop = sent;
            stops.add(reason);
            stopped.compareAndSet(null, reason);
        }

        StopReason awaitStopped() {
            return Await.value(stopped::get, reason -> reason != null, TIMEOUT, "the periodic sender to stop");
        }

        /**
         * The end was reported exactly once. Checked once nothing more can come: after the loop
         * that calls the listener has ended (a second report comes from the target's close, say).
         */
        void assertStoppedOnce() {
            assertEquals(1, stops.size(), () -> "stopped is reported once: " + stops);
        }
    }

    private TcpClientSession connect(EchoPeer peer) {
        session = new TcpClientSession(TcpClientOptions.of(peer.address().getAddress().getHostAddress(), peer.port()),
                events, counters);
        worker = new Thread(session::run, "periodic-test-session");
        worker.setDaemon(true);
        worker.start();
        events.await(SessionEvent.Connected.class);
        return session;
    }

    @AfterEach
    void closeSession() throws InterruptedException {
        if (session != null) {
            session.close();
            worker.join(TIMEOUT.toMillis());
            assertFalse(worker.isAlive(), "the session's loop ended");
            if (recorder.stopped.get() != null) { // the tests that only check the arguments never start one
                recorder.assertStoppedOnce(); // the loop is gone: nothing else can be reported
            }
        }
    }

    @Test
    void aCountOfNGivesExactlyNSendsToARealPeer() throws Exception {
        int n = 250;
        try (EchoPeer peer = EchoPeers.tcp()) {
            connect(peer);
            PeriodicSender sender = PeriodicSender.start(session, TICK, Duration.ofMillis(1), n, recorder);

            assertEquals(StopReason.COMPLETED, recorder.awaitStopped());
            assertEquals(n, recorder.sentAtStop);
            assertEquals(n, sender.sentCount());
            assertFalse(sender.isRunning());
            events.awaitBytes(Direction.RX, n * TICK.length);

            // A marker sent after the stop comes back right behind the n ticks: nothing more was sent.
            byte[] marker = "END".getBytes(StandardCharsets.US_ASCII);
            assertTrue(session.send(marker));
            byte[] echoed = events.awaitBytes(Direction.RX, n * TICK.length + marker.length);
            assertEquals(n * TICK.length + marker.length, echoed.length);
            assertEquals("tick\n".repeat(n) + "END", new String(echoed, StandardCharsets.US_ASCII));
            assertEquals(n + 1, counters.txMessages());
        }
    }

    @Test
    void sendsAreDueAtAFixedRateFromTheStartAndNeverEarly() throws Exception {
        long interval = Duration.ofMillis(20).toNanos();
        try (EchoPeer peer = EchoPeers.tcp()) {
            connect(peer);
            PeriodicSender.start(session, TICK, Duration.ofNanos(interval), 30, recorder);
            assertEquals(StopReason.COMPLETED, recorder.awaitStopped());
        }
        List<long[]> sends = recorder.sends;
        assertEquals(30, sends.size());
        long[] lateness = new long[sends.size()];
        boolean caughtUp = false;
        for (int k = 0; k < sends.size(); k++) {
            long[] send = sends.get(k);
            assertEquals(k, send[0]);
            assertTrue(send[2] >= send[1], "send " + k + " went out before it was due");
            lateness[k] = send[2] - send[1];
            if (k == 0) {
                continue;
            }
            long onSchedule = sends.get(k - 1)[1] + interval;
            if (send[1] != onSchedule) {
                // The documented exception: more than MAX_CATCH_UP behind (a machine that stopped
                // the loop for over a second), the schedule restarts from the send itself.
                assertTrue(send[1] == send[2] && send[2] - onSchedule > PeriodicSender.MAX_CATCH_UP,
                        "send " + k + " due at start + k * interval (no drift), or, over "
                                + PeriodicSender.MAX_CATCH_UP / 1_000_000 + " ms behind, restarted then: due "
                                + send[1] + ", sent " + send[2] + ", on schedule " + onSchedule);
            }
            caughtUp |= lateness[k] < lateness[k - 1];
        }
        // Lateness does not accumulate. A sender that timed each send from the one before it (its
        // due times still right) adds each send's own delay to the next: every send at least as
        // late as the one before it, on an idle machine as on a busy one. One that times to the
        // due time is late by whatever each wake-up took, or, after a stall, sends the overdue
        // ones back to back, each less late than the one before: some send is less late than its
        // predecessor, however the machine is loaded (29 wake-ups each later than the last, by
        // chance: 1 in 29!).
        assertTrue(caughtUp, "each send at least as late as the one before: lateness accumulates; in µs: "
                + Arrays.toString(Arrays.stream(lateness).map(n -> n / 1000).toArray()));
    }

    @Test
    void stopEndsTheSendsAtOnce() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connect(peer);
            PeriodicSender sender = PeriodicSender.start(session, TICK, Duration.ofMillis(2),
                    PeriodicSender.UNLIMITED, recorder);
            Await.until(() -> sender.sentCount() >= 5, TIMEOUT, "five sends");
            sender.stop();
            assertEquals(StopReason.STOPPED, recorder.awaitStopped());
            long sent = recorder.sentAtStop;
            byte[] marker = "END".getBytes(StandardCharsets.US_ASCII);
            assertTrue(session.send(marker));
            byte[] echoed = events.awaitBytes(Direction.RX, (int) sent * TICK.length + marker.length);
            assertEquals("tick\n".repeat((int) sent) + "END", new String(echoed, StandardCharsets.US_ASCII));
            assertEquals(sent, sender.sentCount());
        }
    }

    @Test
    void stopsWhenTheConnectionCloses() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connect(peer);
            PeriodicSender sender = PeriodicSender.start(session, TICK, Duration.ofSeconds(30),
                    PeriodicSender.UNLIMITED, recorder);
            Await.until(() -> sender.sentCount() == 1, TIMEOUT, "the first send, at once");
            session.close();
            assertEquals(StopReason.TARGET_CLOSED, recorder.awaitStopped(), "without waiting 30 s for the next tick");
        }
    }

    @Test
    void startingOnAnEndedSessionStopsAtOnce() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connect(peer);
            session.close();
            worker.join(TIMEOUT.toMillis());
            PeriodicSender sender = PeriodicSender.start(session, TICK, Duration.ofMillis(1), 10, recorder);
            assertEquals(StopReason.TARGET_CLOSED, recorder.stopped.get(), "reported before start returns");
            assertEquals(0, sender.sentCount());
        }
    }

    @Test
    void rejectsIntervalsUnderOneMillisecondAndEmptyPayloads() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            connect(peer);
            assertThrows(IllegalArgumentException.class,
                    () -> PeriodicSender.start(session, TICK, Duration.ofNanos(999_999), 1, recorder));
            assertThrows(IllegalArgumentException.class,
                    () -> PeriodicSender.start(session, new byte[0], Duration.ofMillis(1), 1, recorder));
            assertThrows(IllegalArgumentException.class,
                    () -> PeriodicSender.start(session, TICK, Duration.ofMillis(1), -1, recorder));
        }
    }
}
