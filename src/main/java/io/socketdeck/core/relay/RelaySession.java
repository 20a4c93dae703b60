package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.AbstractLoopSession;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;

/**
 * A relay: listens, and for every client opens a connection to the target and forwards both ways,
 * injecting the faults set per {@link Leg}. Everything runs on one {@link SelectorLoop}, however
 * many connections (thousands); every method but {@code run} is safe from any thread.
 *
 * <p>Events, on the loop thread: {@code Opened} when listening; per TCP client
 * {@code Connected} (remote: the client; the connection's id), then {@code Linked} once the target
 * answered, {@code Relayed} for every chunk read from either side, {@code PeerFinished} (remote:
 * the side that sent its FIN; the other direction keeps flowing), {@code FaultInjected} for every
 * fault, rewrite, hold or injection, and {@code Disconnected} (remote: the client; reason PEER for
 * FIN both ways, RESET when either side reset, KICKED on {@link #disconnect}, ERROR when the target
 * could not be reached, after a {@code Failure} naming why and the target). A failure to listen is a
 * {@code Failure} and {@code Closed(ERROR)}. A UDP relay reports each client address's flow the
 * same way: {@code Connected} at its first datagram, {@code Disconnected(LOCAL)} at its idle timeout.
 *
 * <p>Counters: {@code rx} counts bytes read from clients and targets, {@code tx} bytes written to
 * them (injected ones included); {@link #upBytes()} and {@link #downBytes()} count each way as read.
 */
public final class RelaySession extends AbstractLoopSession {

    private final RelayOptions options;

    /** A relay on a loop of its own, driven by {@link #run()}. */
    public RelaySession(RelayOptions options, SessionListener listener, TrafficCounters counters) {
        super(listener, counters);
        this.options = options;
    }

    /** A relay on {@code loop}, shared with other sessions; begin it with {@link #start()}. */
    public RelaySession(RelayOptions options, SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        super(loop, listener, counters);
        this.options = options;
    }

    public RelayOptions options() {
        return options;
    }

    /** The address listened on, with the port the system picked for port 0; null until open. */
    public InetSocketAddress localAddress() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sets the faults of one direction of every connection, live: what was already scheduled keeps
     * its time, what is read from now on meets the new faults; per-rule rewrite counts start again
     * when the rules change. Reported as {@code FaultInjected(FAULTS_CHANGED)}. Any thread.
     */
    public void setFaults(Leg leg, LegFaults faults) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The faults of {@code leg} set last; {@link LegFaults#NONE} at first. Any thread. */
    public LegFaults faults(Leg leg) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * How often each rewrite rule of {@code leg} matched since its rules were set, in the order of
     * {@code faults(leg).rewrites()}. Any thread.
     */
    public List<Long> rewriteHits(Leg leg) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Holds (true) or releases (false) forwarding on every connection. While held, bytes read
     * queue, up to the buffer bound per direction, then the relay stops reading (back-pressure);
     * on release they go on, through the faults, in order. Reported as {@code FaultInjected(HELD /
     * RELEASED)}. Any thread.
     */
    public void hold(boolean held) {
        throw new UnsupportedOperationException("not yet");
    }

    /** True while held. Any thread. */
    public boolean isHeld() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Bytes read but not yet delivered, all connections and legs together; any thread. */
    public long heldBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Closes the connections with these ids, both sides; each is reported Disconnected(KICKED). Any thread. */
    public void disconnect(Collection<Long> connections) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends {@code bytes} into one leg of a connection as if its source had sent them: through the
     * leg's faults, to the leg's receiver ({@link Leg#UP}: the target; {@link Leg#DOWN}: the
     * client). Reported as {@code Relayed} with {@code injected} set. The array belongs to the
     * relay from now on. Any thread.
     *
     * @return false when the relay is not open (the connection may still be gone when it gets there:
     *         then a NOT_CONNECTED {@code Failure})
     */
    public boolean inject(long connection, Leg leg, byte[] bytes) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * A send target for the send tools (repeat and file sends) into one leg of a connection, as
     * {@link #inject}; closed when the connection is.
     */
    public SendTarget injectTarget(long connection, Leg leg) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The connections now, oldest first, with their counts at this moment; any thread. Built on
     * the caller's thread; cheap to skip while {@link #connectionVersion()} has not moved (but
     * byte counts move without it).
     */
    public List<RelayConnection> connections() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Moves whenever a connection arrives, leaves or changes state; any thread. */
    public long connectionVersion() {
        throw new UnsupportedOperationException("not yet");
    }

    /** How many connections (UDP: flows) are live now; any thread. */
    public int connectionCount() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Bytes read from clients so far, all connections; any thread. */
    public long upBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Bytes read from targets so far, all connections; any thread. */
    public long downBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    protected void open() {
        emit(new SessionEvent.Failure(System.currentTimeMillis(), io.socketdeck.core.session.FailureKind.IO, null,
                "not yet"));
        end(CloseReason.ERROR);
    }

    @Override
    protected void release(CloseReason reason) {
        // nothing yet
    }

    @Override
    protected boolean socketOpen() {
        return false;
    }
}
