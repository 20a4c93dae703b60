package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client connecting from a local address and port it was given (a device that checks the source port). */
class TcpClientLocalAddressTest {

    private final RecordingListener events = new RecordingListener();
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
    void connectsFromTheGivenLocalPortAndThePeerSeesIt() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 5, loopback)) {
            int localPort = freePort(loopback);
            start(TcpClientOptions.of("127.0.0.1", server.getLocalPort())
                    .withLocalAddress(new InetSocketAddress(loopback, localPort)));
            try (Socket accepted = server.accept()) {
                assertEquals(localPort, accepted.getPort(), "the server sees the port we connected from");
            }
            SessionEvent.Connected connected = events.await(SessionEvent.Connected.class);
            assertEquals(localPort, connected.local().getPort());
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
