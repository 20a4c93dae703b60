package io.socketdeck.core.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.send.FileSendProgress;
import io.socketdeck.core.send.FileSender;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.KeepAlive;
import io.socketdeck.core.tcp.SendQueueLimits;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ListeningPeer;
import io.socketdeck.testsupport.PeerProcess;
import io.socketdeck.testsupport.ResettingServer;
import io.socketdeck.testsupport.TestCertificates.PemFiles;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bytes over TLS: megabytes both ways byte-exact, text cut across records, the wire counted apart, nothing early. */
class TlsTransferTest extends RealPeerTest {

    private static final int BIG = 4 << 20;

    /** {@code socat OPENSSL-LISTEN ... PIPE}: a TLS echo server (what it reads it writes back). */
    private ListeningPeer socatEcho() throws Exception {
        PeerProcess.assumeInstalled("socat", "socat");
        PemFiles leaf = leafFiles();
        return closeLater(ListeningPeer.socat(dir, "OPENSSL-LISTEN:0,bind=127.0.0.1,reuseaddr,cert=" + leaf.cert()
                + ",key=" + leaf.key() + ",verify=0", "PIPE"));
    }

    private static TcpClientOptions options(int port, int readBuffer) {
        TcpClientOptions plain = TcpClientOptions.of("127.0.0.1", port);
        return new TcpClientOptions(plain.host(), port, plain.connectTimeout(), true, readBuffer, KeepAlive.DEFAULT,
                SendQueueLimits.CLIENT, plain.halfCloseLinger(), null);
    }

    /** 64 KiB: whole records go straight into the connection's buffer; 1000 bytes: every record is cut. */
    @ParameterizedTest
    @ValueSource(ints = {TcpClientOptions.DEFAULT_READ_BUFFER, 1000})
    void megabytesComeBackByteExactAndTheWireIsCountedApart(int readBuffer) throws Exception {
        ListeningPeer echo = socatEcho();
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        TcpClientSession client = client(trustingCa(), options(echo.port(), readBuffer), events, counters);
        events.await(SessionEvent.Secured.class);

        byte[] big = new byte[BIG];
        new Random(13).nextBytes(big);
        assertTrue(client.send(big));
        byte[] back = Await.value(() -> events.bytes(Direction.RX), b -> b.length >= BIG, Duration.ofSeconds(30),
                BIG + " bytes echoed");
        assertArrayEquals(big, back);
        assertEquals(BIG, counters.rxBytes());
        assertEquals(BIG, counters.txBytes());
        assertTrue(counters.wireRxBytes() > BIG && counters.wireTxBytes() > BIG,
                () -> "records cost more than their bytes: " + counters.wireRxBytes() + "/" + counters.wireTxBytes());
        assertTrue(counters.wireRxBytes() < BIG * 1.01, "but not much more: " + counters.wireRxBytes());
    }

    /** A file over TLS is read into arrays and encrypted (no sendfile: the kernel would send it in clear). */
    @Test
    void aFileSentOverTlsIsEncryptedNotHandedToTheKernelAndComesBackExact() throws Exception {
        ListeningPeer echo = socatEcho();
        RecordingListener events = new RecordingListener();
        TcpClientSession client = client(trustingCa(), options(echo.port(), TcpClientOptions.DEFAULT_READ_BUFFER),
                events, new TrafficCounters());
        events.await(SessionEvent.Secured.class);
        assertFalse(client.sendsFileRegions(), "a TLS connection takes arrays only");
        byte[] content = new byte[BIG + 321];
        new Random(17).nextBytes(content);
        Path file = Files.write(dir.resolve("payload.bin"), content);
        CompletableFuture<FileSender.Outcome> outcome = new CompletableFuture<>();
        FileSender.start(file, client, FileSendOptions.stream(), new FileSender.Listener() {
            @Override
            public void finished(FileSender.Outcome result, FileSendProgress last, Throwable cause) {
                outcome.complete(result);
            }
        });
        assertEquals(FileSender.Outcome.COMPLETED, outcome.get(30, TimeUnit.SECONDS));
        byte[] back = Await.value(() -> events.bytes(Direction.RX), b -> b.length >= content.length,
                Duration.ofSeconds(30), content.length + " bytes echoed");
        assertArrayEquals(content, back);
        assertArrayEquals(content, events.bytes(Direction.TX), "the TX rows show the file");
    }

    @ParameterizedTest
    @CsvSource({"GBK, 65536", "GBK, 1000", "UTF-8, 1000"})
    void textCutAcrossRecordsArrivesExact(String charsetName, int readBuffer) throws Exception {
        ListeningPeer echo = socatEcho();
        RecordingListener events = new RecordingListener();
        TcpClientSession client = client(trustingCa(), options(echo.port(), readBuffer), events, new TrafficCounters());
        events.await(SessionEvent.Secured.class);

        Charset charset = Charset.forName(charsetName);
        // One odd byte first: the 2- and 3-byte characters straddle every 16 KiB record boundary.
        String text = "!" + "温度传感器 23.5℃ 湿度 61% ".repeat(3000);
        byte[] bytes = text.getBytes(charset);
        assertTrue(bytes.length > 3 * 16384, "several records");
        assertTrue(client.send(bytes));
        byte[] back = Await.value(() -> events.bytes(Direction.RX), b -> b.length >= bytes.length, TIMEOUT,
                bytes.length + " bytes echoed");
        assertArrayEquals(bytes, back);
        assertEquals(text, new String(back, charset));
    }

    /**
     * socat ends an upload with close_notify and waits for ours: TLS 1.2 answers at once (the
     * protocol has no half-close); TLS 1.3 may still answer the peer (a half-close, as a FIN is
     * for plain TCP), so ours comes when we close.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void ourServerTakesMegabytesFromSocatAndAnswersItsCloseNotify(String version) throws Exception {
        PeerProcess.assumeInstalled("socat", "socat");
        RecordingListener events = new RecordingListener();
        TcpServerSession server = server(TlsServerConfig.of(LEAF).withProtocols(java.util.List.of(version)), events);
        byte[] big = new byte[BIG];
        new Random(7).nextBytes(big);
        Path file = Files.write(dir.resolve("big.bin"), big);

        PeerProcess upload = process("socat", "-d", "-d", "-u", "OPEN:" + file, "OPENSSL:127.0.0.1:"
                + server.localAddress().getPort() + ",cafile=" + caFile() + ",openssl-commonname=localhost");
        byte[] got = Await.value(() -> events.bytes(Direction.RX), b -> b.length >= BIG, Duration.ofSeconds(30),
                "the upload");
        assertArrayEquals(big, got);
        Await.until(() -> !events.all(SessionEvent.PeerFinished.class).isEmpty(), TIMEOUT,
                () -> "its close_notify; socat said:\n" + upload.output()); // its close_notify
        upload.await("SSL proto version used: " + version);
        if (version.equals("TLSv1.3")) {
            server.disconnect(java.util.List.of(events.await(SessionEvent.Connected.class).remote()));
        }
        assertEquals(0, upload.awaitExit(), upload.output());
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> events.events().toString());
    }

    @Test
    void ourServerGivesMegabytesToSocat() throws Exception {
        PeerProcess.assumeInstalled("socat", "socat");
        byte[] big = new byte[BIG];
        new Random(7).nextBytes(big);
        RecordingListener events = new RecordingListener();
        TcpServerSession sender = server(TlsServerConfig.of(LEAF), events);
        PeerProcess download = process("socat", "-u", "OPENSSL:127.0.0.1:" + sender.localAddress().getPort()
                + ",cafile=" + caFile() + ",openssl-commonname=localhost", "STDOUT");
        events.await(SessionEvent.Secured.class);
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        sender.allClients().send(big, written::complete);
        assertTrue(written.get(30, TimeUnit.SECONDS));
        Await.until(() -> download.stdout().length >= BIG, Duration.ofSeconds(30), () -> download.stdout().length
                + " of " + BIG + " bytes downloaded");
        assertArrayEquals(big, download.stdout());
        sender.close();
        assertEquals(0, download.awaitExit(), download.output());
    }

    @Test
    void aGreetingSentOnConnectedWaitsForTheHandshakeAndNeverGoesOutInPlaintext() throws Exception {
        try (ResettingServer sink = new ResettingServer()) {
            RecordingListener events = new RecordingListener();
            AtomicReference<TcpClientSession> client = new AtomicReference<>();
            CompletableFuture<Boolean> greeting = new CompletableFuture<>();
            SessionListener greeter = event -> {
                events.onEvent(event);
                if (event instanceof SessionEvent.Connected) {
                    client.get().send("GREETING".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                            greeting::complete);
                }
            };
            TcpClientOptions options = TcpClientOptions.of("127.0.0.1", sink.port());
            TcpClientSession session = new TcpClientSession(options, greeter, new TrafficCounters(), group.next(),
                    TlsTransports.client(trustingCa().withHandshakeTimeout(Duration.ofMillis(500)), "127.0.0.1",
                            sink.port()));
            client.set(session);
            closeLater(session::close);
            session.start();

            awaitFailure(events, FailureKind.TLS_HANDSHAKE_TIMEOUT, "500 ms");
            assertFalse(greeting.get(5, TimeUnit.SECONDS), "the greeting was dropped, not sent");
            // Everything the client sent on the connection, once it closed it: the greeting sent in
            // plaintext would be there, however late the sink's reader ran.
            byte[] seen = sink.awaitReadEnded(0, Duration.ofSeconds(10));
            assertTrue(seen.length > 0, "the ClientHello was sent");
            assertEquals(0x16, seen[0], "a TLS handshake record first");
            String asText = new String(seen, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(asText.contains("GREETING"), "never the greeting in plaintext");
            assertTrue(events.all(SessionEvent.Data.class).isEmpty(), "nothing reported as sent");
        }
    }
}
