package io.socketdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TLS 1.3 clients from their own JVM (see {@link PeerProcess}), plain JDK {@code SSLSocket}s that
 * verify the server's certificate (given as Base64 DER) and its address. Two uses:
 *
 * <ul>
 *   <li>{@code handshakes PORT CERT THREADS MILLIS}: THREADS threads each connect, complete a full
 *       handshake and close, again and again for MILLIS; prints {@code READY}, then
 *       {@code DONE <ok> <failed> <millis>}. No resumption: every connection invalidates its session
 *       and reads nothing, so no ticket is ever kept.</li>
 *   <li>{@code hold PORT CERT COUNT}: COUNT clients connect and complete their handshakes, at most
 *       {@link #IN_FLIGHT} at once, and stay open; prints {@code READY}, then
 *       {@code CONNECTED <n> <failed> <millis>}. {@code CLOSE} on stdin closes them all at once and
 *       answers {@code CLOSED <n> <millis>}.</li>
 * </ul>
 * Exits when stdin closes.
 */
public final class TlsClientsPeer {

    /** Handshakes under way at once while filling up: enough to keep a server's loop busy. */
    private static final int IN_FLIGHT = 64;

    private final InetSocketAddress server;
    private final SSLContext context;

    private TlsClientsPeer(InetSocketAddress server, X509Certificate trusted) throws Exception {
        this.server = server;
        this.context = TlsKeys.trusting(trusted);
        // Sessions are never resumed here: a full handshake every time.
        context.getClientSessionContext().setSessionTimeout(1);
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]));
        TlsClientsPeer peer = new TlsClientsPeer(server, TlsKeys.decode(args[2]));
        if (args[0].equals("handshakes")) {
            peer.handshakes(Integer.parseInt(args[3]), Long.parseLong(args[4]));
        } else {
            peer.hold(Integer.parseInt(args[3]));
        }
    }

    private SSLSocket connect() throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(server.getAddress(), server.getPort());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(TlsKeys.TLS13);
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the address must be in the certificate
        socket.setSSLParameters(parameters);
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        socket.getSession().invalidate();
        return socket;
    }

    private void handshakes(int threads, long millis) throws Exception {
        say("READY");
        PeerProcess.exitWhenParentLeaves();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        connect().close(); // handshake done: leave at once, with a close_notify
                        ok.incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
            }, "handshakes-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        say("DONE " + ok.get() + " " + failed.get() + " " + (System.nanoTime() - start) / 1_000_000);
    }

    private void hold(int count) throws Exception {
        say("READY");
        ConcurrentLinkedQueue<SSLSocket> open = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        for (int i = 0; i < count; i++) {
            pool.execute(() -> {
                try {
                    open.add(connect());
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            say("CONNECTED " + open.size() + " " + failed.get() + " timeout");
        } else {
            say("CONNECTED " + open.size() + " " + failed.get() + " " + (System.nanoTime() - start) / 1_000_000);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.trim().equals("CLOSE")) {
                    long closing = System.nanoTime();
                    int closed = 0;
                    for (SSLSocket socket; (socket = open.poll()) != null; closed++) {
                        closeQuietly(socket);
                    }
                    say("CLOSED " + closed + " " + (System.nanoTime() - closing) / 1_000_000);
                }
            }
        }
        System.exit(0);
    }

    private static void closeQuietly(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
