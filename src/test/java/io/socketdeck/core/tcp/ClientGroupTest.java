package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.TcpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tracked group (a repeat or a file send to all clients) and the clients that come and go
 * while it runs. Real loopback clients on one loop; the group is used on the loop thread, as its
 * session's target uses it.
 */
class ClientGroupTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("client-group-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void tearDown() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    /**
     * The audit's churn: each client gets one send of a repeat to all, reads it and resets. The
     * group used to keep every client that had gone (300 gone, 300 held with their connections);
     * it follows only those still there, and the client that stays gets every send.
     */
    @Test
    void aRepeatToAllLetsGoOfClientsThatLeftAndStillReachesThoseThatStay() throws Exception {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                events, new TrafficCounters(), loops.next());
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        ClientGroup all = onLoop(server, () -> server.trackedGroup(null));
        long stayingId;
        try (TcpProbe staying = TcpProbe.connect(address)) {
            stayingId = connected(staying);
            int churn = 300;
            for (int i = 0; i < churn; i++) {
                byte[] tick = ("tick " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                try (TcpProbe passing = TcpProbe.connect(address)) {
                    long id = connected(passing);
                    assertTrue(send(server, all, tick), "send " + i + " written");
                    assertEquals(2, (int) onLoop(server, all::tracked),
                            "after send " + i + ": the client that stays and the one passing, no more");
                    assertArrayEquals(tick, passing.readExactly(tick.length, TIMEOUT));
                    assertArrayEquals(tick, staying.readExactly(tick.length, TIMEOUT), "the client that stays, send " + i);
                    passing.close(true);
                    events.await(SessionEvent.Disconnected.class, gone -> gone.connection() == id);
                }
            }
            staying.close(true);
        }
        events.await(SessionEvent.Disconnected.class, gone -> gone.connection() == stayingId);
        assertFalse(send(server, all, "to nobody".getBytes(StandardCharsets.US_ASCII)), "nobody is left to write it");
        assertEquals(0, (int) onLoop(server, all::tracked), "every client has gone: the group holds none");
        assertEquals(0, server.clientCount());
    }

    /** Waits for the server's Connected of {@code probe}; its connection id. */
    private long connected(TcpProbe probe) {
        return events.await(SessionEvent.Connected.class, c -> c.remote().equals(probe.localAddress())).connection();
    }

    /** One send through {@code group} on the loop, as a repeat's tick makes it; whether it was written. */
    private static boolean send(TcpServerSession server, ClientGroup group, byte[] bytes) throws Exception {
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        server.loop().execute(() -> group.send(bytes, written::complete));
        return written.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static <T> T onLoop(TcpServerSession server, Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        server.loop().execute(() -> result.complete(work.get()));
        return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
