package io.socketdeck.bench;

import io.socketdeck.core.tls.KeyMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS 1.3 device gone wild, in its own JVM (see {@link PeerProcess}): presents a fresh
 * self-signed certificate for 127.0.0.1, and sends each client in turn exactly the number of
 * bytes given as its argument ({@link FloodPeer#telemetry} repeated) as fast as it reads, then
 * closes with a close_notify. Plain JDK blocking {@code SSLSocket}s: the sender is the same for
 * every reader measured.
 *
 * <p>Prints {@code PORT <n>}, then {@code CERT <base64 DER>} (what a reader must trust), then
 * {@code SENT <bytes>} after each client. Exits when stdin closes.
 */
public final class TlsFloodPeer {

    private TlsFloodPeer() {
    }

    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]);
        KeyMaterial key = TlsKeys.selfSigned();
        byte[] chunk = new byte[FloodPeer.CHUNK];
        FloodPeer.telemetry(FloodPeer.CHUNK).get(chunk);
        SSLServerSocket server = (SSLServerSocket) TlsKeys.presenting(key).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(TlsKeys.TLS13);
        System.out.println("PORT " + server.getLocalPort());
        System.out.println("CERT " + TlsKeys.encode(key.certificate()));
        System.out.flush();
        PeerProcess.exitWhenParentLeaves();
        while (true) {
            long sent = 0;
            try (SSLSocket client = (SSLSocket) server.accept()) {
                OutputStream out = client.getOutputStream();
                while (sent < total) {
                    int n = (int) Math.min(chunk.length, total - sent);
                    out.write(chunk, 0, n);
                    sent += n;
                }
                out.flush();
            } catch (IOException readerLeft) {
                // the reader hung up early (a failed round): the parent says so
            }
            System.out.println("SENT " + sent);
            System.out.flush();
        }
    }
}
