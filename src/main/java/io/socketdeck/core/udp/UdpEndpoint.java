package io.socketdeck.core.udp;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.net.HostLookup;
import io.socketdeck.core.options.OptionApplier;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.RoundTrips;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An open UDP socket on a {@link SelectorLoop}: receives every datagram as one event, sends
 * datagrams in order, and reports faults as events without closing. Loop thread only.
 *
 * <p>A send to a host name whose address is not known yet never waits on the loop: the name is
 * looked up off it ({@link HostLookup.NameService}), one lookup per name however many sends wait
 * for it, and the send waits in order behind the sends made before it; every send made after it
 * waits behind it, literals included, until the answer comes back to the loop. At most
 * {@link #MAX_WAITING_FOR_LOOKUP} sends wait so, within {@link #MAX_QUEUED_BYTES} with the sends
 * waiting for room in the socket buffer; beyond that a send is refused ({@code SEND_BUFFER_FULL}).
 * A name that does not resolve is one {@code UNKNOWN_HOST} for all the sends that waited for that
 * lookup, each of which is told it was dropped.
 */
final class UdpEndpoint implements SelectorLoop.Handler {

    /** Holds the largest datagram (65,507 bytes over IPv4, 65,527 over IPv6): nothing is cut. */
    static final int RECEIVE_BUFFER = 65_536;
    /** Datagrams per readiness before queued sends and joins get their turn, even under a flood. */
    private static final int DATAGRAMS_PER_TURN = 256;
    /**
     * A turn reads the wall clock for its first datagram and again every this many: a datagram's
     * time may then be the one read for up to 31 datagrams before it, which a turn reads back to
     * back, a few tens of microseconds under a flood and less than the millisecond a row shows.
     * Measured (bench group {@code udp-rx}, three alternating rounds a side): the clock read for
     * every datagram was about 5 % of the receiving threads' CPU time per datagram
     * ({@code udp_rx_cpu_ratio} 1.25-1.29 against 1.33-1.49).
     */
    private static final int DATAGRAMS_PER_CLOCK_READ = 32;
    /** Sends waiting for room in the socket buffer; more is a runaway sender, not a user. */
    static final long MAX_QUEUED_BYTES = 16L << 20;
    /**
     * Memory of one waiting datagram besides its payload (its record, buffer wrapper and queue
     * slot), counted against {@link #MAX_QUEUED_BYTES}: tiny datagrams must not fill the heap
     * before the byte limit is reached.
     */
    static final int DATAGRAM_OVERHEAD = 96;
    /**
     * Sends waiting for a name's address at most. A lookup answers within milliseconds normally;
     * a silent DNS server takes seconds to give up (timeout times attempts per server). A repeat
     * every millisecond fills this in about a second and then stops at its first refused send,
     * where waiting without bound would hold several seconds' worth of it to send in one burst.
     */
    static final int MAX_WAITING_FOR_LOOKUP = 1024;

    private record Outgoing(ByteBuffer bytes, InetSocketAddress target, SendTarget.SendCompletion done) {
    }

    /** Told of a received datagram whose handling threw: the socket reads the next one as usual. */
    @FunctionalInterface
    interface Unhandled {
        void unhandled(InetSocketAddress sender, int length, RuntimeException fault);
    }

    /**
     * A send waiting behind a lookup: {@code known} is its address when it was known as it was
     * made (the last answer), {@code lookup} the lookup it waits for; neither for a literal or the
     * connected remote, read when its turn comes.
     */
    private record Waiting(byte[] bytes, UdpTarget target, SendTarget.SendCompletion done,
                           InetSocketAddress known, NameLookup lookup) {
    }

    /** One name's lookup, shared by every send that waits for it. */
    private static final class NameLookup {
        private final String host;
        private boolean answered;
        /** The answer; null when the name did not resolve. */
        private InetAddress[] addresses;
        /** Its failure is reported once, by the first send that waited for it. */
        private boolean failureReported;

        NameLookup(String host) {
            this.host = host;
        }
    }

    private final SelectorLoop loop;
    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final InetSocketAddress connectedRemote;
    // Direct: the JDK receives into it without an extra copy; each datagram's bytes are then
    // copied once into an array the event owns.
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
    private final TrafficCounters counters;
    private final SessionListener listener;
    /** The peers we sent to, waiting for their answer (see {@link RoundTrips}); the oldest go first. */
    private final Map<InetSocketAddress, RoundTrips> awaiting = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, RoundTrips> eldest) {
            return size() > 256;
        }
    };
    private final SenderHistory senders;
    private final TargetResolver resolver;
    private final BroadcastPermission broadcast;
    private final Memberships memberships;
    private final Runnable onChannelLost;
    private final Consumer<Throwable> onFault;
    private final Unhandled onUnhandled;
    private final HostLookup.NameService names;
    /** Runs a lookup's answer on the loop, unless the session has ended by then. */
    private final Consumer<Runnable> onLoop;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    /** Sends waiting for a name's address, and every send made after them; in order. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** The lookups in flight, by name. */
    private final Map<String, NameLookup> lookups = new HashMap<>();
    /** Payload and overhead of the sends in {@link #queue} and {@link #waiting}. */
    private long queuedBytes;
    private InetSocketAddress lastSender;
    private SelectionKey key;

    UdpEndpoint(SelectorLoop loop, DatagramChannel channel, InetSocketAddress connectedRemote,
                TrafficCounters counters, SessionListener listener, SenderHistory senders,
                HostLookup.NameService names, Consumer<Runnable> onLoop, Runnable onChannelLost,
                Consumer<Throwable> onFault, Unhandled onUnhandled) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.connectedRemote = connectedRemote;
        this.counters = counters;
        this.listener = listener;
        this.senders = senders;
        this.resolver = TargetResolver.forLocal(local);
        this.broadcast = new BroadcastPermission(channel);
        this.memberships = new Memberships(channel, listener);
        this.names = names;
        this.onLoop = onLoop;
        this.onChannelLost = onChannelLost;
        this.onFault = onFault;
        this.onUnhandled = onUnhandled;
    }

    void start() throws IOException {
        key = loop.register(channel, SelectionKey.OP_READ, this);
    }

    InetSocketAddress local() {
        return local;
    }

    boolean reaches(InetAddress address) {
        return resolver.reaches(address);
    }

    Memberships memberships() {
        return memberships;
    }

    /**
     * What this code threw while handling the socket, or an {@link Error} a listener threw (a class
     * that failed to load, out of memory: nothing to trust with the next datagram either), ends the
     * session, with events. A listener's exception on one datagram does not (see {@link #receive}).
     */
    @Override
    public boolean failed(SelectionKey failedKey, Throwable error) {
        onFault.accept(error);
        return true;
    }

    @Override
    public void ready(SelectionKey readyKey) {
        if (readyKey.isValid() && readyKey.isWritable()) {
            flush();
        }
        if (readyKey.isValid() && readyKey.isReadable()) {
            receive();
        }
    }

    private void receive() {
        long timeMillis = 0;
        for (int turn = 0; turn < DATAGRAMS_PER_TURN; turn++) {
            SocketAddress from;
            try {
                receiveBuffer.clear();
                from = channel.receive(receiveBuffer);
            } catch (ClosedChannelException e) {
                onChannelLost.run();
                return;
            } catch (IOException e) {
                // An ICMP error queued on a connected socket (port unreachable, host unreachable).
                // Reading it clears it: the socket goes on.
                fail(e, connectedRemote);
                return;
            }
            if (from == null) {
                return;
            }
            receiveBuffer.flip();
            byte[] bytes = new byte[receiveBuffer.remaining()];
            receiveBuffer.get(bytes);
            InetSocketAddress sender = (InetSocketAddress) from;
            // The JDK hands back the same address object while the sender stays the same, so this
            // identity check keeps the history's lock out of a flood from one peer.
            if (sender != lastSender) {
                lastSender = sender;
                senders.saw(sender);
            }
            counters.addReceived(bytes.length);
            // Only a sender we sent to waits for an answer: a flood from others costs no lookup.
            RoundTrips answered = awaiting.isEmpty() ? null : awaiting.remove(sender);
            long roundTrip = answered == null ? RoundTrips.NONE : answered.receivedNow();
            if (turn % DATAGRAMS_PER_CLOCK_READ == 0) {
                timeMillis = System.currentTimeMillis();
            }
            try {
                listener.onEvent(new SessionEvent.Data(timeMillis, Direction.RX, sender, bytes,
                        ConnectionIds.NONE, false, roundTrip));
            } catch (RuntimeException fault) {
                // One datagram's handling, not the socket's: as a TCP server ends only the connection
                // a listener threw on, the socket goes on with the next datagram, and it is told.
                onUnhandled.unhandled(sender, bytes.length, fault);
            }
        }
    }

    /** Sends one datagram to {@code target}, or to the connected remote when it is null. */
    void send(byte[] bytes, UdpTarget target) {
        send(bytes, target, SendTarget.SendCompletion.IGNORE);
    }

    /**
     * Queues one datagram; {@code done} learns whether it was handed to the system. A name not
     * known yet is looked up off the loop first, the datagram waiting for it (see above).
     */
    void send(byte[] bytes, UdpTarget target, SendTarget.SendCompletion done) {
        if (!waiting.isEmpty()) {
            await(bytes, target, done); // behind a send that waits for a name: in order
            return;
        }
        InetSocketAddress address;
        try {
            address = target == null ? connectedRemote : resolver.atOnce(target);
        } catch (AddressFamilyException e) {
            refuseFamily(e, done);
            return;
        }
        if (address == null && target != null) {
            await(bytes, target, done); // a name not known yet
            return;
        }
        sendTo(bytes, address, done);
    }

    /** Puts a send behind the lookups in flight, or refuses it beyond the bound. */
    private void await(byte[] bytes, UdpTarget target, SendTarget.SendCompletion done) {
        long cost = DATAGRAM_OVERHEAD + (long) bytes.length;
        if (waiting.size() >= MAX_WAITING_FOR_LOOKUP || queuedBytes + cost > MAX_QUEUED_BYTES) {
            InetSocketAddress where = target == null ? connectedRemote
                    : InetSocketAddress.createUnresolved(target.host(), target.port());
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.SEND_BUFFER_FULL, where,
                    waiting.size() + " datagrams waiting for a name to be looked up"));
            done.completed(false);
            return;
        }
        InetSocketAddress known = null;
        NameLookup lookup = null;
        boolean newLookup = false;
        if (target != null && TargetResolver.literal(target) == null) {
            known = resolver.last(target);
            if (known == null) {
                lookup = lookups.get(target.host());
                if (lookup == null) {
                    lookup = new NameLookup(target.host());
                    lookups.put(target.host(), lookup);
                    newLookup = true;
                }
            }
        }
        waiting.add(new Waiting(bytes, target, done, known, lookup));
        queuedBytes += cost;
        if (newLookup) {
            lookUp(lookup); // last: an answer already there comes at once, and finds the send waiting
        }
    }

    /**
     * Looks {@code lookup}'s name up off the loop; the answer comes back on the loop, later, or at
     * once on this thread when the lookup had its answer before we asked for it.
     */
    private void lookUp(NameLookup lookup) {
        names.lookUpAll(lookup.host).whenComplete((addresses, error) -> onLoop.accept(() -> answered(lookup, addresses)));
    }

    private void answered(NameLookup lookup, InetAddress[] addresses) {
        lookups.remove(lookup.host, lookup);
        lookup.answered = true;
        lookup.addresses = addresses == null || addresses.length == 0 ? null : addresses;
        sendWaiting();
    }

    /** Sends, in order, what waits at the head and no longer waits for an answer. */
    private void sendWaiting() {
        Waiting next;
        while ((next = waiting.peek()) != null && (next.lookup() == null || next.lookup().answered)) {
            waiting.poll();
            queuedBytes -= DATAGRAM_OVERHEAD + (long) next.bytes().length;
            NameLookup lookup = next.lookup();
            if (lookup != null && lookup.addresses == null) {
                if (!lookup.failureReported) {
                    lookup.failureReported = true;
                    listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.UNKNOWN_HOST,
                            null, lookup.host));
                }
                next.done().completed(false);
                continue;
            }
            InetSocketAddress address;
            try {
                address = next.target() == null ? connectedRemote
                        : next.known() != null ? next.known()
                        : lookup != null ? resolver.choose(next.target(), lookup.addresses)
                        : resolver.atOnce(next.target());
            } catch (AddressFamilyException e) {
                refuseFamily(e, next.done());
                continue;
            }
            sendTo(next.bytes(), address, next.done());
        }
    }

    private void refuseFamily(AddressFamilyException e, SendTarget.SendCompletion done) {
        listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.ADDRESS_FAMILY,
                e.target(), e.getMessage()));
        done.completed(false);
    }

    /** Queues one datagram to {@code address} (null: no remote), or refuses it. */
    private void sendTo(byte[] bytes, InetSocketAddress address, SendTarget.SendCompletion done) {
        if (address == null || connectedRemote != null && !connectedRemote.equals(address)) {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.NOT_CONNECTED, address,
                    connectedRemote == null ? "no remote given" : "connected to " + connectedRemote + " only"));
            done.completed(false);
            return;
        }
        if (bytes.length > UdpSession.MAX_PAYLOAD) {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.MESSAGE_TOO_LONG, address,
                    bytes.length + " bytes; a datagram carries at most " + UdpSession.MAX_PAYLOAD));
            done.completed(false);
            return;
        }
        if (queuedBytes + DATAGRAM_OVERHEAD + bytes.length > MAX_QUEUED_BYTES) {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.SEND_BUFFER_FULL, address,
                    queue.size() + " datagrams waiting"));
            done.completed(false);
            return;
        }
        queue.add(new Outgoing(ByteBuffer.wrap(bytes), address, done));
        queuedBytes += DATAGRAM_OVERHEAD + bytes.length;
        flush();
    }

    private void flush() {
        while (!queue.isEmpty()) {
            Outgoing next = queue.peek();
            boolean sent;
            try {
                sent = sendNow(next);
            } catch (IOException e) {
                dequeue();
                fail(e, next.target()); // this datagram is lost; later ones still get their chance
                next.done().completed(false);
                continue;
            }
            if (!sent) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            dequeue();
            byte[] bytes = next.bytes().array();
            counters.addSent(bytes.length);
            boolean automatic = next.done() instanceof SendTarget.Automatic;
            awaiting.computeIfAbsent(next.target(), target -> new RoundTrips()).sent(System.nanoTime());
            listener.onEvent(new SessionEvent.Data(System.currentTimeMillis(), Direction.TX, next.target(), bytes,
                    ConnectionIds.NONE, automatic));
            next.done().completed(true);
        }
        if (key.isValid() && key.interestOps() != SelectionKey.OP_READ) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private boolean sendNow(Outgoing datagram) throws IOException {
        ByteBuffer bytes = datagram.bytes();
        InetAddress to = datagram.target().getAddress();
        broadcast.prepare(to);
        int length = bytes.remaining();
        int written;
        try {
            written = channel.send(bytes, datagram.target());
        } catch (IOException refused) {
            if (!broadcast.enableAfterRefusal(to, refused)) {
                throw refused;
            }
            bytes.rewind();
            written = channel.send(bytes, datagram.target());
        }
        // An empty datagram is legal and "sends" 0 bytes: 0 only means "no room" for a non-empty one.
        return written > 0 || length == 0;
    }

    private void dequeue() {
        queuedBytes -= DATAGRAM_OVERHEAD + queue.poll().bytes().capacity();
    }

    /** Sets {@code options} on the open socket and reads them back (UDP: no linger). Loop thread. */
    List<OptionGrant> applyOptions(SocketOptionSet options) {
        return new OptionApplier(channel).apply(options, false).grants();
    }

    <T> void setOption(SocketOption<T> option, T value) {
        try {
            channel.setOption(option, value);
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.IO, null,
                    option.name() + ": " + IoFailures.detail(e)));
        }
    }

    private void fail(IOException error, InetSocketAddress peer) {
        listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), IoFailures.classify(error), peer,
                IoFailures.detail(error)));
    }

    void close() {
        SelectorLoop.closeQuietly(channel);
        Outgoing dropped;
        while ((dropped = queue.poll()) != null) {
            Faults.completeQuietly(dropped.done(), false); // never sent: senders waiting on it must learn so
        }
        Waiting unsent;
        while ((unsent = waiting.poll()) != null) {
            Faults.completeQuietly(unsent.done(), false);
        }
        lookups.clear(); // an answer still to come finds the session ended and is dropped
        queuedBytes = 0;
    }
}
