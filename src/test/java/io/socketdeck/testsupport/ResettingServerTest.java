package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResettingServerTest {

    private static final Duration T = Duration.ofSeconds(5);

    @Test
    void resetAllMakesClientReadFailWithConnectionReset() throws Exception {
        try (ResettingServer server = new ResettingServer(); TcpProbe probe = TcpProbe.connect(server.address())) {
            server.awaitAccepted(1, T);
            assertEquals(1, server.resetAll());
            SocketException e = assertThrows(SocketException.class, () -> probe.readExactly(1, T));
            assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
            assertTrue(probe.wasResetByPeer());
        }
    }

    @Test
    void resetWhileServerReaderIsBlockedStillSendsRst() throws Exception {
        try (ResettingServer server = new ResettingServer(); TcpProbe probe = TcpProbe.connect(server.address())) {
            probe.send("ping");
            byte[] got = Await.value(() -> server.acceptedCount() > 0 ? server.received(0) : new byte[0],
                    b -> b.length == 4, T, "bytes received by the server");
            assertEquals("ping", new String(got, StandardCharsets.UTF_8));
            server.resetAll();
            assertTrue(probe.awaitClosedByPeer(T));
            assertTrue(probe.wasResetByPeer(), "RST, not FIN");
        }
    }

    @Test
    void resetNextResetsOnlyTheOldest() throws Exception {
        try (ResettingServer server = new ResettingServer();
                TcpProbe first = TcpProbe.connect(server.address());
                TcpProbe second = TcpProbe.connect(server.address())) {
            server.awaitAccepted(2, T);
            server.resetNext();
            assertTrue(first.awaitClosedByPeer(T));
            assertTrue(first.wasResetByPeer());
            // Still open: what the second client sends now reaches the server's reader of that
            // connection, which a reset or closed socket would have stopped.
            second.send("still here");
            Await.until(() -> "still here".equals(new String(server.received(1), StandardCharsets.UTF_8)), T,
                    () -> "the second connection still read by the server: got \""
                            + new String(server.received(1), StandardCharsets.UTF_8) + "\"");
            server.resetNext();
            assertTrue(second.awaitClosedByPeer(T));
            assertTrue(second.wasResetByPeer());
        }
    }

    @Test
    void awaitReadEndedReturnsAllTheClientSentOnceItClosed() throws Exception {
        try (ResettingServer server = new ResettingServer()) {
            TcpProbe probe = TcpProbe.connect(server.address());
            probe.send("all ");
            probe.send("of it");
            probe.close();
            assertEquals("all of it", new String(server.awaitReadEnded(0, T), StandardCharsets.UTF_8));
        }
    }

    @Test
    void sendThenResetDeliversDataThenReset() throws Exception {
        try (ResettingServer server = new ResettingServer(); TcpProbe probe = TcpProbe.connect(server.address())) {
            byte[] goodbye = "bye".getBytes(StandardCharsets.US_ASCII);
            assertEquals(1, server.sendThenReset(goodbye));
            assertArrayEquals(goodbye, probe.readExactly(3, T));
            SocketException e = assertThrows(SocketException.class, () -> probe.readExactly(1, T));
            assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
        }
    }

    @Test
    void closeGracefullySendsFin() throws Exception {
        try (ResettingServer server = new ResettingServer(); TcpProbe probe = TcpProbe.connect(server.address())) {
            probe.send("unread by anyone but the server's drain");
            server.awaitAccepted(1, T);
            assertEquals(1, server.closeGracefully());
            assertThrows(EOFException.class, () -> probe.readExactly(1, T));
            assertTrue(probe.awaitClosedByPeer(T));
            assertFalse(probe.wasResetByPeer());
        }
    }
}
