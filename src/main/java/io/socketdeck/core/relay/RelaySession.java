package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.net.HostLookup;
import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.session.AbstractLoopSession;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * could not be reached, after a {@code Failure} naming why and the target, or when handling the
 * connection threw, after a {@code Failure} naming what: both sides are then reset and the relay
 * goes on, unless it was an {@link Error}, which ends the relay too). A failure to listen is a
 * {@code Failure} and {@code Closed(ERROR)}. A UDP relay reports each client address's flow the
 * same way: {@code Connected} at its first datagram, {@code Disconnected(LOCAL)} at its idle timeout,
 * {@code Disconnected(ERROR)} after a {@code Failure} naming what when handling it threw (the
 * relay goes on, unless it was an {@link Error}); it keeps at most 1,024 flows at once, and datagrams from new addresses
 * beyond them are dropped and reported as one {@code Failure(TOO_MANY_FLOWS)} a burst.
 *
 * <p>Faults apply per leg, in the order {@link LegFaults} gives, on the loop thread with the
 * loop's timers; a leg never holds more than {@link RelayOptions#bufferBytes()} read but not
 * delivered, each chunk counting {@link LegPipe#CHUNK_OVERHEAD} besides its bytes, before its
 * source is no longer read (back-pressure; UDP drops instead, told as one
 * {@code Failure(FLOW_BUFFER_DROPPED)} a burst), and all the legs together never
 * more than 64 MiB counted the same way ({@link RelayBudget}): once that is spent, no TCP source is
 * read until delivered bytes make room, and datagrams that do not fit are dropped, each told as one
 * {@code Failure(RELAY_BUDGET_PAUSED)} or {@code Failure(RELAY_BUDGET_DROPPED)} a burst. The hold, a
 * stall and every fault injected are {@code FaultInjected} events.
 *
 * <p>A target given by name is looked up off the loop: one lookup for all the clients that arrive
 * while it is out, and the address found serves new clients for a few seconds
 * ({@link SharedTargetLookup}); a name that does not resolve is a {@code Failure(UNKNOWN_HOST)} per
 * client that waited for it, whose connection then ends as for a target that refused.
 *
 * <p>Counters: {@code rx} counts bytes read from clients and targets, {@code tx} bytes written to
 * them (injected ones included); {@link #upBytes()} and {@link #downBytes()} count each way as read.
 */
public final class RelaySession extends AbstractLoopSession {

    private static final Logger LOGGER = LoggerFactory.getLogger(RelaySession.class);

    /**
     * Bytes per read: large, so a flood costs few system calls and few log rows; one buffer serves
     * every connection. Just under half a G1 region (1 MiB with the app's 1 GB heap), so the copy a
     * read makes for its event is an ordinary young array, not a humongous one: under a flood
     * almost every such copy dies at once (the log keeps a pulse's newest rows), and thousands of
     * humongous arrays a second each asked G1 to consider a marking cycle, which ran back to back,
     * took the collector's pauses past the share at which G1 grows the heap, and grew it to
     * 540-920 MB; the first rounds then paid for touching that memory for the first time (the relay
     * thread's time went to the kernel). Five alternating pairs of runs of bench group relay, these
     * reads against 1 MiB - 64: the ratio to socat 0.87-0.96 against 0.81-0.93, the first round
     * 0.73-0.86 against 0.60-0.80, the heap at most 266-323 MB against 541-922. (256 KiB reads
     * measured 0.78 and 0.80 of socat before.)
     */
    static final int READ_BUFFER_BYTES = 512 * 1024 - 64;
    private static final int BACKLOG = 4096;
    /** How often an injection into a full leg checks whether it has room again. */
    private static final long ROOM_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final RelayOptions options;
    private final RelayConnections links = new RelayConnections();
    private final Context context = new Context();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final SplittableRandom random = new SplittableRandom();
    private final AtomicLong upBytes = new AtomicLong();
    private final AtomicLong downBytes = new AtomicLong();
    private volatile LegSettings upSettings = LegSettings.NONE;
    private volatile LegSettings downSettings = LegSettings.NONE;
    private volatile boolean held;
    private volatile InetSocketAddress localAddress;
    private volatile NetworkChannel listening;
    /** UDP flows at once; other than {@link UdpRelay#MAX_FLOWS} only in tests. */
    private int udpFlowLimit = UdpRelay.MAX_FLOWS;
    /** What all legs may hold together; other than {@link RelayBudget#DEFAULT_BYTES} only in tests. */
    private long budgetBytes = RelayBudget.DEFAULT_BYTES;
    /** Made when the relay opens, with the size set by then; loop thread only. */
    private RelayBudget budget;
    /** Where the target's name is looked up; other than {@link HostLookup#SYSTEM} only in tests. */
    private HostLookup.NameService names = HostLookup.SYSTEM;

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

    /** Sets how many UDP flows the relay keeps at once, before it starts; for tests, which need few. */
    void udpFlowLimit(int limit) {
        udpFlowLimit = limit;
    }

    /** Sets what all the legs may hold together, before it starts; for tests, which need little. */
    void budgetBytes(long bytes) {
        budgetBytes = bytes;
    }

    /** Sets where the target's name is looked up, before it starts; for tests, which answer when they choose. */
    void nameService(HostLookup.NameService names) {
        this.names = names;
    }

    /** What all legs hold together; loop thread only, null until open. For tests. */
    RelayBudget budget() {
        return budget;
    }

    /** The address listened on, with the port the system picked for port 0; null until open. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Sets the faults of one direction of every connection, live: what was already scheduled keeps
     * its time, what is read from now on meets the new faults; per-rule rewrite counts start again
     * when the rules change. Reported as {@code FaultInjected(FAULTS_CHANGED)}, and switching stall
     * on or off as {@code STALLED} / {@code UNSTALLED}, all with connection 0. Any thread.
     */
    public void setFaults(Leg leg, LegFaults faults) {
        LegSettings before = settings(leg);
        LegSettings after = before.faults.rewrites().equals(faults.rewrites())
                ? before.withFaults(faults) : new LegSettings(faults);
        if (leg == Leg.UP) {
            upSettings = after;
        } else {
            downSettings = after;
        }
        onLoop(() -> {
            if (localAddress == null) {
                return; // not open yet: opening reports the faults it starts with
            }
            long now = System.currentTimeMillis();
            if (before.faults.stall() != faults.stall()) {
                emit(new SessionEvent.FaultInjected(now, ConnectionIds.NONE, leg,
                        faults.stall() ? RelayFault.STALLED : RelayFault.UNSTALLED, ""));
            }
            if (!before.faults.withStall(false).equals(faults.withStall(false))) {
                emit(new SessionEvent.FaultInjected(now, ConnectionIds.NONE, leg, RelayFault.FAULTS_CHANGED,
                        faults.summary()));
            }
            links.changed();
            kickAll();
        });
    }

    /** The faults of {@code leg} set last; {@link LegFaults#NONE} at first. Any thread. */
    public LegFaults faults(Leg leg) {
        return settings(leg).faults;
    }

    private LegSettings settings(Leg leg) {
        return leg == Leg.UP ? upSettings : downSettings;
    }

    /**
     * How often each rewrite rule of {@code leg} matched since its rules were set, in the order of
     * {@code faults(leg).rewrites()}. Any thread.
     */
    public List<Long> rewriteHits(Leg leg) {
        return settings(leg).hits();
    }

    /**
     * Holds (true) or releases (false) forwarding on every connection. While held, bytes read
     * queue, up to the buffer bound per direction, then the relay stops reading (back-pressure);
     * on release they go on, through the faults, in order. Reported as {@code FaultInjected(HELD /
     * RELEASED)}, the release with the bytes that were held. Any thread.
     */
    public void hold(boolean hold) {
        onLoop(() -> {
            if (held == hold) {
                return;
            }
            long heldNow = links.heldBytes();
            held = hold;
            emit(new SessionEvent.FaultInjected(System.currentTimeMillis(), ConnectionIds.NONE, null,
                    hold ? RelayFault.HELD : RelayFault.RELEASED, hold ? "" : Long.toString(heldNow)));
            links.changed();
            if (!hold) {
                kickAll();
            }
        });
    }

    /** True while held. Any thread. */
    public boolean isHeld() {
        return held;
    }

    /** Bytes read but not yet delivered, all connections and legs together; any thread. */
    public long heldBytes() {
        return links.heldBytes();
    }

    /** Closes the connections with these ids, both sides; each is reported Disconnected(KICKED). Any thread. */
    public void disconnect(Collection<Long> connections) {
        List<Long> ids = List.copyOf(connections);
        onLoop(() -> {
            for (long id : ids) {
                RelayLink link = links.get(id);
                if (link != null) {
                    link.close(CloseReason.KICKED);
                }
            }
        });
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
        if (!isOpen()) {
            return false;
        }
        onLoop(() -> injectOnLoop(connection, leg, bytes));
        return true;
    }

    private RelayLink injectOnLoop(long connection, Leg leg, byte[] bytes) {
        RelayLink link = links.get(connection);
        if (link == null) {
            emit(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.NOT_CONNECTED, null,
                    "connection " + connection, connection));
            return null;
        }
        link.inject(leg, bytes);
        return link;
    }

    /**
     * A send target for the send tools (repeat and file sends) into one leg of a connection, as
     * {@link #inject}. A send counts as done once it is queued in the leg and the leg has room for
     * more, so a file send goes at the pace of the leg's receiver and its faults; it fails once the
     * connection is gone.
     */
    public SendTarget injectTarget(long connection, Leg leg) {
        return sendTarget((bytes, done) -> {
            RelayLink link = injectOnLoop(connection, leg, bytes);
            if (link == null) {
                Faults.completeQuietly(done, false);
            } else {
                whenRoom(link, leg, done);
            }
        });
    }

    private void whenRoom(RelayLink link, Leg leg, SendTarget.SendCompletion done) {
        if (link.isClosed()) {
            Faults.completeQuietly(done, false);
        } else if (link.heldCost() < options.bufferBytes() // with each chunk's overhead: 1-byte sends add up
                && budget.hasRoom()) {
            Faults.completeQuietly(done, true);
        } else {
            schedule(ROOM_POLL_NANOS, () -> whenRoom(link, leg, done));
        }
    }

    /**
     * The connections now, oldest first, with their counts at this moment; any thread. Built on
     * the caller's thread; cheap to skip while {@link #connectionVersion()} has not moved (but
     * byte counts move without it).
     */
    public List<RelayConnection> connections() {
        return links.snapshot();
    }

    /** Moves whenever a connection arrives, leaves or changes state, and on hold or faults changes; any thread. */
    public long connectionVersion() {
        return links.version();
    }

    /** How many connections (UDP: flows) are live now; any thread. */
    public int connectionCount() {
        return links.size();
    }

    /** Bytes read from clients so far, all connections; any thread. */
    public long upBytes() {
        return upBytes.get();
    }

    /** Bytes read from targets so far, all connections; any thread. */
    public long downBytes() {
        return downBytes.get();
    }

    private void kickAll() {
        for (RelayLink link : links.all()) {
            link.kick();
        }
    }

    // ---- life cycle ----

    @Override
    protected void open() {
        budget = new RelayBudget(budgetBytes, context, () -> localAddress);
        TargetLookup target = new SharedTargetLookup(options.targetHost(), options.targetPort(),
                IpLiterals.parse(options.targetHost()).orElse(null), names, this::onLoop, System::nanoTime);
        InetSocketAddress wanted = new InetSocketAddress(options.listenAddress(), options.listenPort());
        NetworkChannel channel = null;
        try {
            if (options.protocol() == RelayProtocol.TCP) {
                ServerSocketChannel server = ServerSocketChannel.open(familyOf(wanted));
                channel = server;
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(wanted, BACKLOG);
                server.configureBlocking(false);
                new TcpRelay(context, loop(), server, target).register(this::guarded);
            } else {
                DatagramChannel datagrams = DatagramChannel.open(familyOf(wanted));
                channel = datagrams;
                datagrams.bind(wanted);
                datagrams.configureBlocking(false);
                new UdpRelay(context, loop(), datagrams, target, udpFlowLimit).register(this::guarded);
            }
            localAddress = (InetSocketAddress) channel.getLocalAddress();
            listening = channel;
            emit(new SessionEvent.Opened(System.currentTimeMillis(), localAddress));
            for (Leg leg : Leg.values()) {
                LegFaults initial = faults(leg);
                if (!initial.isNone()) {
                    emit(new SessionEvent.FaultInjected(System.currentTimeMillis(), ConnectionIds.NONE, leg,
                            RelayFault.FAULTS_CHANGED, initial.summary()));
                }
            }
            LOGGER.debug("relaying {} {} to {}:{}", options.protocol(), localAddress, options.targetHost(),
                    options.targetPort());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            SelectorLoop.closeQuietly(channel);
            FailureKind kind = e instanceof UnsupportedOperationException ? FailureKind.ADDRESS_NOT_AVAILABLE
                    : IoFailures.classify(e);
            emit(new SessionEvent.Failure(System.currentTimeMillis(), kind, wanted, IoFailures.detail(e)));
            end(CloseReason.ERROR);
        }
    }

    // An IPv4 address gets an IPv4 socket, as the server does; "::" is the dual-stack wildcard.
    private static ProtocolFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    @Override
    protected void release(CloseReason reason) {
        // The listening socket first, so the port is free again before Closed is reported.
        SelectorLoop.closeQuietly(listening);
        for (RelayLink link : links.all()) {
            link.close(CloseReason.SERVER_STOPPED);
        }
    }

    @Override
    protected boolean socketOpen() {
        NetworkChannel current = listening;
        return current != null && current.isOpen();
    }

    /** What the connections share with the session. */
    private final class Context implements RelayContext {

        @Override
        public LegSettings settings(Leg leg) {
            return RelaySession.this.settings(leg);
        }

        @Override
        public boolean held() {
            return held;
        }

        @Override
        public SelectorLoop.Timer schedule(long delayNanos, Runnable task) {
            return RelaySession.this.schedule(delayNanos, task);
        }

        @Override
        public void emit(SessionEvent event) {
            RelaySession.this.emit(event);
        }

        @Override
        public BurstReport burstReport(BurstReport.Report report) {
            return RelaySession.this.burstReport(report);
        }

        @Override
        public TrafficCounters counters() {
            return RelaySession.this.counters();
        }

        @Override
        public RelayOptions options() {
            return options;
        }

        @Override
        public RelayBudget budget() {
            return budget;
        }

        @Override
        public ByteBuffer readBuffer() {
            return readBuffer;
        }

        @Override
        public SplittableRandom random() {
            return random;
        }

        @Override
        public void changed() {
            links.changed();
        }

        @Override
        public void added(RelayLink link) {
            links.add(link);
        }

        @Override
        public void removed(RelayLink link) {
            links.remove(link);
        }

        @Override
        public void crashed(Error error) {
            end(CloseReason.ERROR);
        }

        @Override
        public void read(Leg leg, int bytes) {
            (leg == Leg.UP ? upBytes : downBytes).addAndGet(bytes);
        }
    }
}
