package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.testsupport.Await;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A peer whose close_notify has more bytes behind it in the same segment. Nothing after the alert
 * counts (RFC 8446 6.1, RFC 5246 7.2.1: data after a closure alert is ignored): the bytes before
 * it are received, the peer's end is told, and the loop goes on serving the server's other clients.
 */
class TlsBytesAfterCloseNotifyTest extends RealPeerTest {

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void bytesAfterThePeersCloseNotifyAreIgnoredAndItsEndIsTold(String protocol) throws Exception {
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(TlsServerConfig.of(LEAF), events);
        int port = server.localAddress().getPort();
        EnginePeer closing = closeLater(EnginePeer.connect(port, CA.certificate(), protocol, 0));
        closing.handshake();
        events.await(SessionEvent.Secured.class);

        // One write, so one read on our side finds all three: a record, the alert, a stray byte.
        closing.write(closing.records(ascii("last words")), closing.closeNotify(), new byte[] {'!'});
        events.await(SessionEvent.PeerFinished.class);
        awaitReceived(events, "last words");

        // The server's clients share its loop: a loop still busy with the first one serves no other.
        EnginePeer next = closeLater(EnginePeer.connect(port, CA.certificate(), protocol, 0));
        next.handshake();
        next.write(next.records(ascii(" and more")));
        awaitReceived(events, "last words and more");
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
