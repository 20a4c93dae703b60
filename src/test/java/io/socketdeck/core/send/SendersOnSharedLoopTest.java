package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.send.FileSender.Outcome;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeat and file sends learn that their session ended although its loop goes on serving another
 * session: with a 30 s interval or delay they would otherwise wait for a timer that means nothing.
 */
class SendersOnSharedLoopTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final Duration LONG_AFTER_THE_TEST = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("senders-shared-loop-test"));

    /** What the senders report, on the loop thread: checked here, once the loop has ended. */
    private final PeriodicSenderTest.Recorder periodic = new PeriodicSenderTest.Recorder();
    private final PeriodicSenderTest.Recorder others = new PeriodicSenderTest.Recorder();
    private final List<Outcome> fileEnds = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeGroup() throws InterruptedException {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
        // The loop is gone: nothing more can be reported. A second end (the session's close
        // telling a sender already ended, say) would show here.
        periodic.assertStoppedOnce();
        others.assertStoppedOnce();
        assertEquals(List.of(Outcome.TARGET_CLOSED), fileEnds, "the file send's end, told once");
    }

    private TcpClientSession connect(EchoPeer peer, RecordingListener events) {
        TcpClientSession session = new TcpClientSession(
                TcpClientOptions.of(peer.address().getAddress().getHostAddress(), peer.port()), events,
                new TrafficCounters(), group.next());
        session.start();
        events.await(SessionEvent.Connected.class);
        return session;
    }

    @Test
    void repeatAndFileSendsEndWithTheirSessionWhileTheOtherSessionOnTheLoopGoesOn() throws Exception {
        try (EchoPeer firstPeer = EchoPeers.tcp(); EchoPeer secondPeer = EchoPeers.tcp()) {
            RecordingListener closingEvents = new RecordingListener();
            RecordingListener stayingEvents = new RecordingListener();
            TcpClientSession closing = connect(firstPeer, closingEvents);
            TcpClientSession staying = connect(secondPeer, stayingEvents);
            assertTrue(closing.loop() == staying.loop(), "one loop for both");

            PeriodicSender repeat = PeriodicSender.start(closing, "tick".getBytes(StandardCharsets.US_ASCII),
                    LONG_AFTER_THE_TEST, PeriodicSender.UNLIMITED, periodic);
            Path file = Files.write(dir.resolve("slow.bin"), new byte[64]);
            FileSender slowFile = FileSender.start(file, closing, new FileSendOptions(16, LONG_AFTER_THE_TEST, 1),
                    new FileSender.Listener() {
                        @Override
                        public void finished(Outcome outcome, FileSendProgress last, Throwable cause) {
                            fileEnds.add(outcome); // on the loop thread: what it threw would never reach the test
                        }
                    });
            PeriodicSender othersRepeat = PeriodicSender.start(staying, "beat".getBytes(StandardCharsets.US_ASCII),
                    Duration.ofMillis(5), PeriodicSender.UNLIMITED, others);
            // The first tick and the first chunk come back; the next are 30 s away.
            closingEvents.awaitBytes(Direction.RX, 4 + 16);
            assertEquals(1, repeat.sentCount());
            assertTrue(slowFile.isRunning());

            closing.close();

            assertEquals(StopReason.TARGET_CLOSED, periodic.awaitStopped());
            assertEquals(Outcome.TARGET_CLOSED,
                    Await.value(() -> fileEnds.isEmpty() ? null : fileEnds.get(0), o -> o != null, TIMEOUT,
                            "the file send to end"));
            closingEvents.awaitClosed();

            long beatsAtClose = othersRepeat.sentCount();
            Await.until(() -> othersRepeat.sentCount() > beatsAtClose + 3, TIMEOUT, "the other repeat goes on");
            othersRepeat.stop();
            assertEquals(StopReason.STOPPED, others.awaitStopped());
            long beats = others.sentAtStop;
            byte[] marker = "END".getBytes(StandardCharsets.US_ASCII);
            assertTrue(staying.send(marker));
            byte[] echoed = stayingEvents.awaitBytes(Direction.RX, (int) beats * 4 + marker.length);
            assertArrayEquals(("beat".repeat((int) beats) + "END").getBytes(StandardCharsets.US_ASCII), echoed,
                    "the other session still sends and receives, every byte in order");
            assertTrue(staying.isOpen());
        }
    }
}
