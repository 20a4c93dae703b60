package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.function.Consumer;

/**
 * One client address of a UDP relay: its own upstream socket connected to the target (until it
 * sends an empty datagram, see {@link #sendToTarget}), a {@link LegPipe} each way, and an idle
 * timeout. Loop thread only, but for what a snapshot reads.
 */
final class UdpFlow extends AbstractRelayLink {

    private final DatagramChannel listening;
    /** The relay's count of datagrams dropped for a full leg, told once a burst. */
    private final BurstReport legFull;
    private final Consumer<UdpFlow> onClosed;
    private DatagramChannel upstream;
    private long lastActiveNanos = System.nanoTime();
    private boolean reportedUnreachable;

    UdpFlow(long id, RelayContext context, SelectorLoop loop, DatagramChannel listening, InetSocketAddress client,
            BurstReport legFull, Consumer<UdpFlow> onClosed) {
        super(id, context, loop, client, false);
        this.listening = listening;
        this.legFull = legFull;
        this.onClosed = onClosed;
        armIdleTimer(context.options().udpIdleTimeout().toNanos());
    }

    /** Opens the upstream socket towards the target. */
    void connect(InetSocketAddress address) {
        if (closed) {
            return;
        }
        targetAddress = address;
        try {
            upstream = DatagramChannel.open();
            upstream.configureBlocking(false);
            upstream.connect(address);
            loop.register(upstream, SelectionKey.OP_READ, endsThisLink(key -> fromTarget()));
        } catch (IOException | RuntimeException e) {
            targetFailed(e instanceof IOException ? IoFailures.classify(e) : FailureKind.IO, IoFailures.detail(e));
            return;
        }
        context.emit(new SessionEvent.Linked(System.currentTimeMillis(), id, clientAddress, address));
        context.changed();
        up.connect(new LegPipe.Sink() {
            @Override
            public int write(byte[] bytes, int offset, int length) throws IOException {
                try {
                    if (sendToTarget(ByteBuffer.wrap(bytes, offset, length)) == length) {
                        context.counters().addSent(length); // whole or not at all; an empty one counts too
                    }
                } catch (PortUnreachableException e) {
                    targetUnreachable(e);
                }
                return length;
            }

            @Override
            public void finish() {
                // A datagram flow has no end of stream.
            }
        });
        down.connect(new LegPipe.Sink() {
            @Override
            public int write(byte[] bytes, int offset, int length) throws IOException {
                if (listening.send(ByteBuffer.wrap(bytes, offset, length), clientAddress) == length) {
                    context.counters().addSent(length); // whole or not at all; an empty one counts too
                }
                return length;
            }

            @Override
            public void finish() {
                // A datagram flow has no end of stream.
            }
        });
    }

    /**
     * Sends one datagram to the target. The upstream socket is connected, so that it hears the
     * target only and learns of ICMP port unreachable; but Java 17 sends nothing for an empty
     * datagram on a connected socket (it returns 0 before asking the system). So the first empty
     * one disconnects it, which keeps its port and what it has received: from then on the flow
     * sends to the target by address, ignores datagrams from anyone else itself (see
     * {@link #fromTarget}) and no longer learns of port unreachable.
     */
    private int sendToTarget(ByteBuffer datagram) throws IOException {
        if (upstream.isConnected()) {
            if (datagram.hasRemaining()) {
                return upstream.write(datagram);
            }
            upstream.disconnect();
        }
        return upstream.send(datagram, targetAddress);
    }

    /** The target's port answered "unreachable" (ICMP): said once per flow, the flow goes on. */
    private void targetUnreachable(IOException error) {
        if (!reportedUnreachable) {
            reportedUnreachable = true;
            context.emit(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.PORT_UNREACHABLE,
                    targetAddress, IoFailures.detail(error), id));
        }
    }

    void targetFailed(FailureKind kind, String detail) {
        if (closed) {
            return;
        }
        InetSocketAddress where = targetAddress != null ? targetAddress
                : InetSocketAddress.createUnresolved(context.options().targetHost(), context.options().targetPort());
        context.emit(new SessionEvent.Failure(System.currentTimeMillis(), kind, where, detail, id));
        end(CloseReason.ERROR);
    }

    void fromClient(byte[] bytes) {
        if (closed) {
            return;
        }
        lastActiveNanos = System.nanoTime();
        upBytes += bytes.length;
        context.counters().addReceived(bytes.length);
        context.read(Leg.UP, bytes.length);
        context.emit(new SessionEvent.Relayed(System.currentTimeMillis(), id, Leg.UP, clientAddress, targetOrPending(),
                bytes, false));
        forward(up, bytes);
    }

    private void fromTarget() {
        ByteBuffer buffer = context.readBuffer();
        for (int turn = 0; turn < 64 && !closed; turn++) {
            buffer.clear();
            SocketAddress sender;
            try {
                sender = upstream.receive(buffer);
                if (sender == null) {
                    return;
                }
            } catch (PortUnreachableException e) {
                targetUnreachable(e);
                continue;
            } catch (IOException e) {
                context.emit(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(e), targetAddress,
                        IoFailures.detail(e), id));
                end(CloseReason.ERROR);
                return;
            }
            if (!upstream.isConnected() && !targetAddress.equals(sender)) {
                continue; // to a disconnected upstream's port from elsewhere: a connected one never hears it
            }
            buffer.flip();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            lastActiveNanos = System.nanoTime();
            downBytes += bytes.length;
            context.counters().addReceived(bytes.length);
            context.read(Leg.DOWN, bytes.length);
            context.emit(new SessionEvent.Relayed(System.currentTimeMillis(), id, Leg.DOWN, targetAddress, clientAddress,
                    bytes, false));
            forward(down, bytes);
        }
    }

    /**
     * A datagram beyond the leg's buffer, or beyond what the relay's legs may hold together, is
     * dropped: UDP cannot push back on its sender. Either drop is counted and told once a burst
     * (the budget counts its own).
     */
    private void forward(LegPipe pipe, byte[] bytes) {
        if (!pipe.fitsDatagram(bytes.length)) {
            legFull.add(bytes.length);
            return;
        }
        if (!context.budget().admitDatagram(bytes.length)) {
            return;
        }
        pipe.accept(bytes, true);
    }

    private void armIdleTimer(long delayNanos) {
        context.schedule(delayNanos, () -> {
            if (closed) {
                return;
            }
            long idle = System.nanoTime() - lastActiveNanos;
            long timeout = context.options().udpIdleTimeout().toNanos();
            if (idle >= timeout) {
                end(CloseReason.LOCAL);
            } else {
                armIdleTimer(timeout - idle);
            }
        });
    }

    private void end(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        up.clear();
        down.clear();
        SelectorLoop.closeQuietly(upstream);
        try {
            context.emit(new SessionEvent.Disconnected(System.currentTimeMillis(), clientAddress, reason, id));
        } finally {
            // A listener that throws must not leave a closed row in the table, nor a closed flow
            // that its client's next datagrams would go to.
            context.removed(this);
            onClosed.accept(this);
        }
    }

    @Override
    protected void endCrashed() {
        end(CloseReason.ERROR);
    }

    @Override
    public void wantWrite(Leg leg, boolean on) {
        // Datagrams are sent whole or lost; nothing waits for writability.
    }

    @Override
    public void wantRead(Leg leg, boolean on) {
        // No back-pressure on datagrams: a full leg drops (see forward).
    }

    @Override
    public void finished(Leg leg) {
        // Never: datagram legs have no FIN.
    }

    @Override
    public void resetByFault(Leg leg) {
        end(CloseReason.RESET);
    }

    @Override
    public void sinkFailed(Leg leg, IOException error) {
        context.emit(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(error),
                leg == Leg.UP ? targetAddress : clientAddress, IoFailures.detail(error), id));
        end(CloseReason.ERROR);
    }

    @Override
    public RelayConnection snapshot() {
        RelayConnectionState state = targetAddress == null ? RelayConnectionState.CONNECTING
                : context.held() ? RelayConnectionState.HELD
                : up.stalled() || down.stalled() ? RelayConnectionState.STALLED : RelayConnectionState.OPEN;
        return new RelayConnection(id, clientAddress, targetAddress, sinceMillis, upBytes, downBytes, state, heldBytes());
    }

    @Override
    protected boolean isStream() {
        return false;
    }

    @Override
    public void close(CloseReason reason) {
        end(reason);
    }
}
