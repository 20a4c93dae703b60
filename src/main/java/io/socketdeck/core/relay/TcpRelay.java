package io.socketdeck.core.relay;

import io.socketdeck.core.io.Acceptor;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SessionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side of a TCP relay: accepts clients and gives each a {@link TcpLink} to the
 * target. Loop thread only.
 */
final class TcpRelay {

    private static final Logger LOGGER = LoggerFactory.getLogger(TcpRelay.class);


    private final RelayContext context;
    private final SelectorLoop loop;
    private final ServerSocketChannel server;
    private final TargetLookup lookup;
    private final Acceptor acceptor;

    TcpRelay(RelayContext context, SelectorLoop loop, ServerSocketChannel server, TargetLookup lookup) {
        this.context = context;
        this.loop = loop;
        this.server = server;
        this.lookup = lookup;
        this.acceptor = new Acceptor(server, this::admit, this::acceptFailed, context::schedule);
    }

    void register(UnaryOperator<SelectorLoop.Handler> guarded) throws IOException {
        acceptor.register(loop, guarded);
    }

    private void admit(SocketChannel accepted) {
        TcpLink link;
        InetSocketAddress client;
        InetSocketAddress local;
        try {
            accepted.configureBlocking(false);
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client = (InetSocketAddress) accepted.getRemoteAddress();
            local = (InetSocketAddress) accepted.getLocalAddress();
            link = new TcpLink(ConnectionIds.next(), context, loop, accepted, client);
            link.register();
        } catch (IOException e) {
            // The client went away between the handshake and our accept; nobody to report about.
            LOGGER.debug("accepted connection failed before setup", e);
            SelectorLoop.closeQuietly(accepted);
            return;
        }
        context.added(link);
        context.emit(new SessionEvent.Connected(System.currentTimeMillis(), local, client, link.id()));
        lookup.resolve(target -> {
            if (!link.isClosed()) {
                link.connect(target);
            }
        }, link::targetFailed);
    }

    private void acceptFailed(IOException error) {
        InetSocketAddress local = null;
        try {
            local = (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            LOGGER.debug("no local address", e);
        }
        context.emit(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(error), local,
                IoFailures.detail(error)));
    }
}
