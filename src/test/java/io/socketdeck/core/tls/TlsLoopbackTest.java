package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our TLS client against our TLS server, on one loop each: handshake, both ways, and refusals. */
class TlsLoopbackTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final KeyMaterial LOCALHOST = SelfSigned.generate(List.of("localhost", "127.0.0.1"),
            SelfSigned.ONE_YEAR);

    private final LoopGroup group = new LoopGroup(2, LoopGroup.daemonThreads("tls-loopback-test"));

    @AfterEach
    void closeGroup() throws InterruptedException {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
    }

    private TcpServerSession server(TlsServerConfig config, RecordingListener events) {
        return server(config, events, new TrafficCounters());
    }

    private TcpServerSession server(TlsServerConfig config, RecordingListener events, TrafficCounters counters) {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0), events,
                counters, group.next(), TlsTransports.server(config));
        server.start();
        events.await(SessionEvent.Opened.class);
        return server;
    }

    private TcpClientSession client(TlsClientConfig config, int port, RecordingListener events,
                                    TrafficCounters counters) {
        TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", port), events, counters,
                group.next(), TlsTransports.client(config, "127.0.0.1", port));
        client.start();
        return client;
    }

    @Test
    void aVerifiedHandshakeCarriesBytesBothWaysAndCountsTheWireApart() throws Exception {
        RecordingListener serverEvents = new RecordingListener();
        TcpServerSession server = server(TlsServerConfig.of(LOCALHOST).withAlpn(List.of("mqtt")), serverEvents);
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        TcpClientSession client = client(TlsClientConfig.verified().withAuthorities(LOCALHOST.chain())
                .withAlpn(List.of("mqtt")), server.localAddress().getPort(), events, counters);

        TlsHandshake agreed = events.await(SessionEvent.Secured.class).handshake();
        assertEquals("TLSv1.3", agreed.protocol());
        assertEquals("mqtt", agreed.alpn());
        assertEquals(TlsHandshake.Trust.VERIFIED, agreed.trustedBy());
        assertEquals(LOCALHOST.describe().sha256(), agreed.peerChain().get(0).sha256());
        serverEvents.await(SessionEvent.Secured.class);

        byte[] big = new byte[3 << 20];
        new Random(13).nextBytes(big);
        assertTrue(client.send("温度 hello".getBytes(StandardCharsets.UTF_8)));
        assertTrue(client.send(big));
        int total = "温度 hello".getBytes(StandardCharsets.UTF_8).length + big.length;
        byte[] got = serverEvents.awaitBytes(Direction.RX, total);
        assertArrayEquals(big, java.util.Arrays.copyOfRange(got, total - big.length, total));
        assertTrue(server.sendToAll(big));
        assertArrayEquals(big, events.awaitBytes(Direction.RX, big.length));
        assertEquals(big.length, counters.rxBytes());
        assertTrue(counters.wireRxBytes() > big.length, "records and the handshake cost more on the wire");
        client.close();
        events.awaitClosed();
        server.close();
        serverEvents.awaitClosed();
    }

    /**
     * What the end that closes wrote, the other read, to the byte, once both have ended: the
     * handshake, the records, and the close_notify its close writes last. Both ends count the wire
     * the same way, so their figures side by side add up.
     */
    @ParameterizedTest
    @CsvSource({"TLSv1.3, client", "TLSv1.3, server", "TLSv1.2, client", "TLSv1.2, server"})
    void theWireBytesOfTheEndThatClosesAreTheOtherEndsWithItsCloseNotify(String protocol, String closing) {
        RecordingListener serverEvents = new RecordingListener();
        TrafficCounters serverCounters = new TrafficCounters();
        TcpServerSession server = server(TlsServerConfig.of(LOCALHOST).withProtocols(List.of(protocol)), serverEvents,
                serverCounters);
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        TcpClientSession client = client(TlsClientConfig.verified().withAuthorities(LOCALHOST.chain()),
                server.localAddress().getPort(), events, counters);
        events.await(SessionEvent.Secured.class);
        InetSocketAddress clientAddress = serverEvents.await(SessionEvent.Secured.class).remote();
        assertTrue(client.send(ascii("hello")));
        serverEvents.awaitBytes(Direction.RX, 5);
        assertTrue(server.sendToAll(ascii("hi")));
        events.awaitBytes(Direction.RX, 2);

        if (closing.equals("client")) {
            client.close();
            events.awaitClosed();
            serverEvents.await(SessionEvent.PeerFinished.class); // the close_notify read: the end of its stream
            assertEquals(counters.wireTxBytes(), serverCounters.wireRxBytes(),
                    "the client's wire bytes sent, its close_notify included, are the server's received");
        } else {
            server.disconnect(List.of(clientAddress));
            serverEvents.await(SessionEvent.Disconnected.class);
            events.await(SessionEvent.PeerFinished.class);
            assertEquals(serverCounters.wireTxBytes(), counters.wireRxBytes(),
                    "the server's wire bytes sent, its close_notify included, are the client's received");
        }
        client.close();
        server.close();
        serverEvents.awaitClosed();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aSelfSignedServerIsRefusedAsUnknownIssuerThenTrustedOncePinned() {
        RecordingListener serverEvents = new RecordingListener();
        TcpServerSession server = server(TlsServerConfig.of(LOCALHOST), serverEvents);
        int port = server.localAddress().getPort();

        RecordingListener refused = new RecordingListener();
        client(TlsClientConfig.verified(), port, refused, new TrafficCounters());
        SessionEvent.Failure failure = refused.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.TLS_UNKNOWN_ISSUER, failure.kind());
        assertEquals(LOCALHOST.describe().sha256(), failure.peerChain().get(0).sha256());
        refused.awaitClosed();

        RecordingListener pinned = new RecordingListener();
        client(TlsClientConfig.verified().withPins(Set.of(failure.peerChain().get(0).sha256())), port, pinned,
                new TrafficCounters());
        assertEquals(TlsHandshake.Trust.PINNED, pinned.await(SessionEvent.Secured.class).handshake().trustedBy());
        server.close();
    }

    @Test
    void aCertificateForAnotherNameIsAHostnameMismatchNamingWhatItHas() {
        KeyMaterial other = SelfSigned.generate(List.of("device.example"), SelfSigned.ONE_YEAR);
        TcpServerSession server = server(TlsServerConfig.of(other), new RecordingListener());
        RecordingListener events = new RecordingListener();
        client(TlsClientConfig.verified().withAuthorities(other.chain()), server.localAddress().getPort(), events,
                new TrafficCounters());
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.TLS_HOSTNAME_MISMATCH, failure.kind());
        assertTrue(io.socketdeck.core.text.EventTexts.failure(failure).contains("device.example"),
                io.socketdeck.core.text.EventTexts.failure(failure));
        server.close();
    }
}
