package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlackholeServerTest {

    @Test
    void plainConnectTimesOut() throws Exception {
        try (BlackholeServer hole = new BlackholeServer()) {
            assertEquals("127.0.0.1", hole.address().getAddress().getHostAddress());
            assertTrue(hole.fillerCount() >= 1, hole.toString());
            for (int i = 0; i < 3; i++) { // stays a blackhole, attempt after attempt
                try (Socket s = new Socket()) {
                    long start = System.nanoTime();
                    assertThrows(SocketTimeoutException.class, () -> s.connect(hole.address(), 500));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(ms >= 400, "timed out after " + ms + " ms");
                }
            }
        }
    }

    @Test
    void tcpProbeConnectTimesOut() throws Exception {
        try (BlackholeServer hole = new BlackholeServer()) {
            assertThrows(SocketTimeoutException.class,
                    () -> TcpProbe.connect(hole.address(), Duration.ofMillis(300)).close());
        }
    }

    @Test
    void worksOnIpv6LoopbackToo() throws Exception {
        try (BlackholeServer hole = new BlackholeServer("::1"); Socket s = new Socket()) {
            assertThrows(SocketTimeoutException.class, () -> s.connect(hole.address(), 500));
        }
    }
}
