package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.TcpProbe;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 4: a file sent to all clients went at the pace of the slowest, silently, and a
 * send to a peer that stopped reading showed a non-zero rate forever. Now a send that stands still
 * for five seconds says whom it waits for, its recent rate falls to zero, and the client that does
 * not read can be skipped so the others get the rest.
 */
class FileSendStallTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("file-stall-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    @Test
    void aSendToAllNamesTheClientThatDoesNotReadAndSkippingItLetsTheOthersFinish() throws Exception {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                event -> {
                    if (!(event instanceof SessionEvent.SentToMany)) {
                        events.onEvent(event);
                    }
                }, new TrafficCounters(), loops.next());
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        byte[] content = new byte[48 << 20]; // far more than a stalled client's socket buffers hold
        new Random(4).nextBytes(content);
        Path file = Files.write(dir.resolve("firmware.bin"), content);

        try (TcpProbe reader = TcpProbe.connect(address); TcpProbe stuck = TcpProbe.connect(address)) {
            Await.until(() -> server.clientCount() == 2, TIMEOUT, "two clients");
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(reader, content.length));
            FileSenderTest.RecordingEnd end = new FileSenderTest.RecordingEnd();
            FileSender sender = FileSender.start(file, server.allClients(), FileSendOptions.stream(), end);
            assertTrue(sender.canSkip(), "a send to several can leave one out");

            FileSendProgress stalled = Await.value(sender::progress, FileSendProgress::stalled, TIMEOUT,
                    "the send stands still behind the client that does not read");
            assertEquals(List.of(stuck.localAddress()), stalled.waitingOn(), "it names that client");
            assertTrue(stalled.idleNanos() >= FileSender.STALL_NANOS);
            Await.until(() -> sender.progress().recentBytesPerSecond() == 0, TIMEOUT,
                    () -> "the rate falls to 0, not a stale average: " + sender.progress());
            assertTrue(sender.progress().bytesPerSecond() > 0, "the average stays for the record");
            assertTrue(sender.isRunning());

            sender.skip(stuck.localAddress());
            assertEquals(FileSender.Outcome.COMPLETED, end.await(), "the others get the rest");
            assertArrayEquals(content, received.get(30, TimeUnit.SECONDS), "every byte, in order");
            assertEquals(content.length, end.last.get().bytesSent());
            assertTrue(server.isOpen() && server.clientCount() == 2, "the slow client stays connected");
        }
    }

    @Test
    void aSendToOnePeerThatStopsReadingStallsAndNamesIt() throws Exception {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                events, new TrafficCounters(), loops.next());
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        Path file = Files.write(dir.resolve("big.bin"), new byte[32 << 20]);
        try (TcpProbe stuck = TcpProbe.connect(address)) {
            Await.until(() -> server.clientCount() == 1, TIMEOUT, "one client");
            FileSenderTest.RecordingEnd end = new FileSenderTest.RecordingEnd();
            FileSender sender = FileSender.start(file, server.clients(List.of(stuck.localAddress())),
                    FileSendOptions.stream(), end);
            FileSendProgress stalled = Await.value(sender::progress, FileSendProgress::stalled, TIMEOUT, "a stall");
            assertEquals(List.of(stuck.localAddress()), stalled.waitingOn());
            Await.until(() -> sender.progress().recentBytesPerSecond() == 0, TIMEOUT, () -> sender.progress().toString());
            sender.cancel();
            assertEquals(FileSender.Outcome.CANCELLED, end.await());
        }
    }

    private static byte[] readAll(TcpProbe probe, int length) {
        try {
            InputStream in = probe.socket().getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream(length);
            byte[] buffer = new byte[64 << 10];
            while (all.size() < length) {
                int n = in.read(buffer, 0, Math.min(buffer.length, length - all.size()));
                if (n < 0) {
                    break;
                }
                all.write(buffer, 0, n);
            }
            return all.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
