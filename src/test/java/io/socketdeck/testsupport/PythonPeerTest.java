package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonPeerTest {

    private static final Duration T = Duration.ofSeconds(5);

    @BeforeAll
    static void needsPython() {
        assumeTrue(PythonPeer.available(), "python3 not available");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void tcpEchoRoundTripWithSeveralClients(String host) throws Exception {
        try (PythonPeer peer = PythonPeer.tcpEcho(host);
                TcpProbe a = TcpProbe.connect(peer.address());
                TcpProbe b = TcpProbe.connect(peer.address())) {
            assertEquals("python3 tcp_echo.py", peer.description());
            assertEquals(InetAddress.getByName(host), peer.address().getAddress());
            assertEquals(peer.port(), peer.address().getPort());
            a.send("alpha");
            b.send("beta");
            assertEquals("beta", b.readUtf8("beta", T));
            assertEquals("alpha", a.readUtf8("alpha", T));
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            a.send(all);
            assertArrayEquals(all, a.readExactly(all.length, T));
            a.shutdownOutput();
            assertTrue(a.awaitClosedByPeer(T), "server closes after client FIN");
            assertTrue(a.sawEof());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void udpEchoRoundTrip(String host) throws Exception {
        try (PythonPeer peer = PythonPeer.udpEcho(host);
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
            assertEquals("python3 udp_echo.py", peer.description());
            socket.setSoTimeout((int) T.toMillis());
            for (String msg : new String[] {"one", "two", ""}) {
                byte[] out = msg.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(out, out.length, peer.address()));
                DatagramPacket in = new DatagramPacket(new byte[65535], 65535);
                socket.receive(in);
                assertEquals(peer.address(), in.getSocketAddress());
                assertArrayEquals(out, Arrays.copyOf(in.getData(), in.getLength()));
            }
        }
    }

    @Test
    void closeKillsTheProcess() throws Exception {
        PythonPeer peer = PythonPeer.tcpEcho();
        ProcessHandle handle = ProcessHandle.of(peer.pid()).orElseThrow();
        assertTrue(peer.isAlive());
        peer.close();
        assertFalse(peer.isAlive());
        assertFalse(handle.isAlive());
        peer.close(); // idempotent
    }

    @Test
    void failedStartupReportsStderrAndExitCode() {
        IOException e = assertThrows(IOException.class,
                () -> PythonPeer.start("startup_failure.py", "127.0.0.1").close());
        assertTrue(e.getMessage().contains("deliberate failure for host 127.0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
    }

    @Test
    void missingScriptIsReported() {
        IOException e = assertThrows(IOException.class, () -> PythonPeer.start("no_such.py", "127.0.0.1"));
        assertTrue(e.getMessage().contains("no_such.py"), e.getMessage());
    }

    @Test
    void nonLoopbackHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PythonPeer.tcpEcho("0.0.0.0"));
    }
}
