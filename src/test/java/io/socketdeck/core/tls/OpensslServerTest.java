package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.Transport;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ListeningPeer;
import io.socketdeck.testsupport.TestCertificates;
import io.socketdeck.testsupport.TestCertificates.PemFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our TLS client against {@code openssl s_server}: what a real server agrees to, and what it asks. */
class OpensslServerTest extends RealPeerTest {

    @BeforeEach
    void needsOpenssl() {
        assumeOpenssl();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void aVerifiedHandshakeCarriesLinesBothWaysAndEndsWithCloseNotify(String version) throws Exception {
        ListeningPeer server = opensslServer(LEAF, version);
        RecordingListener events = new RecordingListener();
        TcpClientSession client = client(trustingCa(), server.port(), events);

        TlsHandshake agreed = events.await(SessionEvent.Secured.class).handshake();
        assertEquals(version.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2", agreed.protocol());
        assertEquals(TlsHandshake.Trust.VERIFIED, agreed.trustedBy());
        assertEquals(2, agreed.peerChain().size(), "the leaf and the CA that signed it");
        assertEquals("localhost", agreed.peerChain().get(0).commonName());
        assertFalse(agreed.resumed());
        String secured = EventTexts.secured(events.await(SessionEvent.Secured.class));
        assertTrue(secured.contains(agreed.protocol()) && secured.contains("verified"), secured);

        assertTrue(client.send("hello from socketdeck 温度\n".getBytes(StandardCharsets.UTF_8)));
        server.process().await("hello from socketdeck 温度");
        server.process().type("hello from openssl\n");
        assertEquals("hello from openssl\n",
                new String(events.awaitBytes(Direction.RX, 19), StandardCharsets.UTF_8));

        client.close();
        // s_server says DONE only for a close_notify; a bare FIN is "unexpected eof while reading".
        server.process().await("\\bDONE\\b");
        events.awaitClosed();
        assertEquals(CloseReason.LOCAL, events.await(SessionEvent.Disconnected.class).reason());
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }

    @Test
    void alpnIsAgreed() throws Exception {
        ListeningPeer server = opensslServer(LEAF, "-alpn", "h2,mqtt");
        RecordingListener events = new RecordingListener();
        client(trustingCa().withAlpn(List.of("mqtt", "http/1.1")), server.port(), events);

        TlsHandshake agreed = events.await(SessionEvent.Secured.class).handshake();
        assertEquals("mqtt", agreed.alpn());
        assertTrue(EventTexts.secured(events.await(SessionEvent.Secured.class)).contains("ALPN mqtt"));
    }

    @Test
    void theServerNameIsSent() throws Exception {
        ListeningPeer server = opensslServer(LEAF, "-servername", "localhost", "-servername_fatal");
        RecordingListener events = new RecordingListener();
        client(trustingCa(), server.port(), events);

        events.await(SessionEvent.Secured.class);
        server.process().await("Hostname in TLS extension: \"localhost\"");
    }

    @Test
    void aServerNameTheServerDoesNotServeEndsInItsAlert() throws Exception {
        ListeningPeer server = opensslServer(LEAF, "-servername", "localhost", "-servername_fatal");
        RecordingListener events = new RecordingListener();
        client(trustingCa().withServerName("other.test").withVerifyHostname(false), server.port(), events);

        awaitFailure(events, FailureKind.TLS_ALERT_RECEIVED, "unrecognized_name", "127.0.0.1:" + server.port());
    }

    @Test
    void aSecondConnectionResumesTheSession() throws Exception {
        ListeningPeer server = opensslServer(LEAF, "-naccept", "2");
        Transport.Factory tls = TlsTransports.client(trustingCa(), "127.0.0.1", server.port());

        RecordingListener first = new RecordingListener();
        TcpClientSession one = session(tls, server.port(), first);
        assertFalse(first.await(SessionEvent.Secured.class).handshake().resumed());
        // TLS 1.3 tickets come after the handshake: a byte both ways makes sure they were read.
        server.process().type("ticket?\n");
        first.awaitBytes(Direction.RX, 8);
        one.close();
        server.process().await("\\bDONE\\b");

        RecordingListener second = new RecordingListener();
        session(tls, server.port(), second);
        SessionEvent.Secured resumed = second.await(SessionEvent.Secured.class);
        assertTrue(resumed.handshake().resumed(), resumed::toString);
        assertTrue(EventTexts.secured(resumed).contains("resumed session"), EventTexts.secured(resumed));
    }

    private TcpClientSession session(Transport.Factory tls, int port, RecordingListener events) {
        TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", port), events,
                new TrafficCounters(), group.next(), tls);
        closeLater(client::close);
        client.start();
        return client;
    }

    @Test
    void aTls12RenegotiationIsRefusedInWords() throws Exception {
        ListeningPeer server = opensslServer(LEAF, "-tls1_2");
        RecordingListener events = new RecordingListener();
        client(trustingCa(), server.port(), events);
        events.await(SessionEvent.Secured.class);
        server.process().await("Secure Renegotiation IS supported");

        server.process().type("r\n"); // s_server: renegotiate
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.TLS_RENEGOTIATION_REFUSED, failure.kind());
        String text = EventTexts.failure(failure);
        assertTrue(text.contains("asked to renegotiate") && text.contains("127.0.0.1:" + server.port()), text);
        events.awaitClosed();
    }

    /** s_server's {@code q} ends the connection; closing the process ends it with no close_notify at all. */
    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3 q", "-tls1_2 q", "-tls1_3 kill", "-tls1_2 kill"})
    void theServerEndingTheConnectionIsItsEndNotAFailure(String how) throws Exception {
        String[] parts = how.split(" ");
        ListeningPeer server = opensslServer(LEAF, parts[0]);
        RecordingListener events = new RecordingListener();
        client(trustingCa(), server.port(), events);
        events.await(SessionEvent.Secured.class);
        server.process().await("Secure Renegotiation IS supported");

        if (parts[1].equals("q")) {
            server.process().type("q\n");
        } else {
            server.process().close();
        }
        events.await(SessionEvent.PeerFinished.class);
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "K"})
    void aTls13KeyUpdateIsNotARenegotiation(String command) throws Exception {
        ListeningPeer server = opensslServer(LEAF, "-tls1_3");
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        TcpClientSession client = client(trustingCa(), TcpClientOptions.of("127.0.0.1", server.port()), events,
                counters);
        events.await(SessionEvent.Secured.class);
        server.process().await("Secure Renegotiation"); // its side of the handshake is over too
        assertTrue(client.send("before\n".getBytes(StandardCharsets.US_ASCII)));
        server.process().await("before");
        long wireIn = counters.wireRxBytes();
        long wireOut = counters.wireTxBytes();

        server.process().type(command + "\n"); // k: a key update; K: one that asks for ours in return
        // s_server reads its stdin a buffer at a time and drops what follows a command on the
        // same read: the next line is typed once the update's record has arrived.
        Await.until(() -> counters.wireRxBytes() > wireIn, TIMEOUT, "the KeyUpdate record");
        if (command.equals("K")) {
            Await.until(() -> counters.wireTxBytes() > wireOut, TIMEOUT, "our KeyUpdate in answer");
        }
        server.process().type("after the update\n");
        awaitReceived(events, "after the update\n", server.process());
        assertTrue(client.send("ours too\n".getBytes(StandardCharsets.UTF_8)));
        server.process().await("ours too");
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
        assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty(), () -> events.events().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs12", "pem"})
    void ourClientCertificateIsVerifiedByTheServer(String format) throws Exception {
        io.socketdeck.core.tls.KeyMaterial clientLeaf = CA.issue("client.test");
        KeySource source;
        if (format.equals("pkcs12")) {
            source = new KeySource(TestCertificates.writePkcs12(clientLeaf, dir, "client", "secret"), null,
                    "secret".toCharArray());
        } else {
            PemFiles files = TestCertificates.writePem(clientLeaf, dir, "client");
            source = new KeySource(files.cert(), files.key(), null);
        }
        KeyMaterial loaded = KeyMaterials.load(source);
        ListeningPeer server = opensslServer(LEAF, "-Verify", "1", "-verify_return_error",
                "-CAfile", caFile().toString());
        RecordingListener events = new RecordingListener();
        TcpClientSession client = client(trustingCa().withClientKey(loaded), server.port(), events);

        events.await(SessionEvent.Secured.class);
        server.process().await("(?i)subject=.*CN\\s*=\\s*client\\.test");
        assertTrue(client.send("mutual\n".getBytes(StandardCharsets.US_ASCII)));
        server.process().await("mutual");
    }
}
