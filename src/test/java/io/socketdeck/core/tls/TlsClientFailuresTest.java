package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.testsupport.ListeningPeer;
import io.socketdeck.testsupport.ResettingServer;
import io.socketdeck.testsupport.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each reason a client's handshake fails, against a peer that really does it, seen in its own
 * words (the sentence the log shows), and each time the session ends with no handshake.
 */
class TlsClientFailuresTest extends RealPeerTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Test
    void anExpiredCertificateSaysWhenItExpiredAndTheServerHearsOurAlert() throws Exception {
        assumeOpenssl();
        Instant expired = Instant.now().minus(2, ChronoUnit.DAYS);
        ListeningPeer server = opensslServer(CA.issue(List.of("localhost"), expired.minus(30, ChronoUnit.DAYS), expired));
        RecordingListener events = new RecordingListener();
        client(trustingCa(), server.port(), events);

        awaitFailure(events, FailureKind.TLS_CERT_EXPIRED, "expired on " + DAY.format(expired), "“localhost”",
                "127.0.0.1:" + server.port());
        assertEquals("localhost", events.await(SessionEvent.Failure.class).peerChain().get(0).commonName(),
                "the refused chain is kept for the user to see");
        server.process().await("(?i)alert certificate expired|alert bad certificate|alert certificate unknown");
    }

    @Test
    void aCertificateNotYetValidSaysFromWhenAndToCheckTheClock() throws Exception {
        assumeOpenssl();
        Instant from = Instant.now().plus(3, ChronoUnit.DAYS);
        ListeningPeer server = opensslServer(CA.issue(List.of("localhost"), from, from.plus(30, ChronoUnit.DAYS)));
        RecordingListener events = new RecordingListener();
        client(trustingCa(), server.port(), events);

        awaitFailure(events, FailureKind.TLS_CERT_NOT_YET_VALID, "not valid before " + DAY.format(from), "clock");
    }

    @Test
    void aCertificateForOtherNamesListsTheNamesItHas() throws Exception {
        assumeOpenssl();
        ListeningPeer server = opensslServer(CA.issue("device.example", "*.device.example", "10.0.0.7"));
        RecordingListener events = new RecordingListener();
        client(trustingCa(), server.port(), events);

        awaitFailure(events, FailureKind.TLS_HOSTNAME_MISMATCH, "not for “localhost”", "device.example",
                "*.device.example", "10.0.0.7");
    }

    @Test
    void aSelfSignedCertificateIsAnUnknownIssuerNamedWithItsFingerprint() throws Exception {
        assumeOpenssl();
        io.socketdeck.core.tls.KeyMaterial self = TestCertificates.selfSigned("localhost", "127.0.0.1");
        ListeningPeer server = opensslServer(self);
        RecordingListener events = new RecordingListener();
        client(TlsClientConfig.verified().withServerName("localhost"), server.port(), events);

        awaitFailure(events, FailureKind.TLS_UNKNOWN_ISSUER, "unknown issuer", "“localhost”", "self-signed",
                "fingerprint");
        assertEquals(self.describe().sha256(), events.await(SessionEvent.Failure.class).peerChain().get(0).sha256());
    }

    @Test
    void aPrivateCaTheClientDoesNotKnowIsNamedAsTheIssuer() throws Exception {
        assumeOpenssl();
        ListeningPeer server = opensslServer(LEAF);
        RecordingListener events = new RecordingListener();
        client(TlsClientConfig.verified().withServerName("localhost"), server.port(), events);

        awaitFailure(events, FailureKind.TLS_UNKNOWN_ISSUER, "SocketDeck Test CA", "Add that CA");
    }

    @ParameterizedTest
    @CsvSource({"-tls1_3, certificate_required", "-tls1_2, handshake_failure"})
    void aServerThatRequiresAClientCertificateEndsWithItsAlert(String version, String alert) throws Exception {
        assumeOpenssl();
        ListeningPeer server = opensslServer(LEAF, version, "-Verify", "1", "-verify_return_error");
        RecordingListener events = new RecordingListener();
        client(trustingCa(), server.port(), events);

        // In TLS 1.3 the client is done before the server reads its (empty) certificate: the
        // alert may come after Secured, so that is not checked here.
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        String text = EventTexts.failure(failure);
        assertEquals(FailureKind.TLS_ALERT_RECEIVED, failure.kind(), text);
        assertTrue(text.contains("“" + alert + "”"), text);
        events.awaitClosed();
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, -tls1_2", "TLSv1.2, -tls1_3"})
    void noCommonProtocolVersionIsAProtocolMismatch(String ours, String theirs) throws Exception {
        assumeOpenssl();
        ListeningPeer server = opensslServer(LEAF, theirs);
        RecordingListener events = new RecordingListener();
        client(trustingCa().withProtocols(List.of(ours)), server.port(), events);

        awaitFailure(events, FailureKind.TLS_PROTOCOL_MISMATCH, "no protocol version");
    }

    @Test
    void aPlaintextServerWithABannerIsNamedAsNotSpeakingTls() throws Exception {
        try (PlainServer plain = new PlainServer("220 mail.example ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII),
                false)) {
            RecordingListener events = new RecordingListener();
            client(trustingCa(), plain.port(), events);
            awaitFailure(events, FailureKind.TLS_PLAINTEXT_PEER, "does not speak TLS");
        }
    }

    @Test
    void aPlaintextServerThatAnswersTheHelloIsNamedAsNotSpeakingTls() throws Exception {
        try (PlainServer plain = new PlainServer(
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true)) {
            RecordingListener events = new RecordingListener();
            client(trustingCa(), plain.port(), events);
            awaitFailure(events, FailureKind.TLS_PLAINTEXT_PEER, "does not speak TLS");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithTheTimeInWords() throws Exception {
        try (ResettingServer silent = new ResettingServer()) {
            RecordingListener events = new RecordingListener();
            client(trustingCa().withHandshakeTimeout(Duration.ofMillis(400)), silent.port(), events);
            silent.awaitAccepted(1, TIMEOUT);
            awaitFailure(events, FailureKind.TLS_HANDSHAKE_TIMEOUT, "did not complete within 400 ms");
        }
    }

    @Test
    void aServerThatResetsAfterTheHelloLeftTheHandshake() throws Exception {
        try (ResettingServer server = new ResettingServer()) {
            RecordingListener events = new RecordingListener();
            client(trustingCa(), server.port(), events);
            server.awaitAccepted(1, TIMEOUT);
            io.socketdeck.testsupport.Await.until(() -> server.received(0).length > 0, TIMEOUT, "the ClientHello");
            assertEquals(0x16, server.received(0)[0], "a TLS handshake record comes first");
            server.resetAll();
            String text = awaitFailure(events, FailureKind.TLS_PEER_LEFT_HANDSHAKE, "in the middle of it");
            assertTrue(text.contains("RST"), text);
        }
    }

    @Test
    void aServerThatClosesAfterTheHelloLeftTheHandshake() throws Exception {
        try (ResettingServer server = new ResettingServer()) {
            RecordingListener events = new RecordingListener();
            client(trustingCa(), server.port(), events);
            server.awaitAccepted(1, TIMEOUT);
            io.socketdeck.testsupport.Await.until(() -> server.received(0).length > 0, TIMEOUT, "the ClientHello");
            server.closeGracefully();
            awaitFailure(events, FailureKind.TLS_PEER_LEFT_HANDSHAKE, "in the middle of it");
        }
    }

    /** A plain TCP server: sends {@code reply} on accepting, or after the client's first bytes; then keeps the line open. */
    private static final class PlainServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket();
        private final Thread thread;

        PlainServer(byte[] reply, boolean afterRequest) throws IOException {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            thread = new Thread(() -> {
                try (Socket client = socket.accept(); InputStream in = client.getInputStream();
                     OutputStream out = client.getOutputStream()) {
                    if (afterRequest && in.read(new byte[4096]) < 0) {
                        return;
                    }
                    out.write(reply);
                    out.flush();
                    in.transferTo(OutputStream.nullOutputStream()); // until the client goes
                } catch (IOException e) {
                    // the test is over or the client reset: nothing to do
                }
            }, "plain-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
