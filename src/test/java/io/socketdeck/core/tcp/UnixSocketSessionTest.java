package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PeerProcess;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unix domain stream sockets, client and server, against socat and python3 as real peers. */
class UnixSocketSessionTest {

    private static final String PYTHON_ECHO_SERVER = String.join("\n",
            "import os, socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
            "s.bind(sys.argv[1]); s.listen(1)",
            "print('listening', flush=True)",
            "c, _ = s.accept()",
            "while True:",
            "    d = c.recv(4096)",
            "    if not d: break",
            "    c.sendall(d.upper())",
            "c.close(); s.close(); os.unlink(sys.argv[1])");

    private static final String PYTHON_CLIENT = String.join("\n",
            "import socket, sys",
            "c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
            "c.connect(sys.argv[1])",
            "c.sendall(b'from python\\n')",
            "print('got', c.recv(100).decode(), flush=True)",
            "c.close()");

    @TempDir
    Path dir;

    private final RecordingListener events = new RecordingListener();
    private final TrafficCounters counters = new TrafficCounters();
    private Running running;

    /** Runs a session on a thread of its own until the test ends. */
    private record Running(io.socketdeck.core.session.Session session, Thread thread) {
    }

    private void run(io.socketdeck.core.session.AbstractLoopSession session) {
        Thread thread = new Thread(session::run, "unix-session");
        thread.setDaemon(true);
        thread.start();
        running = new Running(session, thread);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.session().close();
            running.thread().join(RecordingListener.TIMEOUT.toMillis());
            assertFalse(running.thread().isAlive());
        }
    }

    @Test
    void clientTalksToSocatUnixListen() throws Exception {
        PeerProcess.assumeInstalled("socat", "socat");
        Path path = dir.resolve("socat.sock");
        try (PeerProcess socat = PeerProcess.start(dir, List.of("socat", "UNIX-LISTEN:" + path, "EXEC:cat"))) {
            Await.until(() -> UnixSockets.isSocket(path), PeerProcess.TIMEOUT, () -> "socat listens: " + socat);
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("unix:" + path, 0), events, counters);
            run(client);
            SessionEvent.Connected connected = events.await(SessionEvent.Connected.class);
            assertEquals("unix:" + path, Addresses.format(connected.remote()), "the peer reads as its path");
            assertTrue(client.send("hello unix\n".getBytes(StandardCharsets.UTF_8)));
            assertArrayEquals("hello unix\n".getBytes(StandardCharsets.UTF_8), events.awaitBytes(Direction.RX, 11));
            SessionEvent.Data rx = events.await(SessionEvent.Data.class, d -> d.direction() == Direction.RX);
            assertEquals("unix:" + path, Addresses.format(rx.peer()));
            assertEquals(11, counters.rxBytes());
            assertEquals(11, counters.txBytes());
        }
    }

    @Test
    void clientTalksToAPythonServer() throws Exception {
        Path path = dir.resolve("py.sock");
        try (PeerProcess python = PeerProcess.start(dir, List.of("python3", "-c", PYTHON_ECHO_SERVER, path.toString()))) {
            python.await("listening");
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("unix:" + path, 0), events, counters);
            run(client);
            events.await(SessionEvent.Connected.class);
            client.send("shout".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("SHOUT".getBytes(StandardCharsets.UTF_8), events.awaitBytes(Direction.RX, 5));
        }
    }

    @Test
    void aMissingSocketIsAFailureEvent() {
        Path path = dir.resolve("nobody.sock");
        run(new TcpClientSession(TcpClientOptions.of("unix:" + path, 0), events, counters));
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals("unix:" + path, Addresses.format(failure.peer()));
        assertEquals(CloseReason.ERROR, events.awaitClosed().reason());
    }

    private TcpServerSession listen(Path path) {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                events, counters).listenOn(path);
        run(server);
        SessionEvent.Opened opened = events.await(SessionEvent.Opened.class);
        assertEquals("unix:" + path, Addresses.format(opened.local()));
        return server;
    }

    @Test
    void serverTalksToSocatUnixConnectAndRemovesItsFileOnStop() throws Exception {
        PeerProcess.assumeInstalled("socat", "socat");
        Path path = dir.resolve("server.sock");
        TcpServerSession server = listen(path);
        assertTrue(UnixSockets.isSocket(path));
        try (PeerProcess socat = PeerProcess.start(dir, List.of("socat", "-", "UNIX-CONNECT:" + path))) {
            SessionEvent.Connected connected = events.await(SessionEvent.Connected.class);
            String name = Addresses.format(connected.remote());
            assertTrue(name.matches("unix:" + java.util.regex.Pattern.quote(path.toString()) + "#\\d+"), name);
            socat.type("hi from socat\n");
            assertArrayEquals("hi from socat\n".getBytes(StandardCharsets.UTF_8), events.awaitBytes(Direction.RX, 14));
            assertTrue(server.sendToAll("hello socat\n".getBytes(StandardCharsets.UTF_8)));
            socat.await("hello socat");
        }
        running.session().close();
        assertEquals(CloseReason.LOCAL, events.awaitClosed().reason());
        assertFalse(Files.exists(path), "the socket file is removed on stop");
    }

    @Test
    void serverTalksToAPythonClientAndTwoClientsKeepApart() throws Exception {
        PeerProcess.assumeInstalled("socat", "socat");
        Path path = dir.resolve("two.sock");
        TcpServerSession server = listen(path);
        try (PeerProcess first = PeerProcess.start(dir, List.of("socat", "-", "UNIX-CONNECT:" + path))) {
            events.await(SessionEvent.Connected.class);
            try (PeerProcess python = PeerProcess.start(dir, List.of("python3", "-c", PYTHON_CLIENT, path.toString()))) {
                Await.until(() -> events.all(SessionEvent.Connected.class).size() == 2, RecordingListener.TIMEOUT,
                        "two clients");
                Await.until(() -> server.clientCount() == 2 || events.all(SessionEvent.Data.class).size() > 0,
                        RecordingListener.TIMEOUT, "the python client spoke");
                SessionEvent.Data said = events.await(SessionEvent.Data.class, d -> d.direction() == Direction.RX);
                assertEquals("from python\n", new String(said.bytes(), StandardCharsets.UTF_8));
                List<SessionEvent.Connected> both = events.all(SessionEvent.Connected.class);
                assertFalse(both.get(0).remote().equals(both.get(1).remote()), "each client has its own name");
                server.sendToAll("welcome".getBytes(StandardCharsets.UTF_8));
                python.await("got welcome");
                first.await("welcome"); // a send to all reaches the socat client too
            }
        }
    }

    @Test
    void aStaleSocketFileIsReplacedButALiveOneIsInUse() throws Exception {
        Path path = dir.resolve("stale.sock");
        // A socket file nobody listens on, as a crash leaves it.
        try (var stale = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stale.bind(java.net.UnixDomainSocketAddress.of(path));
        }
        assertTrue(UnixSockets.isSocket(path));
        listen(path);
        RecordingListener second = new RecordingListener();
        TcpServerSession other = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                second, new TrafficCounters()).listenOn(path);
        Thread thread = new Thread(other::run, "unix-second");
        thread.setDaemon(true);
        thread.start();
        SessionEvent.Failure failure = second.await(SessionEvent.Failure.class);
        assertEquals(io.socketdeck.core.session.FailureKind.PORT_IN_USE, failure.kind(), failure.detail());
        second.awaitClosed();
        thread.join(RecordingListener.TIMEOUT.toMillis());
        assertTrue(UnixSockets.isSocket(path), "the live server's file stays");
    }
}
