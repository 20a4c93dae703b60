package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.SessionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The listening side of a UDP relay: receives the clients' datagrams and hands each to its
 * client address's {@link UdpFlow}, made at the first datagram. Loop thread only.
 */
final class UdpRelay {

    /** Datagrams received per readiness, so one chatty client cannot starve the targets' replies. */
    private static final int RECEIVES_PER_TURN = 64;

    private final RelayContext context;
    private final SelectorLoop loop;
    private final DatagramChannel channel;
    private final TargetLookup resolver;
    private final Map<InetSocketAddress, UdpFlow> flows = new HashMap<>();
    private UnaryOperator<SelectorLoop.Handler> guard;

    UdpRelay(RelayContext context, SelectorLoop loop, DatagramChannel channel, TargetLookup resolver) {
        this.context = context;
        this.loop = loop;
        this.channel = channel;
        this.resolver = resolver;
    }

    void register(UnaryOperator<SelectorLoop.Handler> guarded) throws IOException {
        this.guard = guarded;
        loop.register(channel, SelectionKey.OP_READ, guarded.apply(key -> receive()));
    }

    private void receive() throws IOException {
        ByteBuffer buffer = context.readBuffer();
        for (int turn = 0; turn < RECEIVES_PER_TURN; turn++) {
            buffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                // An ICMP error for an earlier send to a client: the next receive works again.
                continue;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            UdpFlow flow = flows.get(from);
            if (flow == null) {
                flow = open(from);
            }
            flow.fromClient(bytes);
        }
    }

    private UdpFlow open(InetSocketAddress client) {
        UdpFlow flow = new UdpFlow(ConnectionIds.next(), context, loop, channel, client,
                closed -> flows.remove(client, closed));
        flows.put(client, flow);
        context.added(flow);
        context.emit(new SessionEvent.Connected(System.currentTimeMillis(), localAddress(), client, flow.id()));
        resolver.resolve(target -> flow.connect(target, guard), flow::targetFailed);
        return flow;
    }

    private InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return new InetSocketAddress(0);
        }
    }

}
