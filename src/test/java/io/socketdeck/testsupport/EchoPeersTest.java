package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EchoPeersTest {

    private static final Duration T = Duration.ofSeconds(5);

    @Test
    void tcpEchoRoundTrip() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp(); TcpProbe probe = TcpProbe.connect(peer.address())) {
            String expected = EchoPeers.usesPython() ? "python3 tcp_echo.py" : "java echo";
            assertEquals(expected, peer.description());
            assertEquals("127.0.0.1", peer.address().getAddress().getHostAddress());
            assertTrue(peer.port() > 0);
            probe.send("hello 网络调试助手");
            assertEquals("hello 网络调试助手", probe.readUtf8("hello 网络调试助手", T));
        }
    }

    @Test
    void javaEchoServesSeveralClientsAndLargePayloads() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(42).nextBytes(big);
        try (JavaEchoServer server = new JavaEchoServer();
                TcpProbe a = TcpProbe.connect(server.address());
                TcpProbe b = TcpProbe.connect(server.address())) {
            server.awaitClients(2, T);
            assertEquals(2, server.acceptedCount());
            a.send("from a");
            b.send("from b");
            assertEquals("from b", b.readUtf8("from b", T));
            assertEquals("from a", a.readUtf8("from a", T));
            // the write fits the socket buffers only because the server echoes concurrently
            Thread writer = new Thread(() -> {
                try {
                    a.send(big);
                } catch (Exception ignored) {
                    // the read below fails then
                }
            });
            writer.setDaemon(true);
            writer.start();
            assertArrayEquals(big, a.readExactly(big.length, T));
            writer.join(5_000);
        }
    }

    @Test
    void javaEchoOnIpv6Loopback() throws Exception {
        try (JavaEchoServer server = new JavaEchoServer("::1"); TcpProbe p = TcpProbe.connect(server.address())) {
            assertEquals("0:0:0:0:0:0:0:1", server.address().getAddress().getHostAddress());
            p.send(new byte[] {0, 1, 2, (byte) 0xff});
            assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, p.readExactly(4, T));
        }
    }

    @Test
    void javaEchoClosedRefusesNewConnections() throws Exception {
        InetSocketAddress address;
        try (JavaEchoServer server = new JavaEchoServer()) {
            address = server.address();
        }
        assertThrows(ConnectException.class, () -> TcpProbe.connect(address).close());
    }

    @Test
    void nonLoopbackHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JavaEchoServer("0.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> EchoPeers.tcp("example.com"));
    }

    @Test
    void readAvailableReturnsWhatArrived() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp(); TcpProbe probe = TcpProbe.connect(peer.address())) {
            assertEquals(0, probe.readAvailable(Duration.ofMillis(50)).length);
            probe.send("abc");
            StringBuilder got = new StringBuilder();
            Await.until(() -> {
                try {
                    got.append(new String(probe.readAvailable(Duration.ofMillis(100)), StandardCharsets.UTF_8));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return got.length() >= 3;
            }, T, () -> "echo of abc, got " + got);
            assertEquals("abc", got.toString());
        }
    }
}
