package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.FailureKind;
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
 * client address's {@link UdpFlow}, made at the first datagram, up to a limit of flows at once.
 * Loop thread only.
 */
final class UdpRelay {

    /** Datagrams received per readiness, so one chatty client cannot starve the targets' replies. */
    private static final int RECEIVES_PER_TURN = 64;
    /**
     * Flows at once, by default. Each has a socket of its own (a file descriptor) and two legs:
     * without a limit, a peer sending from many source ports opened flows until the process ran
     * out of descriptors or memory. 1,024 is more clients than a test bench talks to, and its
     * sockets stay well within what a process may open.
     */
    static final int MAX_FLOWS = 1024;

    private final RelayContext context;
    private final SelectorLoop loop;
    private final DatagramChannel channel;
    private final TargetLookup resolver;
    private final Map<InetSocketAddress, UdpFlow> flows = new HashMap<>();
    private final int maxFlows;
    /** Datagrams from new addresses dropped: one event a burst with their count. */
    private final BurstReport refused;
    /** Datagrams dropped for a full leg, all flows together: one event a burst with their count and bytes. */
    private final BurstReport legsFull;

    UdpRelay(RelayContext context, SelectorLoop loop, DatagramChannel channel, TargetLookup resolver, int maxFlows) {
        this.context = context;
        this.loop = loop;
        this.channel = channel;
        this.resolver = resolver;
        this.maxFlows = maxFlows;
        this.refused = context.burstReport((count, bytes) -> context.emit(new SessionEvent.Failure(
                System.currentTimeMillis(), FailureKind.TOO_MANY_FLOWS, localAddress(), count + "\n" + maxFlows)));
        this.legsFull = context.burstReport((count, bytes) -> context.emit(new SessionEvent.Failure(
                System.currentTimeMillis(), FailureKind.FLOW_BUFFER_DROPPED, localAddress(),
                count + "\n" + bytes + "\n" + context.options().bufferBytes())));
    }

    /**
     * @param guarded makes a handler whose throw ends the relay; a throw while handling one flow
     *                ends only that flow (see {@link #receive})
     */
    void register(UnaryOperator<SelectorLoop.Handler> guarded) throws IOException {
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
                if (flows.size() >= maxFlows) {
                    refuse(bytes.length);
                    continue;
                }
                flow = open(from);
            }
            try {
                flow.fromClient(bytes);
            } catch (Throwable fault) {
                // One flow's fault (a rewrite rule that overflowed the stack on this datagram, a
                // listener's exception) ends that flow; the others are served on, as over TCP.
                flow.crash(fault);
                if (fault instanceof Error) {
                    return; // it ended the relay too
                }
            }
        }
    }

    /**
     * A datagram from a new address while every flow is taken: dropped (read, so counted as
     * received), and counted towards the burst's report.
     */
    private void refuse(int length) {
        context.counters().addReceived(length);
        refused.add(length);
    }

    private UdpFlow open(InetSocketAddress client) {
        UdpFlow flow = new UdpFlow(ConnectionIds.next(), context, loop, channel, client, legsFull,
                closed -> flows.remove(client, closed));
        flows.put(client, flow);
        context.added(flow);
        context.emit(new SessionEvent.Connected(System.currentTimeMillis(), localAddress(), client, flow.id()));
        resolver.resolve(flow::connect, flow::targetFailed);
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
