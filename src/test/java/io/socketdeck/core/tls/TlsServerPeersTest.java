package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.PeerProcess;
import io.socketdeck.testsupport.TestCertificates;
import io.socketdeck.testsupport.TestCertificates.PemFiles;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our TLS server against real clients: {@code openssl s_client}, {@code ncat --ssl}, {@code socat OPENSSL}, plain TCP. */
class TlsServerPeersTest extends RealPeerTest {

    private static final TlsServerConfig SERVER = TlsServerConfig.of(LEAF).withAlpn(List.of("mqtt", "h2"));

    private PeerProcess sClient(int port, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-CAfile", caFile().toString(), "-verify_return_error", "-verify_hostname", "localhost",
                "-servername", "localhost"));
        command.addAll(List.of(args));
        return process(command.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void sClientVerifiesUsAgreesOnAlpnAndTalksBothWays(String version) throws Exception {
        assumeOpenssl();
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER, events);
        PeerProcess client = sClient(server.localAddress().getPort(), version, "-alpn", "mqtt");

        TlsHandshake agreed = events.await(SessionEvent.Secured.class).handshake();
        assertEquals(version.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2", agreed.protocol());
        assertEquals("mqtt", agreed.alpn());
        assertEquals(TlsHandshake.Trust.NONE, agreed.trustedBy(), "no client certificate was asked for");
        client.await("Verify return code: 0 \\(ok\\)");
        client.await("ALPN protocol: mqtt");

        client.type("hello from s_client\n");
        assertEquals("hello from s_client\n",
                new String(events.awaitBytes(Direction.RX, 20), StandardCharsets.UTF_8));
        assertTrue(server.sendToAll("hello from socketdeck 温度\n".getBytes(StandardCharsets.UTF_8)));
        client.await("hello from socketdeck 温度");

        server.close();
        client.await("(?i)closed|DONE");
        // s_client exits when the connection ends; its stdout and stderr are drained by two
        // threads: only once it has exited and both are read is all it said here, an
        // "unexpected eof" on stderr included.
        client.awaitExit();
        assertFalse(client.output().contains("unexpected eof"), "we end with close_notify:\n" + client.output());
    }

    @Test
    void aTls12RenegotiationAskedByTheClientIsRefused() throws Exception {
        assumeOpenssl();
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER, events);
        PeerProcess client = sClient(server.localAddress().getPort(), "-tls1_2");
        events.await(SessionEvent.Secured.class);
        client.await("Verify return code: 0");

        client.type("R\n"); // s_client: renegotiate
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.TLS_RENEGOTIATION_REFUSED, failure.kind(), EventTexts.failure(failure));
        assertTrue(EventTexts.failure(failure).contains("asked to renegotiate"));
        events.await(SessionEvent.Disconnected.class);
        // The server goes on: the next client is served.
        PeerProcess next = sClient(server.localAddress().getPort(), "-tls1_2");
        next.await("Verify return code: 0 \\(ok\\)");
    }

    @Test
    void aTls13KeyUpdateFromTheClientGoesThrough() throws Exception {
        assumeOpenssl();
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER, events);
        PeerProcess client = sClient(server.localAddress().getPort(), "-tls1_3");
        events.await(SessionEvent.Secured.class);
        client.await("Verify return code: 0");

        client.type("K\n"); // s_client: a key update that asks for ours
        client.await("KEYUPDATE");
        client.type("after\n");
        assertEquals("after\n", new String(events.awaitBytes(Direction.RX, 6), StandardCharsets.UTF_8));
        assertTrue(server.sendToAll("ours\n".getBytes(StandardCharsets.US_ASCII)));
        client.await("ours");
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }

    @Test
    void ncatOverSslVerifiesUsAndTalksBothWays() throws Exception {
        PeerProcess.assumeInstalled("ncat", "ncat");
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER, events);
        PeerProcess client = process("ncat", "--ssl", "--ssl-verify", "--ssl-trustfile", caFile().toString(),
                "--ssl-servername", "localhost", "--ssl-alpn", "h2", "127.0.0.1",
                Integer.toString(server.localAddress().getPort()));

        assertEquals("h2", events.await(SessionEvent.Secured.class).handshake().alpn());
        client.type("from ncat\n");
        assertEquals("from ncat\n", new String(events.awaitBytes(Direction.RX, 10), StandardCharsets.UTF_8));
        assertTrue(server.sendToAll("to ncat\n".getBytes(StandardCharsets.US_ASCII)));
        client.await("to ncat");
    }

    @Test
    void socatOverOpensslVerifiesUsAndTalksBothWays() throws Exception {
        PeerProcess.assumeInstalled("socat", "socat");
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER, events);
        PeerProcess client = process("socat", "-", "OPENSSL:127.0.0.1:" + server.localAddress().getPort()
                + ",cafile=" + caFile() + ",openssl-commonname=localhost");

        events.await(SessionEvent.Secured.class);
        client.type("from socat\n");
        assertEquals("from socat\n", new String(events.awaitBytes(Direction.RX, 11), StandardCharsets.UTF_8));
        assertTrue(server.sendToAll("to socat\n".getBytes(StandardCharsets.US_ASCII)));
        client.await("to socat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void aRequiredClientCertificateIsVerifiedAndShown(String version) throws Exception {
        assumeOpenssl();
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER.withClientCertRequired(true, List.of(CA.certificate())), events);
        PemFiles clientFiles = TestCertificates.writePem(CA.issue("client.test"), dir, "client");
        PeerProcess client = sClient(server.localAddress().getPort(), version, "-cert", clientFiles.cert().toString(),
                "-key", clientFiles.key().toString());

        TlsHandshake agreed = events.await(SessionEvent.Secured.class).handshake();
        assertEquals(TlsHandshake.Trust.VERIFIED, agreed.trustedBy());
        assertEquals("client.test", agreed.peerChain().get(0).commonName());
        client.type("with a certificate\n");
        events.awaitBytes(Direction.RX, 19);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void aClientWithoutTheRequiredCertificateIsRefusedInWordsAndHearsWhy(String version) throws Exception {
        assumeOpenssl();
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER.withClientCertRequired(true, List.of(CA.certificate())), events);
        PeerProcess client = sClient(server.localAddress().getPort(), version);

        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        String text = EventTexts.failure(failure);
        assertEquals(FailureKind.TLS_CERT_REFUSED, failure.kind(), text);
        assertTrue(text.contains("the client sent no certificate"), text);
        client.await("(?i)alert");
    }

    @Test
    void aClientOfAnotherProtocolVersionIsAProtocolMismatch() throws Exception {
        assumeOpenssl();
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER.withProtocols(List.of("TLSv1.3")), events);
        PeerProcess client = sClient(server.localAddress().getPort(), "-tls1_2");

        awaitFailure(events, FailureKind.TLS_PROTOCOL_MISMATCH, "no protocol version");
        client.await("(?i)alert protocol version");
    }

    @Test
    void aClientCertificateFromAnotherCaIsAnUnknownIssuer() throws Exception {
        assumeOpenssl();
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER.withClientCertRequired(true, List.of(CA.certificate())), events);
        PemFiles stranger = TestCertificates.writePem(TestCertificates.authority("Stranger CA").issue("client.test"),
                dir, "stranger");
        sClient(server.localAddress().getPort(), "-cert", stranger.cert().toString(), "-key", stranger.key().toString());

        String text = awaitFailure(events, FailureKind.TLS_UNKNOWN_ISSUER, "Stranger CA");
        assertTrue(text.contains("client.test"), text);
    }

    @Test
    void aPlaintextClientIsNamedAndTheServerGoesOn() throws Exception {
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER, events);
        try (Socket plain = new Socket("127.0.0.1", server.localAddress().getPort())) {
            Blocking.timed(plain);
            OutputStream out = plain.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitFailure(events, FailureKind.TLS_PLAINTEXT_PEER, "does not speak TLS");
            InputStream in = plain.getInputStream();
            byte[] answer = in.readAllBytes(); // closed by the server; perhaps after an alert
            assertTrue(answer.length == 0 || answer[0] == 0x15, "nothing but an alert goes back in plaintext");
        }
        RecordingListener clientEvents = new RecordingListener();
        client(trustingCa(), server.localAddress().getPort(), clientEvents);
        clientEvents.await(SessionEvent.Secured.class);
    }

    @Test
    void aPlaintextClientThatSaysNothingTimesOut() throws Exception {
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(SERVER.withHandshakeTimeout(Duration.ofMillis(300)), events);
        try (Socket plain = new Socket("127.0.0.1", server.localAddress().getPort())) {
            Blocking.timed(plain);
            awaitFailure(events, FailureKind.TLS_HANDSHAKE_TIMEOUT, "within 300 ms");
            Await.until(() -> server.clientCount() == 0, TIMEOUT, "the client gone from the list");
            assertEquals(-1, plain.getInputStream().read(), "the server hung up");
        }
    }
}
