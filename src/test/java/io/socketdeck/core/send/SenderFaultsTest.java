package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.UdpProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 10: an Error on the loop (seen: a NoClassDefFoundError when file descriptors ran out
 * while classes were still loading) must end what it hit with its cause named, never leave it
 * looking alive. The loop survived such an Error already, and a session ended with a Failure; a
 * repeat or file send whose own step threw was only logged by the loop, and the window showed it
 * running forever. A real UDP target whose third send throws.
 */
class SenderFaultsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Passes sends to a real datagram target, and throws {@code error} on send number {@code at}. */
    private static SendTarget throwingAt(SendTarget inner, int at, Error error) {
        AtomicInteger sends = new AtomicInteger();
        return new SendTarget() {
            @Override
            public SelectorLoop loop() {
                return inner.loop();
            }

            @Override
            public boolean isOpen() {
                return inner.isOpen();
            }

            @Override
            public void send(byte[] bytes, SendCompletion done) {
                if (sends.incrementAndGet() == at) {
                    throw error;
                }
                inner.send(bytes, done);
            }
        };
    }

    @Test
    void anErrorInARepeatEndsItWithTheCauseNamed() throws Exception {
        try (UdpProbe peer = UdpProbe.bind(); DatagramChannelTarget udp = new DatagramChannelTarget(peer.address())) {
            AtomicReference<PeriodicSender.StopReason> stopped = new AtomicReference<>();
            PeriodicSender repeat = PeriodicSender.start(throwingAt(udp, 3,
                    new NoClassDefFoundError("io/socketdeck/core/send/Next (Too many open files)")),
                    new byte[] {1}, Duration.ofMillis(1), PeriodicSender.UNLIMITED, new PeriodicSender.Listener() {
                        @Override
                        public void stopped(PeriodicSender.StopReason reason, long sent) {
                            stopped.set(reason);
                        }
                    });
            assertEquals(PeriodicSender.StopReason.FAILED,
                    Await.value(stopped::get, r -> r != null, TIMEOUT, "the repeat to end, not hang"));
            assertFalse(repeat.isRunning());
            assertEquals("java.lang.NoClassDefFoundError: io/socketdeck/core/send/Next (Too many open files)",
                    repeat.failure());
            assertTrue(udp.isOpen(), "the loop and the target go on");
        }
    }

    @Test
    void anErrorInAFileSendEndsItWithTheCauseNamed() throws Exception {
        Path file = Files.write(dir.resolve("data.bin"), new byte[10_000]);
        try (UdpProbe peer = UdpProbe.bind(); DatagramChannelTarget udp = new DatagramChannelTarget(peer.address())) {
            FileSenderTest.RecordingEnd end = new FileSenderTest.RecordingEnd();
            AtomicReference<Throwable> cause = new AtomicReference<>();
            FileSender sender = FileSender.start(file, throwingAt(udp, 3, new LinkageError("half-loaded")),
                    FileSendOptions.datagrams(1_000, Duration.ZERO), new FileSender.Listener() {
                        @Override
                        public void finished(FileSender.Outcome outcome, FileSendProgress last, Throwable why) {
                            cause.set(why);
                            end.finished(outcome, last, why);
                        }
                    });
            assertEquals(FileSender.Outcome.FAILED, end.await());
            assertEquals("java.lang.LinkageError: half-loaded", Faults.describe(cause.get()));
            assertFalse(sender.isRunning());
            assertTrue(udp.isOpen());
        }
    }
}
