package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client connecting from a local address and port it was given (a device that checks the source port). */
class TcpClientLocalAddressTest {

    /** How many free ports a test tries when the one it was given was taken before it was used. */
    private static final int PORT_ATTEMPTS = 5;

    private RecordingListener events = new RecordingListener();
    private TcpClientSession session;
    private Thread worker;

    private void start(TcpClientOptions options) {
        session = new TcpClientSession(options, events, new TrafficCounters());
        worker = new Thread(session::run, "test-session");
        worker.setDaemon(true);
        worker.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (session != null) {
            session.close();
            worker.join(RecordingListener.TIMEOUT.toMillis());
            assertFalse(worker.isAlive(), "the session's thread ends after close");
        }
    }

    @Test
    void connectsFromTheGivenLocalPortAndThePeerSeesIt() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 5, loopback)) {
            // A port free a moment ago may be someone else's by the time the session binds it:
            // then another, as a user would.
            for (int attempt = 1; ; attempt++) {
                int localPort = freePort(loopback);
                events = new RecordingListener();
                start(TcpClientOptions.of("127.0.0.1", server.getLocalPort())
                        .withLocalAddress(new InetSocketAddress(loopback, localPort)));
                SessionEvent outcome = Await.value(() -> events.events().stream()
                                .filter(e -> e instanceof SessionEvent.Connected || e instanceof SessionEvent.Failure)
                                .findFirst().orElse(null),
                        found -> found != null, RecordingListener.TIMEOUT, () -> "connected or failed: " + events.events());
                if (outcome instanceof SessionEvent.Failure failure && failure.kind() == FailureKind.PORT_IN_USE
                        && attempt < PORT_ATTEMPTS) {
                    stop();
                    session = null;
                    continue;
                }
                SessionEvent.Connected connected = assertInstanceOf(SessionEvent.Connected.class, outcome);
                assertEquals(localPort, connected.local().getPort());
                try (Socket accepted = Blocking.accept(server)) {
                    assertEquals(localPort, accepted.getPort(), "the server sees the port we connected from");
                }
                return;
            }
        }
    }

    @Test
    void aLocalPortInUseIsReportedAsSuchAndEndsTheSession() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket target = new ServerSocket(0, 5, loopback);
             ServerSocket taken = new ServerSocket(0, 5, loopback)) {
            start(TcpClientOptions.of("127.0.0.1", target.getLocalPort())
                    .withLocalAddress(new InetSocketAddress(loopback, taken.getLocalPort())));
            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.PORT_IN_USE, failure.kind(), failure::toString);
            assertEquals(CloseReason.ERROR, events.awaitClosed().reason());
        }
    }

    /** A port the system just handed out and took back: free, as far as anyone can tell. */
    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }
}
