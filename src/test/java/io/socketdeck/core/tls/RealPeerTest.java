package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.testsupport.ListeningPeer;
import io.socketdeck.testsupport.PeerProcess;
import io.socketdeck.testsupport.TestCertificates;
import io.socketdeck.testsupport.TestCertificates.Authority;
import io.socketdeck.testsupport.TestCertificates.PemFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests against real TLS peers share: a loop group, a private CA with a leaf for
 * {@code localhost}/127.0.0.1 written as PEM in a temporary directory, our sessions, and the
 * peer processes, all closed after each test.
 */
abstract class RealPeerTest {

    static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    /** One CA for the whole class: making keys is the slow part. */
    static final Authority CA = TestCertificates.authority("SocketDeck Test CA");
    static final io.socketdeck.core.tls.KeyMaterial LEAF = CA.issue("localhost", "127.0.0.1");

    @TempDir
    Path dir;

    final LoopGroup group = new LoopGroup(2, LoopGroup.daemonThreads("tls-peer-test"));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        open.add(resource);
        return resource;
    }

    static void assumeOpenssl() {
        PeerProcess.assumeInstalled("openssl", "openssl");
    }

    Path caFile() throws IOException {
        return CA.writePem(dir.resolve("ca.pem"));
    }

    PemFiles leafFiles() throws IOException {
        return TestCertificates.writePem(LEAF, dir, "leaf");
    }

    /** {@code openssl s_server} presenting {@code key} (chain included), one connection, plus {@code args}. */
    ListeningPeer opensslServer(io.socketdeck.core.tls.KeyMaterial key, String... args) throws IOException {
        PemFiles files = TestCertificates.writePem(key, dir, "server-" + open.size());
        // -cert takes the leaf; the rest of the chain goes in -cert_chain; -cert2/-key2 are what
        // -servername switches to (the same key here: the test is about the name sent).
        List<String> all = new ArrayList<>(List.of("-cert", files.cert().toString(), "-key", files.key().toString(),
                "-cert_chain", caFile().toString(), "-cert2", files.cert().toString(), "-key2", files.key().toString()));
        all.addAll(List.of(args));
        return closeLater(ListeningPeer.opensslServer(dir, all.toArray(String[]::new)));
    }

    PeerProcess process(String... command) throws IOException {
        return closeLater(PeerProcess.start(dir, List.of(command)));
    }

    /** Verified against our CA, sending SNI {@code localhost}. */
    static TlsClientConfig trustingCa() {
        return TlsClientConfig.verified().withAuthorities(List.of(CA.certificate())).withServerName("localhost");
    }

    TcpClientSession client(TlsClientConfig config, int port, RecordingListener events) {
        return client(config, TcpClientOptions.of("127.0.0.1", port), events, new TrafficCounters());
    }

    TcpClientSession client(TlsClientConfig config, TcpClientOptions options, RecordingListener events,
                            TrafficCounters counters) {
        TcpClientSession client = new TcpClientSession(options, events, counters, group.next(),
                TlsTransports.client(config, options.host(), options.port()));
        closeLater(client::close);
        client.start();
        return client;
    }

    TcpServerSession server(TlsServerConfig config, RecordingListener events) {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0), events,
                new TrafficCounters(), group.next(), TlsTransports.server(config));
        closeLater(server::close);
        server.start();
        events.await(SessionEvent.Opened.class);
        return server;
    }

    /** Waits until the bytes received are {@code expected} (UTF-8); on timeout says what the session and the peer saw. */
    static void awaitReceived(RecordingListener events, String expected, PeerProcess peer) {
        byte[] wanted = expected.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        io.socketdeck.testsupport.Await.until(
                () -> java.util.Arrays.equals(events.bytes(io.socketdeck.core.session.Direction.RX), wanted), TIMEOUT,
                () -> "received \"" + expected + "\"; events " + events.events() + "\npeer said:\n" + peer.output());
    }

    /**
     * Waits for the one failure of {@code kind} and checks its words: they name the cause, and
     * each of {@code words} is in them. Then the session closes, without a Secured.
     */
    static String awaitFailure(RecordingListener events, FailureKind kind, String... words) {
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        String text = EventTexts.failure(failure);
        assertEquals(kind, failure.kind(), text);
        for (String word : words) {
            assertTrue(text.contains(word), () -> "\"" + word + "\" in: " + text);
        }
        events.await(SessionEvent.Disconnected.class);
        assertTrue(events.all(SessionEvent.Secured.class).isEmpty(), () -> "no handshake completed: " + events.events());
        return text;
    }
}
