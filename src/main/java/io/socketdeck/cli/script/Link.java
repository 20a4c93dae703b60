package io.socketdeck.cli.script;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.session.AbstractLoopSession;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.core.udp.UdpTarget;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One connection of a script: an engine session ({@link TcpClientSession}, or a {@link UdpSession}
 * connected to its one remote) on the run's loop, and what it received, which {@code expect}
 * steps consume. Its events arrive on the loop thread; the script's thread waits on them here.
 */
final class Link implements SessionListener {

    /** How long a send may wait to be handed to the system (a peer that reads nothing). */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    /** Beyond the connect timeout, for the name lookup and a busy machine: the engine times the connect itself. */
    private static final Duration CONNECT_MARGIN = Duration.ofSeconds(30);

    private final Step.Connect step;
    private final HostPort target;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ReceivedStream received;
    private AbstractLoopSession session;
    private TcpClientSession tcp;
    private UdpSession udp;
    // guarded by lock
    private SessionEvent.Connected connected;
    private SessionEvent.Failure failure;
    private int failures;
    private SessionEvent.PeerFinished finished;
    private SessionEvent.Disconnected disconnected;
    private boolean closed;

    private Link(Step.Connect step, HostPort target) {
        this.step = step;
        this.target = target;
        this.received = new ReceivedStream(step.charset());
    }

    /** Opens the connection on {@code loop} without waiting; {@link #awaitConnected} waits. */
    static Link open(Step.Connect step, HostPort target, SelectorLoop loop) {
        Link link = new Link(step, target);
        if (step.protocol() == Step.Protocol.TCP) {
            link.tcp = new TcpClientSession(TcpClientOptions.of(target.host(), target.port())
                    .withConnectTimeout(step.timeout()), link, new TrafficCounters(), loop);
            link.session = link.tcp;
        } else {
            UdpOptions options = UdpOptions.bind(wildcardFor(target.host()), 0)
                    .withConnectTo(new UdpTarget(target.host(), target.port()));
            link.udp = new UdpSession(options, link, new TrafficCounters(), loop);
            link.session = link.udp;
        }
        link.session.start();
        return link;
    }

    /**
     * An IPv6 literal needs an IPv6 socket; anything else gets an IPv4 one (a name then resolves to
     * its IPv4 address). Both wildcards are made from their bytes: no name lookup here.
     */
    private static InetAddress wildcardFor(String host) {
        boolean ipv6 = IpLiterals.parse(host).filter(Inet6Address.class::isInstance).isPresent();
        try {
            return InetAddress.getByAddress(new byte[ipv6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    Step.Connect step() {
        return step;
    }

    HostPort target() {
        return target;
    }

    @Override
    public void onEvent(SessionEvent event) {
        lock.lock();
        try {
            if (event instanceof SessionEvent.Connected c) {
                connected = c;
            } else if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX) {
                if (udp != null) {
                    received.appendMessage(data.bytes());
                } else {
                    received.append(data.bytes());
                }
            } else if (event instanceof SessionEvent.Failure f) {
                failure = f;
                failures++;
            } else if (event instanceof SessionEvent.PeerFinished f) {
                finished = f;
            } else if (event instanceof SessionEvent.Disconnected d) {
                disconnected = d;
            } else if (event instanceof SessionEvent.Closed) {
                closed = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until connected or failed.
     *
     * @return null when connected, else the engine's words for why not
     */
    String awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + step.timeout().plus(CONNECT_MARGIN).toNanos();
        lock.lock();
        try {
            while (connected == null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return "no answer within " + step.timeout().toMillis() + " ms";
                }
                changed.awaitNanos(left);
            }
            if (connected != null) {
                return null;
            }
            return failure != null ? EventTexts.failure(failure) : "closed before it connected";
        } finally {
            lock.unlock();
        }
    }

    /** {@code 127.0.0.1:40122}: the local address the system picked. */
    String local() {
        lock.lock();
        try {
            return connected == null ? "" : Addresses.format(connected.local());
        } finally {
            lock.unlock();
        }
    }

    String remote() {
        lock.lock();
        try {
            return connected == null ? target.host() + ":" + target.port() : Addresses.format(connected.remote());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends one message (one datagram on UDP) and waits until the system took it.
     *
     * @return null when sent, else why not, in the engine's words where it gave any
     */
    String send(byte[] bytes) throws InterruptedException {
        int failuresBefore = failuresSoFar();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (tcp != null) {
            tcp.send(bytes, done::complete);
        } else {
            udp.target(null).send(bytes, done::complete);
        }
        boolean written;
        try {
            written = done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "not sent within " + SEND_TIMEOUT.toSeconds() + " s: " + remote() + " is not reading";
        } catch (ExecutionException e) {
            throw new IllegalStateException("a send completion does not fail", e);
        }
        if (written) {
            return null;
        }
        lock.lock();
        try {
            if (failures > failuresBefore) {
                return EventTexts.failure(failure);
            }
            return closed || disconnected != null ? "not sent: the connection is closed" : "not sent";
        } finally {
            lock.unlock();
        }
    }

    private int failuresSoFar() {
        lock.lock();
        try {
            return failures;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tries {@code attempt} on what was received, again at each change, until it gives a result,
     * the connection can bring no more, or {@code timeout} passes.
     *
     * @return the attempt's result, or an {@link Ended} saying why nothing more will come
     */
    <T> Object await(Function<ReceivedStream, T> attempt, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                T result = attempt.apply(received);
                if (result != null) {
                    return result;
                }
                String end = endOfInput();
                if (end != null) {
                    return new Ended(end, false);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Ended("no match within " + timeout.toMillis() + " ms", true);
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Why nothing more can arrive, or null while something still may. Under the lock. */
    private String endOfInput() {
        if (udp != null && failure != null) {
            return EventTexts.failure(failure); // the ICMP port unreachable of a connected socket
        }
        if (finished != null) { // its FIN: in a script's eyes it hung up ("… closed the connection")
            return EventTexts.disconnected(new SessionEvent.Disconnected(finished.timeMillis(), finished.remote(),
                    CloseReason.PEER, finished.connection()));
        }
        if (disconnected != null) {
            return EventTexts.disconnected(disconnected);
        }
        if (closed) {
            return failure != null ? EventTexts.failure(failure) : "the connection is closed";
        }
        return null;
    }

    /** What was received and not consumed: text in the connection's encoding, or bytes. */
    <T> T peek(Function<ReceivedStream, T> view) {
        lock.lock();
        try {
            return view.apply(received);
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        lock.lock();
        try {
            return connected != null && !closed && disconnected == null;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection (TCP: a FIN) and waits, a little, for the engine to say it is closed. */
    void close(Duration wait) throws InterruptedException {
        session.close();
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Nothing more will arrive, or nothing came in time.
     *
     * @param timedOut true when the time ran out while the connection was still open
     */
    record Ended(String why, boolean timedOut) {
    }
}
