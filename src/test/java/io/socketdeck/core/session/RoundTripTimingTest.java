package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.core.udp.UdpTarget;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Round trips measured on the I/O thread, against real loopback peers: the message completing
 * after our send carries how long it took, measured up to the end of its frame; nothing else does.
 */
class RoundTripTimingTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("round-trip-test"));
    private final RecordingListener events = new RecordingListener();
    private final TrafficCounters counters = new TrafficCounters();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private List<SessionEvent.Data> received() {
        return events.all(SessionEvent.Data.class).stream().filter(data -> data.direction() == Direction.RX).toList();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aDeviceAnswerCarriesItsRoundTripUpToTheEndOfItsFrame() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of(LOOPBACK.getHostAddress(),
                    listener.getLocalPort()), events, counters, loops.next());
            client.setFraming(new Framing.Delimiter(ascii("\n"), true));
            client.start();
            try (Socket device = Blocking.accept(listener)) {
                OutputStream out = device.getOutputStream();
                out.write(ascii("HELLO\n")); // unasked: no round trip
                Await.until(() -> received().size() == 1, TIMEOUT, "the greeting");
                client.send(ascii("AT\n"));
                InputStream in = device.getInputStream();
                in.readNBytes(3);
                out.write(ascii("O"));
                out.flush();
                // Half an answer is no answer yet: the round trip ends with its frame.
                Await.until(() -> counters.rxBytes() == 7, TIMEOUT, "the O read");
                assertEquals(1, received().size(), "no row for half a line");
                out.write(ascii("K\n"));
                Await.until(() -> received().size() == 2, TIMEOUT, "the answer");
                out.write(ascii("+EXTRA\n")); // a second message answers nothing
                Await.until(() -> received().size() == 3, TIMEOUT, "the extra line");
                List<SessionEvent.Data> rx = received();
                assertEquals(RoundTrips.NONE, rx.get(0).roundTripNanos());
                assertTrue(rx.get(1).roundTripNanos() > 0, "the answer: " + rx.get(1));
                assertTrue(rx.get(1).roundTripNanos() < TIMEOUT.toNanos(), "within the wait");
                assertEquals(RoundTrips.NONE, rx.get(2).roundTripNanos());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void onTheServerEachClientsAnswerPairsWithTheSendToThatClient() throws Exception {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), events, counters,
                loops.next());
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe asked = TcpProbe.connect(address); TcpProbe other = TcpProbe.connect(address)) {
            Await.until(() -> events.all(SessionEvent.Connected.class).size() == 2, TIMEOUT, "two clients");
            server.sendTo(List.of(asked.localAddress()), ascii("STATUS?"));
            asked.readExactly(7, TIMEOUT);
            other.send(ascii("chatter")); // not asked: no round trip, and it does not take the answer's place
            Await.until(() -> received().size() == 1, TIMEOUT, "the chatter");
            asked.send(ascii("OK"));
            Await.until(() -> received().size() == 2, TIMEOUT, "the answer");
            assertEquals(RoundTrips.NONE, received().get(0).roundTripNanos(), "chatter: " + received().get(0));
            assertTrue(received().get(1).roundTripNanos() > 0, "the asked client's answer: " + received().get(1));
        }
    }

    @Test
    void aUdpReplyFromTheTargetCarriesItsRoundTrip() throws Exception {
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), events, new TrafficCounters(), loops.next());
        udp.start();
        InetSocketAddress local = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe device = UdpProbe.bind(); UdpProbe stranger = UdpProbe.bind()) {
            stranger.send(ascii("noise"), local);
            Await.until(() -> received().size() == 1, TIMEOUT, "the stranger's datagram");
            udp.send(ascii("PING"), UdpTarget.of(device.address()));
            UdpProbe.Datagram ping = device.receive(TIMEOUT);
            device.send(ascii("PONG"), ping.sender());
            Await.until(() -> received().size() == 2, TIMEOUT, "the reply");
            assertEquals(RoundTrips.NONE, received().get(0).roundTripNanos(), "nobody was asked");
            assertTrue(received().get(1).roundTripNanos() > 0, "the reply: " + received().get(1));
        } finally {
            udp.close();
        }
    }
}
