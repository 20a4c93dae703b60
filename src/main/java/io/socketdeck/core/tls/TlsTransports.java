package io.socketdeck.core.tls;

import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.session.TlsHandshake.Trust;
import io.socketdeck.core.tcp.Transport;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * Makes the TLS transports of a TCP client or server session: one {@link SSLContext} per session
 * (so a server's clients can resume their sessions), one {@link SSLEngine} per connection.
 */
public final class TlsTransports {

    private TlsTransports() {
    }

    /**
     * TLS for a client that connects to {@code host}:{@code port}: SNI and the verified name are
     * {@link TlsClientConfig#nameFor the server name}, unless that is an IP address (which SNI
     * cannot carry; the certificate must then list the address).
     */
    public static Transport.Factory client(TlsClientConfig config, String host, int port) {
        String name = config.nameFor(host);
        boolean verifyName = config.verifyHostname() && !config.insecure();
        PeerTrust trust = new PeerTrust(PeerTrust.authorities(true, config.authorities()), config.pins(),
                config.insecure(), verifyName ? name : null);
        KeyManager[] keys = config.clientKey() == null ? null : config.clientKey().keyManagers();
        SSLContext context = context(keys, trust);
        long timeout = config.handshakeTimeout().toNanos();
        return channel -> {
            SSLEngine engine = context.createSSLEngine(name, port);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setProtocols(config.protocols().toArray(String[]::new));
            parameters.setApplicationProtocols(config.alpn().toArray(String[]::new));
            String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            if (!IpLiterals.isLiteral(bare)) {
                parameters.setServerNames(List.of(new SNIHostName(bare)));
            } else {
                parameters.setServerNames(List.of());
            }
            engine.setSSLParameters(parameters);
            return new TlsTransport(channel, engine, timeout, Trust.NONE);
        };
    }

    /** TLS for every client of a server, presenting {@link TlsServerConfig#key()}. */
    public static Transport.Factory server(TlsServerConfig config) {
        PeerTrust trust = new PeerTrust(PeerTrust.authorities(config.clientAuthorities().isEmpty(),
                config.clientAuthorities()), Set.of(), false, null);
        SSLContext context = context(config.key().keyManagers(), trust);
        long timeout = config.handshakeTimeout().toNanos();
        AtomicInteger clients = new AtomicInteger();
        return channel -> {
            if (clients.incrementAndGet() == FastCurves.CLIENTS_BEFORE_WARMING) {
                // Clients are arriving, maybe a storm: the curve work in half the time once
                // warm (until then SunEC). Not sooner: warming beside the first handshakes would
                // slow them, and a server of a few clients gains nothing.
                FastCurves.installSoon();
            }
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setProtocols(config.protocols().toArray(String[]::new));
            parameters.setApplicationProtocols(config.alpn().toArray(String[]::new));
            parameters.setNeedClientAuth(config.requireClientCert());
            engine.setSSLParameters(parameters);
            return new TlsTransport(channel, engine, timeout, Trust.NONE);
        };
    }

    private static SSLContext context(KeyManager[] keys, PeerTrust trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS", e);
        }
    }
}
