package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.TcpProbe;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener that greets on Connected, as an auto-reply or a banner does: the greeting must go out,
 * because Connected is only emitted once the connection can send.
 */
class GreetingOnConnectedTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final byte[] HELLO = "220 hello\r\n".getBytes(StandardCharsets.US_ASCII);

    private final List<Session> sessions = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();

    private void run(Session session) {
        Thread worker = new Thread(session::run, "greeting-test");
        worker.setDaemon(true);
        worker.start();
        sessions.add(session);
        workers.add(worker);
    }

    @AfterEach
    void stop() throws InterruptedException {
        sessions.forEach(Session::close);
        for (Thread worker : workers) {
            worker.join(TIMEOUT.toMillis());
        }
    }

    @Test
    void aServerGreetsEachClientFromInsideConnected() throws Exception {
        RecordingListener events = new RecordingListener();
        List<Boolean> outcomes = new CopyOnWriteArrayList<>();
        AtomicReference<TcpServerSession> self = new AtomicReference<>();
        SessionListener greeter = event -> {
            events.onEvent(event);
            if (event instanceof SessionEvent.Connected connected) {
                // On the loop thread, the send is made at once: the client must already be able to send.
                self.get().clients(List.of(connected.remote())).send(HELLO.clone(), outcomes::add);
            }
        };
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                greeter, new TrafficCounters());
        self.set(server);
        run(server);
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();

        try (TcpProbe first = TcpProbe.connect(address); TcpProbe second = TcpProbe.connect(address)) {
            assertArrayEquals(HELLO, first.readExactly(HELLO.length, TIMEOUT));
            assertArrayEquals(HELLO, second.readExactly(HELLO.length, TIMEOUT));
            Await.until(() -> outcomes.size() == 2, TIMEOUT, "both greetings completed");
            assertEquals(List.of(true, true), outcomes);
            assertEquals(2, server.clientCount());
            assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
            assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty());
        }
    }

    @Test
    void aClientGreetsTheServerFromInsideConnected() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout((int) TIMEOUT.toMillis());
            RecordingListener events = new RecordingListener();
            AtomicReference<TcpClientSession> self = new AtomicReference<>();
            List<Boolean> outcomes = new CopyOnWriteArrayList<>();
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", peer.getLocalPort()),
                    event -> {
                        events.onEvent(event);
                        if (event instanceof SessionEvent.Connected) {
                            ((SendTarget) self.get()).send(HELLO.clone(), outcomes::add);
                        }
                    }, new TrafficCounters());
            self.set(client);
            run(client);
            try (Socket accepted = peer.accept()) {
                accepted.setSoTimeout((int) TIMEOUT.toMillis());
                InputStream in = accepted.getInputStream();
                assertArrayEquals(HELLO, in.readNBytes(HELLO.length));
            }
            Await.until(() -> outcomes.size() == 1, TIMEOUT, "the greeting completed");
            assertEquals(List.of(true), outcomes);
        }
    }
}
