package io.socketdeck.core.udp;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.options.OptionApplier;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.HostLookup;
import io.socketdeck.core.session.AbstractLoopSession;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP socket: binds at once (to port 0 when the user left it to the system, so the port can be
 * shown before the first send), then receives and sends datagrams on its {@link SelectorLoop}.
 * Each datagram is one event, never merged or split.
 *
 * <p>Optionally connected to one remote: only then does the system report ICMP errors such as
 * port unreachable to the socket (an unconnected socket never learns of them on Linux or in the
 * JDK), at the price of receiving only that remote's datagrams. The choice is the user's, because
 * silently connecting would drop replies that come from another port or host. A remote given by
 * name is looked up off the loop before the socket opens.
 *
 * <p>Names are never looked up on the loop, which other sessions share: a send to a name waits
 * for its lookup, in order with the socket's other sends (see {@link UdpEndpoint}).
 */
public final class UdpSession extends AbstractLoopSession implements Replies {

    /** The largest payload of one datagram over IPv4 (65,535 minus the IP and UDP headers). */
    public static final int MAX_PAYLOAD = 65_507;
    public static final int RECENT_SENDERS = 10;

    private static final Logger LOGGER = LoggerFactory.getLogger(UdpSession.class);

    private final UdpOptions options;
    private final SenderHistory senders = new SenderHistory(RECENT_SENDERS);
    /** Where names are looked up; other than {@link HostLookup#SYSTEM} only in tests. */
    private HostLookup.NameService names = HostLookup.SYSTEM;
    private volatile UdpEndpoint endpoint;
    /** Loop thread only: the last sender on port 0 an answer was not sent to. */
    private InetSocketAddress unanswerable;
    /** Answers to port 0 not sent: told the first at once, then once a second while more come. */
    private final BurstReport repliesToPortZero = burstReport(BurstReport.First.AT_ONCE, (count, bytes) ->
            emit(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.REPLY_TO_PORT_ZERO, unanswerable,
                    Long.toString(count))));
    /** Loop thread only: the last datagram whose handling threw, and what. */
    private InetSocketAddress unhandledFrom;
    private RuntimeException unhandledFault;
    /**
     * Datagrams a listener threw on: told the first at once, then once a second while more come
     * (a listener that throws on every datagram must not add a row for each). Told to the same
     * listener, which may throw again: that is only logged.
     */
    private final BurstReport unhandled = burstReport(BurstReport.First.AT_ONCE, (count, bytes) -> {
        Faults.log("handling a datagram from " + unhandledFrom + " failed (" + count + " since last told)",
                unhandledFault);
        Faults.emitQuietly(listener(), new SessionEvent.Failure(System.currentTimeMillis(),
                FailureKind.DATAGRAM_NOT_HANDLED, unhandledFrom,
                count + "\n" + Faults.describe(unhandledFault).replace('\n', ' ').replace('\r', ' ')));
    });

    /** A socket on a loop of its own, driven by {@link #run()}. */
    public UdpSession(UdpOptions options, SessionListener listener, TrafficCounters counters) {
        super(listener, counters);
        this.options = options;
    }

    /** A socket on {@code loop}, shared with other sessions; begin it with {@link #start()}. */
    public UdpSession(UdpOptions options, SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
        super(loop, listener, counters);
        this.options = options;
    }

    /** Sets where names are looked up, before it starts; for tests, which answer when they choose. */
    void nameService(HostLookup.NameService names) {
        this.names = names;
    }

    @Override
    protected boolean socketOpen() {
        return endpoint != null;
    }

    /** Who sent to this socket lately; readable from any thread. */
    public SenderHistory senders() {
        return senders;
    }

    /** The bound address (with the port the system picked), or null before the socket is open. */
    public InetSocketAddress localAddress() {
        UdpEndpoint current = endpoint;
        return current == null ? null : current.local();
    }

    /**
     * Whether this open socket can send to, or join a group of, {@code address}'s family: an IPv4
     * socket reaches IPv4 only, a dual-stack one on :: both. False while not open.
     */
    public boolean reaches(InetAddress address) {
        UdpEndpoint current = endpoint;
        return current != null && current.reaches(address);
    }

    @Override
    protected void release(CloseReason reason) {
        UdpEndpoint current = endpoint;
        if (current != null) {
            current.close();
        }
    }

    @Override
    protected void open() {
        UdpTarget remote = options.connectTo();
        InetAddress literal = remote == null ? null : TargetResolver.literal(remote);
        if (remote == null || literal != null) {
            openSocket(literal == null ? null : new InetAddress[] {literal});
            return;
        }
        // Never on the loop: a slow or failing lookup would stall every session sharing it.
        names.lookUpAll(remote.host()).whenComplete((addresses, error) -> onLoop(() -> {
            if (addresses == null || addresses.length == 0) {
                failToOpen(FailureKind.UNKNOWN_HOST, null, remote.host());
            } else {
                openSocket(addresses);
            }
        }));
    }

    /** Binds, connects to the first of {@code remotes} the socket reaches (when given), and reports it. */
    private void openSocket(InetAddress[] remotes) {
        InetSocketAddress bindTo = new InetSocketAddress(options.bindAddress(), options.bindPort());
        DatagramChannel channel = null;
        try {
            // The bind address decides the family; :: gives a dual-stack socket (the JDK clears
            // IPV6_V6ONLY), which reaches IPv4 peers too.
            channel = DatagramChannel.open(options.bindAddress() instanceof Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferBytes());
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, options.multicastTtl());
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, options.multicastLoop());
            List<OptionGrant> grants = new OptionApplier(channel).apply(options.socketOptions(), false).grants();
            channel.bind(bindTo);
            InetSocketAddress remote = null;
            if (remotes != null) {
                remote = TargetResolver.forLocal((InetSocketAddress) channel.getLocalAddress())
                        .choose(options.connectTo(), remotes);
                channel.connect(remote);
            }
            UdpEndpoint opened = new UdpEndpoint(loop(), channel, remote, counters(), listener(), senders,
                    names, this::onLoop, () -> end(CloseReason.ERROR), this::failed, this::unhandled);
            opened.start();
            endpoint = opened;
            LOGGER.debug("UDP open on {} (receive buffer {} bytes)", opened.local(),
                    channel.getOption(StandardSocketOptions.SO_RCVBUF));
            long now = System.currentTimeMillis();
            emit(remote == null ? new SessionEvent.Opened(now, opened.local())
                    : new SessionEvent.Connected(now, opened.local(), remote));
            if (!options.socketOptions().isSystem() || grants.stream().anyMatch(OptionGrant::isProblem)) {
                emit(new SessionEvent.OptionsApplied(now, opened.local(), grants, ConnectionIds.NONE, 1));
            }
        } catch (AddressFamilyException e) {
            SelectorLoop.closeQuietly(channel);
            failToOpen(FailureKind.ADDRESS_FAMILY, e.target(), e.getMessage());
        } catch (IOException | UnsupportedOperationException e) {
            // UnsupportedOperation: IPv6 is not available on this machine
            SelectorLoop.closeQuietly(channel);
            FailureKind kind = e instanceof IOException io ? IoFailures.classify(io) : FailureKind.ADDRESS_NOT_AVAILABLE;
            // Not about a peer, so no peer; the detail names the local address that failed.
            failToOpen(kind, null, Addresses.format(bindTo) + ": " + IoFailures.detail(e));
        }
    }

    /** A listener threw on one received datagram: counted for its row; the socket goes on. Loop thread. */
    private void unhandled(InetSocketAddress sender, int length, RuntimeException fault) {
        unhandledFrom = sender;
        unhandledFault = fault;
        unhandled.add(length);
    }

    private void failToOpen(FailureKind kind, InetSocketAddress where, String detail) {
        emit(new SessionEvent.Failure(System.currentTimeMillis(), kind, where, detail));
        end(CloseReason.ERROR);
    }

    /**
     * Queues one datagram; the array belongs to the session from now on. Problems (unknown host,
     * too long, unreachable) are reported as events. A name not known yet is looked up off the
     * loop, the datagram and the sends after it waiting for the answer.
     *
     * @param target where to, or null for the connected remote
     * @return false when the socket is not open
     */
    public boolean send(byte[] bytes, UdpTarget target) {
        UdpEndpoint current = endpoint;
        if (current == null || !isOpen()) {
            return false;
        }
        onLoop(() -> current.send(bytes, target));
        return true;
    }

    @Override
    public void replyAfter(long delayNanos, SessionEvent.Data request, byte[] bytes) {
        replyLater(delayNanos, request, bytes, this);
    }

    /**
     * Sends an automatic answer to the datagram's sender; not to one on port 0, which no datagram
     * can go to (a raw socket sends from it): reported instead, once a burst.
     */
    @Override
    public void reply(SessionEvent.Data request, byte[] bytes) {
        UdpEndpoint current = endpoint;
        if (current == null) {
            return;
        }
        if (request.peer().getPort() == 0) {
            unanswerable = request.peer();
            repliesToPortZero.add(bytes.length);
            return;
        }
        current.send(bytes, UdpTarget.of(request.peer()), SendTarget.SendCompletion.AUTOMATIC);
    }

    /**
     * Sending to {@code target} (null: the connected remote) as a {@link SendTarget}, for repeat
     * and file sends. Each send is one datagram, in order with every other send of this socket.
     */
    public SendTarget target(UdpTarget target) {
        return sendTarget((bytes, done) -> endpoint.send(bytes, target, done));
    }

    /** Joins {@code group} on the interface named {@code interfaceName}; reported as an event. */
    public void join(InetAddress group, String interfaceName) {
        onEndpoint(current -> current.memberships().join(group, interfaceName));
    }

    public void leave(InetAddress group, String interfaceName) {
        onEndpoint(current -> current.memberships().leave(group, interfaceName));
    }

    /** Sets {@code socketOptions} on the open socket now and reports what was granted. Any thread. */
    public void applyOptions(SocketOptionSet socketOptions) {
        onEndpoint(current -> emit(new SessionEvent.OptionsApplied(System.currentTimeMillis(), current.local(),
                current.applyOptions(socketOptions), ConnectionIds.NONE, 1)));
    }

    public void setMulticastTtl(int ttl) {
        onEndpoint(current -> current.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl));
    }

    public void setMulticastLoop(boolean loopback) {
        onEndpoint(current -> current.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, loopback));
    }

    private void onEndpoint(Consumer<UdpEndpoint> action) {
        UdpEndpoint current = endpoint;
        if (current != null && isOpen()) {
            onLoop(() -> action.accept(current));
        }
    }
}
