package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.session.Direction;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our server's first flight does not fit in the socket (a large certificate, small buffers, a
 * client that does not read yet), and the client has already sent more than its hello. The
 * engine takes no more input before its flight is made, so decrypting must wait for the socket,
 * not ask again and again: the loop serves other clients meanwhile, and the handshake ends once
 * the client reads.
 */
class TlsFullSocketHandshakeTest extends RealPeerTest {

    /** Some 24 KB of names: a flight several times what the small buffers below hold, under the JDK's 32 KB per message. */
    private static final KeyMaterial LARGE = CA.issue(names(1000));
    /** Asked for both buffers; Linux doubles it and keeps a floor of a few KB. */
    private static final int SMALL_BUFFER = 1024;

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
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0)
                .withSocketSettings(new TcpSocketSettings(true, KeepAlive.DEFAULT,
                        SocketOptionSet.SYSTEM.withSendBuffer(SMALL_BUFFER))),
                events, counters, group.next(), TlsTransports.server(TlsServerConfig.of(LARGE)));
        closeLater(server::close);
        server.start();
        events.await(SessionEvent.Opened.class);
        int port = server.localAddress().getPort();

        EnginePeer stalled = closeLater(EnginePeer.connect(port, CA.certificate(), protocol, SMALL_BUFFER));
        byte ahead = (byte) Integer.decode(next).intValue();
        byte[] hello = stalled.hello();
        stalled.write(hello, new byte[] {ahead});
        stalled.sentAhead(ahead);
        // The counters move when a read returns: a loop still inside it never gets there.
        Await.until(() -> counters.wireRxBytes() == hello.length + 1 && counters.wireTxBytes() > 0, TIMEOUT,
                () -> "the server's read of the hello and its byte returned, with part of its flight written; "
                        + counters.wireRxBytes() + " bytes read, " + counters.wireTxBytes() + " written");
        int certificate = LARGE.certificate().getEncoded().length;
        assertTrue(counters.wireTxBytes() < certificate,
                () -> "the socket took the whole flight (" + counters.wireTxBytes() + " bytes): nothing tested");

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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void awaitReceived(RecordingListener events, String expected) {
        Await.until(() -> new String(events.bytes(Direction.RX), StandardCharsets.US_ASCII).equals(expected), TIMEOUT,
                () -> "received \"" + expected + "\"; events " + events.events());
    }
}
