package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.session.Unsent;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A send over TLS that the peer cuts off: it reads part, then resets. TX counts the application
 * bytes the engine took, as it takes them; the records on the wire are counted apart.
 */
class TlsCutSendTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final KeyMaterial LOCALHOST = SelfSigned.generate(List.of("localhost", "127.0.0.1"),
            SelfSigned.ONE_YEAR);
    private static final int BIG = 64 << 20;
    private static final int READ_BEFORE_RESET = 1 << 20;

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("tls-cut-send-test"));

    @AfterEach
    void closeGroup() throws InterruptedException {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
    }

    @Test
    void aServersSendCutByAResetCountsThePlaintextTheEngineTookAndTheWireApart() throws Exception {
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                events, counters, group.next(), TlsTransports.server(TlsServerConfig.of(LOCALHOST)));
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (Socket tcp = new Socket(address.getAddress(), address.getPort())) {
            SSLSocket peer = (SSLSocket) trusting().getSocketFactory().createSocket(tcp, "localhost", address.getPort(),
                    false);
            peer.setSoTimeout((int) TIMEOUT.toMillis());
            peer.startHandshake();
            events.await(SessionEvent.Secured.class);
            server.sendToAll(new byte[BIG]);
            InputStream in = peer.getInputStream();
            byte[] buffer = new byte[64 << 10];
            long read = 0;
            while (read < READ_BEFORE_RESET) {
                read += Math.max(0, in.read(buffer));
            }
            tcp.setSoLinger(true, 0);
            tcp.close(); // the plain socket: an RST, no close_notify
            Unsent unsent = events.await(SessionEvent.Disconnected.class).unsent();
            long took = counters.txBytes();
            assertTrue(took >= read && took < BIG, "the plaintext the engine took: " + took + ", " + read + " read");
            assertEquals(0, counters.txMessages(), "a send cut off is no message sent");
            assertTrue(counters.wireTxBytes() > read, "the records that carried them are counted apart: "
                    + counters.wireTxBytes());
            assertEquals(new Unsent(1, BIG - took, took, BIG), unsent, "the end says what it cut off");
        }
    }

    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", LOCALHOST.chain().get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
