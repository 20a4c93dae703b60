package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.KeepAlive;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.tcp.TcpSocketSettings;
import io.socketdeck.testsupport.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A TLS 1.3 peer that asks for key update after key update (update_requested) and never reads.
 * Each one the engine decrypts owes the peer a KeyUpdate of ours, which the engine keeps, with its
 * new keys, until it is written; the socket takes nothing, so reading on would keep them all (some
 * 1.4 KB for each 27-byte record the peer sends). The connection instead stops reading while an
 * answer waits for the socket, as a peer that does not read stalls plain TCP: what we read is
 * bounded by the socket buffers, whatever the peer offers. It reads on once the peer reads, and
 * closes at once when asked meanwhile. Our server's clients and our client share the code: both
 * are tested.
 */
class TlsKeyUpdateFloodTest extends RealPeerTest {

    /** SO_SNDBUF and SO_RCVBUF on both sides (Linux doubles them). */
    private static final int SMALL_BUFFER = 16 << 10;
    /** Sent to the peer first: far more than its socket and ours hold, so ours stays full. */
    private static final int PAYLOAD = 256 << 10;
    /**
     * What we may read of a peer that stalls us: the handshake, the records of the read that met
     * the first answer we could not write, and the socket buffers between us (all that together
     * some 70 KB here), with room.
     */
    private static final long BOUND = 256 << 10;
    /** What the peer offers at most: some 20,000 key updates, which the engine kept, each, before. */
    private static final long OFFERED = 2 * BOUND;
    /** Key updates per write. */
    private static final int BATCH = 64;

    /** Which of our sessions the peer talks to. */
    enum Ours {
        SERVER, CLIENT
    }

    /** Our end of the connection with the peer, whichever session it is. */
    private record Connection(EnginePeer peer, SelectorLoop loop, TrafficCounters counters, SendToPeer send,
                              Runnable close) {
    }

    @FunctionalInterface
    private interface SendToPeer {
        void send(byte[] bytes);
    }

    @ParameterizedTest
    @EnumSource(Ours.class)
    void aPeerThatAsksForKeyUpdatesAndNeverReadsIsNotReadWithoutBound(Ours ours) throws Exception {
        RecordingListener events = new RecordingListener();
        Connection connection = stalled(ours, events);

        Flood flood = flood(connection);
        long read = connection.counters().wireRxBytes();
        assertTrue(read <= BOUND, () -> "we read " + read + " bytes of a peer that wrote " + flood.written()
                + " and read nothing: the engine decrypted key updates we could not answer");
        assertTrue(flood.written() < OFFERED, () -> "the peer could write all it offered (" + flood.written() + " bytes)");

        // The peer reads at last, on: the payload, then our answers to the key updates read meanwhile,
        // then a last word of ours. What it sent after its key updates arrives: nothing was lost.
        CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return connection.peer().read(PAYLOAD + 3);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        connection.peer().write(flood.unsent(), connection.peer().records(ascii("after")));
        Await.until(() -> new String(events.bytes(Direction.RX), StandardCharsets.US_ASCII).equals("after"), TIMEOUT,
                () -> "received \"after\"; events " + events.events());
        connection.send().send(ascii("end"));
        byte[] all = reading.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals("end", new String(all, PAYLOAD, 3, StandardCharsets.US_ASCII));
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }

    /** Not reading is no hang: the user's close ends the connection at once, and says so. */
    @ParameterizedTest
    @EnumSource(Ours.class)
    void aConnectionStalledSoClosesAtOnceWhenAsked(Ours ours) throws Exception {
        RecordingListener events = new RecordingListener();
        Connection connection = stalled(ours, events);
        long written = flood(connection).written();
        assertTrue(written < OFFERED, () -> "we read on: the peer wrote all " + written + " bytes it offered");

        connection.close().run();
        SessionEvent.Disconnected gone = events.await(SessionEvent.Disconnected.class);
        assertEquals(ours == Ours.SERVER ? CloseReason.KICKED : CloseReason.LOCAL, gone.reason());
        if (ours == Ours.SERVER) {
            // The loop it shares with the server's other clients serves them.
            EnginePeer next = closeLater(EnginePeer.connect(serverPort(events), CA.certificate(), "TLSv1.3", 0));
            next.handshake();
            next.write(next.records(ascii("next")));
            Await.until(() -> new String(events.bytes(Direction.RX), StandardCharsets.US_ASCII).equals("next"),
                    TIMEOUT, () -> "received \"next\"; events " + events.events());
        }
    }

    private static int serverPort(RecordingListener events) {
        return events.await(SessionEvent.Opened.class).local().getPort();
    }

    /**
     * A TLS 1.3 peer, handshaken with {@code ours}, small buffers on both sides, and a payload
     * from us that the peer does not read: our socket is full from now on.
     */
    private Connection stalled(Ours ours, RecordingListener events) throws IOException {
        TrafficCounters counters = new TrafficCounters();
        TcpSocketSettings small = new TcpSocketSettings(true, KeepAlive.DEFAULT,
                SocketOptionSet.SYSTEM.withSendBuffer(SMALL_BUFFER).withReceiveBuffer(SMALL_BUFFER));
        Connection connection;
        if (ours == Ours.SERVER) {
            TcpServerSession server = new TcpServerSession(
                    TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0).withSocketSettings(small),
                    events, counters, group.next(), TlsTransports.server(TlsServerConfig.of(LEAF)));
            closeLater(server::close);
            server.start();
            events.await(SessionEvent.Opened.class);
            EnginePeer peer = closeLater(EnginePeer.connect(server.localAddress().getPort(), CA.certificate(),
                    "TLSv1.3", SMALL_BUFFER, SMALL_BUFFER));
            List<InetSocketAddress> it = List.of(peer.localAddress());
            connection = new Connection(peer, server.loop(), counters, bytes -> server.sendTo(it, bytes),
                    () -> server.disconnect(it));
        } else {
            ServerSocketChannel listener = closeLater(ServerSocketChannel.open());
            listener.setOption(StandardSocketOptions.SO_RCVBUF, SMALL_BUFFER);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            TcpClientSession client = client(trustingCa(),
                    TcpClientOptions.of("127.0.0.1", port).withSocketSettings(small), events, counters);
            EnginePeer peer = closeLater(EnginePeer.accept(listener, LEAF, "TLSv1.3", SMALL_BUFFER));
            connection = new Connection(peer, client.loop(), counters, client::send, client::close);
        }
        connection.peer().handshake();
        events.await(SessionEvent.Secured.class);
        connection.send().send(new byte[PAYLOAD]);
        return connection;
    }

    /**
     * What a flood wrote, and the rest of the key updates the peer made: its keys have moved on past
     * them, so they go before anything else it sends.
     */
    private record Flood(long written, byte[] unsent) {
    }

    /**
     * Writes key updates until {@link #OFFERED}, or until we stop reading them: the peer's socket
     * is full, and still is after turns of our loop that read nothing.
     */
    private static Flood flood(Connection connection) throws Exception {
        EnginePeer peer = connection.peer();
        long written = 0;
        ByteBuffer pending = ByteBuffer.allocate(0);
        while (written < OFFERED) {
            if (!pending.hasRemaining()) {
                pending = ByteBuffer.wrap(keyUpdates(peer));
            }
            int now = peer.writeNow(pending);
            if (now == 0 && readNothing(connection)) {
                now = peer.writeNow(pending);
                if (now == 0) {
                    break;
                }
            }
            written += now;
        }
        byte[] unsent = new byte[pending.remaining()];
        pending.get(unsent);
        return new Flood(written, unsent);
    }

    private static byte[] keyUpdates(EnginePeer peer) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int i = 0; i < BATCH; i++) {
            records.write(peer.keyUpdate());
        }
        return records.toByteArray();
    }

    /**
     * True when our loop read nothing on its next turns. It reads every readable socket it
     * watches before it runs a task, and the peer's full socket has bytes waiting: a loop that
     * still reads reads on each of these turns.
     */
    private static boolean readNothing(Connection connection) throws Exception {
        long before = wireReadOnLoop(connection);
        for (int turn = 0; turn < 3; turn++) {
            if (wireReadOnLoop(connection) != before) {
                return false;
            }
        }
        return true;
    }

    /** The wire bytes read, counted on a turn of our loop, after the sockets it found ready were handled. */
    private static long wireReadOnLoop(Connection connection) throws Exception {
        CompletableFuture<Long> read = new CompletableFuture<>();
        connection.loop().execute(() -> read.complete(connection.counters().wireRxBytes()));
        return read.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
