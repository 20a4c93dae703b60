package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionEvent;
import java.net.InetSocketAddress;

/**
 * What a relayed TCP connection and a UDP flow share: their two legs, their ends, their counts,
 * the link operations that only touch those (held bytes, a kick, an injection), and what a throw
 * while handling one does. The kinds differ in how they read, deliver and end.
 */
abstract class AbstractRelayLink implements RelayLink, LegPipe.Owner {

    protected final long id;
    protected final RelayContext context;
    protected final SelectorLoop loop;
    protected final InetSocketAddress clientAddress;
    protected final long sinceMillis = System.currentTimeMillis();
    protected final LegPipe up;
    protected final LegPipe down;
    /** Known once the target answered (TCP) or the upstream socket is open (UDP). */
    protected volatile InetSocketAddress targetAddress;
    protected volatile boolean closed;
    protected volatile long upBytes;
    protected volatile long downBytes;

    /** @param stream TCP (a byte stream) or UDP (datagrams) */
    AbstractRelayLink(long id, RelayContext context, SelectorLoop loop, InetSocketAddress clientAddress,
                      boolean stream) {
        this.id = id;
        this.context = context;
        this.loop = loop;
        this.clientAddress = clientAddress;
        this.up = new LegPipe(Leg.UP, context, this, stream);
        this.down = new LegPipe(Leg.DOWN, context, this, stream);
    }

    /** The target's address, or its name and port from the options while it is not known yet. */
    protected final InetSocketAddress targetOrPending() {
        InetSocketAddress address = targetAddress;
        return address != null ? address
                : InetSocketAddress.createUnresolved(context.options().targetHost(), context.options().targetPort());
    }

    /** The leg bytes go down: up is client to target. */
    protected final LegPipe pipe(Leg leg) {
        return leg == Leg.UP ? up : down;
    }

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final long heldBytes() {
        return up.queued() + down.queued();
    }

    @Override
    public final long heldCost() {
        return up.cost() + down.cost();
    }

    @Override
    public final void kick() {
        up.kick();
        down.kick();
    }

    @Override
    public final void inject(Leg leg, byte[] bytes) {
        if (closed) {
            return;
        }
        InetSocketAddress from = leg == Leg.UP ? clientAddress : targetOrPending();
        InetSocketAddress to = leg == Leg.UP ? targetOrPending() : clientAddress;
        context.emit(new SessionEvent.Relayed(System.currentTimeMillis(), id, leg, from, to, bytes, true));
        pipe(leg).accept(bytes, !isStream());
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    /** True for a TCP connection, false for a UDP flow. */
    protected abstract boolean isStream();

    /**
     * A handler whose throw ends this link, not the relay and not only the one socket (the loop's
     * own last resort closes just the channel it was handling and reports nothing).
     */
    protected final SelectorLoop.Handler endsThisLink(SelectorLoop.Handler handler) {
        return SelectorLoop.Handler.endingWith(handler, this::crash);
    }

    /**
     * Something was thrown while handling this link (a rewrite rule that failed on a read or a
     * datagram, a listener's exception): reported as a Failure naming it, the link ended with
     * {@code Disconnected(ERROR)} and its row gone; the relay serves the others on. An
     * {@link Error} ends the relay as well, as it ends a TCP server: a class that failed to load is
     * not trusted with the next client. Once closed, it can only be logged. Loop thread.
     */
    final void crash(Throwable fault) {
        Faults.log("relaying for " + clientAddress + " failed", fault);
        if (!closed) {
            try {
                context.emit(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.IO, clientAddress,
                        Faults.describe(fault), id));
            } catch (Throwable again) {
                Faults.log("listener failed on Failure", again);
            }
            endCrashed();
        }
        if (fault instanceof Error error) {
            context.crashed(error);
        }
    }

    /** Ends the link after {@link #crash}, with {@code Disconnected(ERROR)}. */
    protected abstract void endCrashed();
}
