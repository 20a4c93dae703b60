package io.socketdeck.bench;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.TlsServerConfig;
import io.socketdeck.core.tls.TlsTransports;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server tab's TLS server as far as a bench can reach it today: the tab has no TLS setting
 * yet, so this builds the engine the tab will build ({@code TcpServerSession} over
 * {@code TlsTransports.server}, no client limit) and feeds the tab's own log (its server ingest,
 * shown in the window) and its engine counters. What it cannot feed is the tab's client table,
 * which follows the session the tab made itself. Once the tab takes a certificate, the benches
 * set its TLS fields and call {@code listen()} instead, and read the counts below from the tab:
 * this class is the one place to change.
 *
 * <p>Counts what a user would see in the log, from the session's events (on its loop thread).
 */
final class TlsServerStandIn implements SessionListener {

    private final SessionListener rows;
    private final TcpServerSession session;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger secured = new AtomicInteger();
    private final AtomicInteger resumed = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private TlsServerStandIn(TcpServerViewModel tab, KeyMaterial key, SelectorLoop loop) {
        this.rows = tab.traffic().log().newServerIngest();
        TcpServerOptions options = TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0)
                .withMaxClients(TcpServerOptions.UNLIMITED); // as ServerBench clears the tab's limit
        this.session = new TcpServerSession(options, this, tab.traffic().engineCounters(), loop,
                TlsTransports.server(TlsServerConfig.of(key)));
    }

    /** Listens on 127.0.0.1, a port the system picks; returns once it listens. */
    static TlsServerStandIn listen(TcpServerViewModel tab, KeyMaterial key, SelectorLoop loop) throws Exception {
        TlsServerStandIn server = new TlsServerStandIn(tab, key, loop);
        server.session.start();
        server.opened.get(10, TimeUnit.SECONDS);
        return server;
    }

    @Override
    public void onEvent(SessionEvent event) {
        rows.onEvent(event);
        if (event instanceof SessionEvent.Connected) {
            held.incrementAndGet();
        } else if (event instanceof SessionEvent.Disconnected) {
            held.decrementAndGet();
        } else if (event instanceof SessionEvent.Secured done) {
            secured.incrementAndGet();
            if (done.handshake().resumed()) {
                resumed.incrementAndGet();
            }
        } else if (event instanceof SessionEvent.Failure failure) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, failure.kind() + " " + failure.detail());
        } else if (event instanceof SessionEvent.Opened) {
            opened.complete(null);
        } else if (event instanceof SessionEvent.Closed) {
            opened.completeExceptionally(new IllegalStateException("the TLS server closed before it listened"));
            closed.complete(null);
        }
    }

    int port() {
        return session.localAddress().getPort();
    }

    /** Clients connected now (handshake done or not). */
    int held() {
        return held.get();
    }

    /** Handshakes completed so far. */
    int secured() {
        return secured.get();
    }

    /** Of those, the ones that resumed a session (an abbreviated handshake). */
    int resumed() {
        return resumed.get();
    }

    int failures() {
        return failures.get();
    }

    String firstFailure() {
        return firstFailure.get();
    }

    /** Stops as Stop does (every client closed) and returns once the session has closed. */
    void stop() throws Exception {
        session.close();
        closed.get(60, TimeUnit.SECONDS);
    }
}
