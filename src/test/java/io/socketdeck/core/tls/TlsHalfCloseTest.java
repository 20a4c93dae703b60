package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.testsupport.ListeningPeer;
import io.socketdeck.testsupport.PeerProcess;
import io.socketdeck.testsupport.TestCertificates.PemFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our half-close over TLS (the End menu's "Half-close"): a close_notify, then the FIN, and the
 * connection goes on reading. Against {@code openssl s_server} and a python3 TLS server that
 * answers after our close_notify, as TLS 1.3 allows.
 */
class TlsHalfCloseTest extends RealPeerTest {

    /**
     * A TLS 1.3 server (python3's ssl, OpenSSL) that reads until our close_notify, refusing a FIN
     * without one, then answers with how much it heard, says its own close_notify and closes.
     */
    private static final String ANSWERING_SERVER = String.join("\n",
            "import socket, ssl, sys",
            "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
            "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
            "ctx.load_cert_chain(sys.argv[1], sys.argv[2])",
            "server = socket.create_server(('127.0.0.1', 0))",
            "print('PORT %d' % server.getsockname()[1], flush=True)",
            "conn, _ = server.accept()",
            "tls = ctx.wrap_socket(conn, server_side=True, suppress_ragged_eofs=False)",
            "heard = b''",
            "try:",
            "    while True:",
            "        data = tls.recv(65536)",
            "        if not data:",
            "            break",
            "        heard += data",
            "except ssl.SSLEOFError:",
            "    print('RAGGED EOF', flush=True)",
            "    sys.exit(1)",
            "print('CLOSE_NOTIFY after %d bytes' % len(heard), flush=True)",
            "tls.sendall(b'heard %d bytes after your close_notify\\n' % len(heard))",
            "tls.unwrap()",
            "conn.close()",
            "print('DONE', flush=True)");

    /**
     * Our half-close is a close_notify, then the FIN: s_server reads a clean end ("DONE"), not an
     * unexpected end of file, and ends too (its own close_notify), which is the peer's end for us.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void ourHalfCloseSaysCloseNotifyBeforeTheFin(String version) throws Exception {
        assumeOpenssl();
        ListeningPeer server = opensslServer(LEAF, version);
        RecordingListener events = new RecordingListener();
        TcpClientSession client = client(trustingCa(), server.port(), events);
        events.await(SessionEvent.Secured.class);
        server.process().await("Secure Renegotiation");
        assertTrue(client.send("last words\n".getBytes(StandardCharsets.US_ASCII)));
        server.process().await("last words");

        client.halfClose();
        events.await(SessionEvent.HalfClosed.class);
        server.process().await("DONE");
        events.await(SessionEvent.PeerFinished.class);
        // s_server (-naccept 1) exits after its one connection, and its stdout and stderr are
        // drained by two threads: only once it has exited and both are read is all it said here,
        // an "unexpected eof" on stderr included.
        server.process().awaitExit();
        assertFalse(server.process().output().toLowerCase(java.util.Locale.ROOT).contains("unexpected eof"),
                server.process().output());
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }

    /** TLS 1.3 keeps the peer's side open after our close_notify: what it sends then is received, whole. */
    @Test
    void aTls13PeerAnswersAfterOurHalfClose() throws Exception {
        PeerProcess.assumeInstalled("python3", "python3");
        PemFiles files = leafFiles();
        PeerProcess server = process("python3", "-c", ANSWERING_SERVER, files.cert().toString(),
                files.key().toString());
        int port = Integer.parseInt(server.await("PORT (\\d+)").group(1));
        RecordingListener events = new RecordingListener();
        TcpClientSession client = client(trustingCa(), port, events);
        events.await(SessionEvent.Secured.class);
        assertTrue(client.send("twelve bytes".getBytes(StandardCharsets.US_ASCII)));

        client.halfClose();
        events.await(SessionEvent.HalfClosed.class);
        server.await("CLOSE_NOTIFY after 12 bytes");
        awaitReceived(events, "heard 12 bytes after your close_notify\n", server);
        server.await("DONE");
        assertEquals(CloseReason.PEER, events.await(SessionEvent.Disconnected.class).reason());
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }
}
