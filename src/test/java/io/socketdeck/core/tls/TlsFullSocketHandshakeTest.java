package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.KeepAlive;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.tcp.TcpSocketSettings;
import io.socketdeck.testsupport.Await;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our server's first flight does not fit in the socket (a large certificate, small buffers, a
 * client that does not read yet), and the client has already sent more than its hello. The
 * engine takes no more input before its flight is made, so decrypting must wait for the socket,
 * not ask again and again: the loop serves other clients meanwhile, and the handshake ends once
 * the client reads.
 */
class TlsFullSocketHandshakeTest extends RealPeerTest {

    /** Some 24 KB of names: a flight larger than the buffers below hold, under the JDK's 32 KB per message. */
    private static final KeyMaterial LARGE = CA.issue(names(1000));
    /** Our server's SO_SNDBUF: Linux makes it some 2 KB. */
    private static final int SEND_BUFFER = 1024;
    /**
     * The client's SO_RCVBUF, which Linux doubles: small enough that the flight does not fit,
     * not so small that the window, once the client reads, reopens only by zero-window probes
     * (at 1 KB the last of the flight trickled in over some 10 s, past the handshake timeout).
     */
    private static final int RECEIVE_BUFFER = 8192;

    private static String[] names(int padding) {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1"));
        for (int i = 0; i < padding; i++) {
            names.add("name-" + i + ".padding.test");
        }
        return names.toArray(String[]::new);
    }

    /**
     * {@code next}: the first byte of the client's second flight (TLS 1.2 a handshake record, the
     * JDK's TLS 1.3 client first a change_cipher_spec for middleboxes), sent with the hello so
     * that input waits behind the flight and the handshake can still succeed.
     */
    @ParameterizedTest
    @CsvSource({"TLSv1.3, 0x14", "TLSv1.2, 0x16"})
    void aFlightTheSocketCannotTakeYetWaitsForItWithoutHoldingTheLoop(String protocol, String next) throws Exception {
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        int port = server(TlsServerConfig.of(LARGE), events, counters);

        EnginePeer stalled = closeLater(EnginePeer.connect(port, CA.certificate(), protocol, RECEIVE_BUFFER));
        byte ahead = (byte) Integer.decode(next).intValue();
        byte[] hello = stalled.hello();
        stalled.write(hello, new byte[] {ahead});
        stalled.sentAhead(ahead);
        // The counters move when a read returns: a loop still inside it never gets there.
        Await.until(() -> counters.wireRxBytes() == hello.length + 1 && counters.wireTxBytes() > 0, TIMEOUT,
                () -> "the server's read of the hello and its byte returned, with part of its flight written; "
                        + counters.wireRxBytes() + " bytes read, " + counters.wireTxBytes() + " written");
        assertFlightDidNotFit(counters);

        // The server's clients share its loop: while the first waits, the next one is served.
        EnginePeer other = closeLater(EnginePeer.connect(port, CA.certificate(), protocol, 0));
        other.handshake();
        other.write(other.records(ascii("second ")));
        awaitReceived(events, "second ");

        // The first client reads at last: the rest of the flight goes, and its handshake ends.
        stalled.handshake();
        stalled.write(stalled.records(ascii("first")));
        awaitReceived(events, "second first");
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }

    /**
     * What the client sends behind its hello is decrypted at once, not kept until our flight is
     * out: a record the engine refuses ends the connection now. Kept instead, it would wait for
     * the handshake timeout (set far beyond the test's), and a client that keeps sending without
     * reading would pile up bytes nobody looks at.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void whatFollowsTheHelloIsDecryptedWhileTheFlightWaits(String protocol) throws Exception {
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        int port = server(TlsServerConfig.of(LARGE).withHandshakeTimeout(Duration.ofMinutes(5)), events, counters);

        EnginePeer stalled = closeLater(EnginePeer.connect(port, CA.certificate(), protocol, RECEIVE_BUFFER));
        // Application data (type 23) in the clear: before the handshake's end no engine takes it.
        byte[] early = {23, 3, 3, 0, 5, 'e', 'a', 'r', 'l', 'y'};
        stalled.write(stalled.hello(), early);

        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertNotEquals(FailureKind.TLS_HANDSHAKE_TIMEOUT, failure.kind(), () -> events.events().toString());
        assertFlightDidNotFit(counters);
    }

    /** A large certificate, a small send buffer and a client that does not read: the flight waits. */
    private int server(TlsServerConfig config, RecordingListener events, TrafficCounters counters) {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0)
                .withSocketSettings(new TcpSocketSettings(true, KeepAlive.DEFAULT,
                        SocketOptionSet.SYSTEM.withSendBuffer(SEND_BUFFER))),
                events, counters, group.next(), TlsTransports.server(config));
        closeLater(server::close);
        server.start();
        events.await(SessionEvent.Opened.class);
        return server.localAddress().getPort();
    }

    /** Otherwise the flight went out whole, and nothing waited on a full socket. */
    private static void assertFlightDidNotFit(TrafficCounters counters) throws Exception {
        int certificate = LARGE.certificate().getEncoded().length;
        assertTrue(counters.wireTxBytes() < certificate,
                () -> "the socket took the whole flight (" + counters.wireTxBytes() + " bytes): nothing tested");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void awaitReceived(RecordingListener events, String expected) {
        Await.until(() -> new String(events.bytes(Direction.RX), StandardCharsets.US_ASCII).equals(expected), TIMEOUT,
                () -> "received \"" + expected + "\"; events " + events.events());
    }
}
