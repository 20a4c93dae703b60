package io.socketdeck.core.respond;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Echo on every kind of session, against real loopback peers: each message goes back unchanged
 * to its sender, marked automatic, counted; and two echoes answering each other stop themselves.
 */
class EchoTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup loops = new LoopGroup(2, LoopGroup.daemonThreads("echo-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code events} first, then the responder, as a tab chains them; echo on. */
    private static Responder echoingInto(RecordingListener events) {
        Responder responder = new Responder(events);
        responder.setEcho(true);
        return responder;
    }

    private static SessionListener chain(RecordingListener events, Responder responder) {
        return SessionListener.all(List.of(events, responder));
    }

    @Test
    void theServerEchoesEachFrameToTheClientThatSentIt() throws Exception {
        Responder responder = echoingInto(events);
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), chain(events, responder),
                new TrafficCounters(), loops.next());
        server.setFraming(new Framing.Delimiter(ascii("\n"), true));
        responder.answerThrough(server);
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe one = TcpProbe.connect(address); TcpProbe two = TcpProbe.connect(address)) {
            one.send(ascii("AT\nAT+GMR\n"));
            two.send(ascii("PING\n"));
            assertEquals("AT\nAT+GMR\n", one.readUtf8("AT\nAT+GMR\n", TIMEOUT));
            assertEquals("PING\n", two.readUtf8("PING\n", TIMEOUT));
        }
        // A send is reported just after the socket took it: the client may have read it before.
        Await.until(() -> sent().size() == 3, TIMEOUT, () -> "one answer per frame: " + sent());
        List<SessionEvent.Data> sent = sent();
        assertTrue(sent.stream().allMatch(SessionEvent.Data::automatic), "marked automatic");
    }

    private List<SessionEvent.Data> sent() {
        return events.all(SessionEvent.Data.class).stream().filter(data -> data.direction() == Direction.TX).toList();
    }

    @Test
    void theClientEchoesWhatTheServerSends() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            Responder responder = echoingInto(events);
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of(LOOPBACK.getHostAddress(),
                    listener.getLocalPort()), chain(events, responder), new TrafficCounters(), loops.next());
            responder.answerThrough(client);
            client.start();
            try (Socket device = Blocking.accept(listener)) {
                device.getOutputStream().write(ascii("READY"));
                InputStream in = device.getInputStream();
                assertArrayEquals(ascii("READY"), in.readNBytes(5));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aUdpSocketEchoesEachDatagramToItsSender() throws Exception {
        Responder responder = echoingInto(events);
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), chain(events, responder), new TrafficCounters(),
                loops.next());
        responder.answerThrough(udp);
        udp.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe sender = UdpProbe.bind()) {
            sender.send(ascii("01 03"), address);
            UdpProbe.Datagram echoed = sender.receive(TIMEOUT);
            assertArrayEquals(ascii("01 03"), echoed.bytes());
        } finally {
            udp.close();
        }
    }

    @Test
    void twoEchoesAnsweringEachOtherArePausedWithAnEvent() {
        RecordingListener serverEvents = new RecordingListener();
        Responder serverEcho = echoingInto(serverEvents);
        TrafficCounters serverCounters = new TrafficCounters();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0),
                chain(serverEvents, serverEcho), serverCounters, loops.next());
        serverEcho.answerThrough(server);
        server.start();
        InetSocketAddress address = serverEvents.await(SessionEvent.Opened.class).local();

        Responder clientEcho = echoingInto(events);
        TrafficCounters clientCounters = new TrafficCounters();
        TcpClientSession client = new TcpClientSession(TcpClientOptions.of(LOOPBACK.getHostAddress(),
                address.getPort()), chain(events, clientEcho), clientCounters, loops.next());
        clientEcho.answerThrough(client);
        client.start();
        events.await(SessionEvent.Connected.class);
        client.send(ascii("ping")); // typed once; from here the two echoes answer each other

        RecordingListener paused = Await.value(() -> !events.all(SessionEvent.Failure.class).isEmpty() ? events
                : !serverEvents.all(SessionEvent.Failure.class).isEmpty() ? serverEvents : null,
                java.util.Objects::nonNull, Duration.ofSeconds(60), "a loop event on either side");
        SessionEvent.Failure loop = paused.all(SessionEvent.Failure.class).get(0);
        assertEquals(FailureKind.REPLY_LOOP, loop.kind());
        // The ping-pong ends: everything either side sent arrives, and the side that paused sent
        // nothing after saying so (its answer would follow the event on its own I/O thread).
        Await.until(() -> clientCounters.txBytes() == serverCounters.rxBytes()
                && serverCounters.txBytes() == clientCounters.rxBytes(), TIMEOUT, "the last answers arrived");
        List<SessionEvent> after = paused.events().subList(paused.events().indexOf(loop), paused.events().size());
        assertTrue(after.stream().noneMatch(e -> e instanceof SessionEvent.Data data && data.direction() == Direction.TX),
                "no answer after the pause: " + after);
        assertTrue(clientCounters.txBytes() >= 4L * Responder.LOOP_RUN, "a loop's run before the guard stepped in");
        client.close();
    }
}
