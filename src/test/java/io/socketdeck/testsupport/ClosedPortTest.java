package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ClosedPortTest {

    @Test
    void connectIsRefused() throws Exception {
        int port = ClosedPort.find();
        assertTrue(port > 0 && port < 65536);
        try (Socket s = new Socket()) {
            ConnectException e = assertThrows(ConnectException.class,
                    () -> s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 2_000));
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        }
    }

    @Test
    void tcpProbeSeesRefusalOnIpv6() throws Exception {
        int port = ClosedPort.find("::1");
        assertThrows(ConnectException.class,
                () -> TcpProbe.connect(new InetSocketAddress(InetAddress.getByName("::1"), port)).close());
    }
}
