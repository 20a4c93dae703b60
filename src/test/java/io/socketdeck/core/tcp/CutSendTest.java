package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.session.Unsent;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.TcpProbe;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A send the peer cuts off: it reads part of it, then resets. Every byte handed to the system is
 * counted, as it is handed over, not only once the whole send went; real loopback peers.
 */
class CutSendTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** More than loopback's socket buffers hold, so the reset finds most of it still waiting. */
    private static final int BIG = 64 << 20;
    private static final int READ_BEFORE_RESET = 2 << 20;

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("cut-send-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void tearDown() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    /** The audit's case: the peer read 2 MiB of a 64 MiB send and reset; TX said 0 bytes, 0 messages. */
    @Test
    void theBytesOfASendCutByAResetAreCounted() throws Exception {
        try (ServerSocket device = new ServerSocket(0, 1, LOOPBACK)) {
            TrafficCounters counters = new TrafficCounters();
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.getLocalPort()),
                    events, counters, loops.next());
            client.start();
            events.await(SessionEvent.Connected.class);
            try (Socket peer = device.accept()) {
                CompletableFuture<Boolean> written = new CompletableFuture<>();
                client.send(new byte[BIG], written::complete);
                long read = readThenReset(peer, READ_BEFORE_RESET);
                assertEquals(CloseReason.RESET, events.await(SessionEvent.Disconnected.class).reason());
                assertEquals(false, written.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the send was not written whole");
                long counted = counters.txBytes();
                assertTrue(counted >= read, "every byte the peer read was counted as sent: " + counted + " < " + read);
                assertTrue(counted < BIG, "and not the bytes that never went: " + counted);
                assertEquals(0, counters.txMessages(), "a send cut off is no message sent");
            }
        }
    }

    /**
     * A server's client: TX grows while the send is under way (the client read 2 MiB, nothing was
     * written whole yet), for the server and for the client's own row, and stays what went out
     * once the client reset.
     */
    @Test
    void aServersClientCountsTheBytesItTookAsItTakesThem() throws Exception {
        TrafficCounters counters = new TrafficCounters();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), events, counters,
                loops.next());
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe peer = TcpProbe.connect(address)) {
            events.await(SessionEvent.Connected.class);
            ServerClient row = Await.value(() -> server.clientList().clients(), list -> list.size() == 1, TIMEOUT,
                    "the client listed").get(0);
            server.sendTo(List.of(peer.localAddress()), new byte[BIG]);
            long read = peer.readExactly(READ_BEFORE_RESET, TIMEOUT).length;
            Await.until(() -> counters.txBytes() >= read && row.txBytes() >= read, TIMEOUT,
                    () -> "TX counts what the client read while the send goes on: " + counters.txBytes());
            assertEquals(0, counters.txMessages(), "not written whole yet");
            long total = read + readThenReset(peer.socket(), READ_BEFORE_RESET);
            events.await(SessionEvent.Disconnected.class);
            assertTrue(counters.txBytes() >= total && counters.txBytes() < BIG, "server TX " + counters.txBytes()
                    + " for " + total + " read");
            assertEquals(counters.txBytes(), row.txBytes(), "the client's own count is the server's");
            assertEquals(0, row.counters().txMessages());
            Unsent unsent = events.await(SessionEvent.Disconnected.class).unsent();
            assertEquals(new Unsent(1, BIG - counters.txBytes(), counters.txBytes(), BIG), unsent);
        }
    }

    /**
     * The end says, once, what it cut off: the send under way (how far it went, its length) and
     * those waiting behind it, with their bytes; the counted bytes and the unsent ones make up
     * every byte sent.
     */
    @Test
    void theResetSaysWhatItCutOffAndWhatWasNotSent() throws Exception {
        try (ServerSocket device = new ServerSocket(0, 1, LOOPBACK)) {
            TrafficCounters counters = new TrafficCounters();
            // Room behind the big send: a client's queue takes nothing more behind 16 MiB by default.
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.getLocalPort())
                    .withSendQueue(new SendQueueLimits(1L << 30, 1_000)), events, counters, loops.next());
            client.start();
            events.await(SessionEvent.Connected.class);
            try (Socket peer = device.accept()) {
                byte[][] behind = {"first".getBytes(StandardCharsets.US_ASCII), new byte[700],
                    "third".getBytes(StandardCharsets.US_ASCII)};
                CompletableFuture<Void> queued = new CompletableFuture<>();
                client.loop().execute(() -> { // on the loop: all four wait before the peer reads any
                    client.send(new byte[BIG], SendTarget.SendCompletion.IGNORE);
                    for (byte[] send : behind) {
                        client.send(send, SendTarget.SendCompletion.IGNORE);
                    }
                    queued.complete(null);
                });
                queued.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                readThenReset(peer, READ_BEFORE_RESET);
                SessionEvent.Disconnected end = events.await(SessionEvent.Disconnected.class);
                long went = counters.txBytes();
                long all = BIG + behind[0].length + behind[1].length + behind[2].length;
                assertEquals(new Unsent(4, all - went, went, BIG), end.unsent());
                assertEquals(1, events.all(SessionEvent.Disconnected.class).size(), "said once");
            }
        }
    }

    /** Reads at least {@code atLeast} bytes, then closes with an RST; how many it read. */
    private static long readThenReset(Socket peer, long atLeast) throws IOException {
        InputStream in = peer.getInputStream();
        byte[] buffer = new byte[64 << 10];
        long read = 0;
        while (read < atLeast) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read += n;
        }
        peer.setSoLinger(true, 0);
        peer.close();
        return read;
    }
}
