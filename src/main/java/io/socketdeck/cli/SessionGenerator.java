package io.socketdeck.cli;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.core.udp.UdpTarget;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load through the engine's sessions: N TCP client sessions (the window's, with its send queue,
 * counters and round trips) spread over a few selector loops of a {@link LoopGroup}, or one UDP
 * session in request/response mode. The clock starts once every connection is up; a connection
 * that cannot be made ends the run before anything is sent, with its exit status (3 refused ...).
 */
final class SessionGenerator implements Generator {

    /** How long past its deadline a timed run may take to end before its sessions are closed from here. */
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final GenSettings settings;
    private final GenPayloads payloads;
    private final GenTally tally;
    private final Runnable allConnected;
    private final int messageSize;
    /** Read by stop() on the Ctrl+C thread while run() may still add to it. */
    private final List<SessionStream> streams = new CopyOnWriteArrayList<>();
    private final CountDownLatch connects;
    private final CountDownLatch finishes;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean connectFailed;

    /**
     * @param messageSize  the payload's size (the first message's when it changes), for the send window
     * @param allConnected told once every connection is up, before the first send
     */
    SessionGenerator(GenSettings settings, GenPayloads payloads, int messageSize, GenTally tally,
                     Runnable allConnected) {
        this.settings = settings;
        this.payloads = payloads;
        this.messageSize = messageSize;
        this.tally = tally;
        this.allConnected = allConnected;
        int sessions = settings.tcp() ? settings.connections() : 1;
        this.connects = new CountDownLatch(sessions);
        this.finishes = new CountDownLatch(sessions);
    }

    @Override
    public void run() {
        int sessions = settings.tcp() ? settings.connections() : 1;
        int loops = Math.min(sessions, Runtime.getRuntime().availableProcessors());
        try (LoopGroup group = new LoopGroup(loops, LoopGroup.daemonThreads("socketdeck-gen"))) {
            SessionStream.Progress progress = new SessionStream.Progress() {
                @Override
                public void connected(SessionStream stream, boolean ok) {
                    if (!ok) {
                        connectFailed = true;
                    }
                    connects.countDown();
                }

                @Override
                public void finished(SessionStream stream) {
                    finishes.countDown();
                }
            };
            for (int i = 0; i < sessions; i++) {
                long quota = settings.count() > 0 ? GenSettings.share(settings.count(), sessions, i) : Long.MAX_VALUE;
                SessionStream stream = new SessionStream(settings, payloads, tally, quota,
                        settings.rate() / sessions, messageSize, progress);
                streams.add(stream);
                if (settings.tcp()) {
                    TcpClientSession session = new TcpClientSession(tcpOptions(), stream, tally.counters(), group.next());
                    stream.attach(session, session);
                } else {
                    UdpSession session = new UdpSession(udpOptions(), stream, tally.counters(), group.next());
                    stream.attach(session, session.target(null));
                }
            }
            streams.forEach(stream -> stream.session().start());
            await(connects);
            if (connectFailed || stopRequested.get()) {
                streams.forEach(SessionStream::stop);
                await(finishes);
                if (connectFailed && !stopRequested.get()) {
                    throw connectFailure();
                }
                return;
            }
            allConnected.run();
            long start = System.nanoTime();
            tally.started(start);
            streams.forEach(stream -> stream.go(start));
            // Each stream ends itself at the deadline on its loop; this wait only guards against a loop that hangs.
            boolean done = settings.durationNanos() > 0
                    ? awaitNanos(finishes, settings.durationNanos() + STOP_GRACE_NANOS) : await(finishes);
            if (!done) {
                streams.forEach(SessionStream::stop);
                await(finishes);
            }
            tally.ended(streams.stream().mapToLong(SessionStream::endedNanos).filter(end -> end != 0)
                    .reduce(Math::max).orElse(System.nanoTime()));
        } finally {
            tally.ended(System.nanoTime());
        }
    }

    @Override
    public void stop() {
        if (stopRequested.compareAndSet(false, true)) {
            streams.forEach(SessionStream::stop);
        }
    }

    private TcpClientOptions tcpOptions() {
        return TcpClientOptions.of(settings.address().getHostAddress(), settings.peer().getPort())
                .withHalfCloseLinger(Duration.ZERO); // a peer that hangs up ends its connection's share
    }

    private UdpOptions udpOptions() {
        InetAddress wildcard = settings.address() instanceof Inet6Address ? anyV6() : anyV4();
        return UdpOptions.bind(wildcard, 0)
                .withConnectTo(new UdpTarget(settings.address().getHostAddress(), settings.peer().getPort()));
    }

    private static InetAddress anyV4() {
        return literal("0.0.0.0");
    }

    private static InetAddress anyV6() {
        return literal("::");
    }

    private static InetAddress literal(String text) {
        return IpLiterals.parse(text).orElseThrow();
    }

    private CliFailure connectFailure() {
        for (SessionStream stream : streams) {
            SessionEvent.Failure failure = stream.connectFailure();
            if (failure != null) {
                return Failures.of(failure);
            }
        }
        SessionEvent.Failure unknown = new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.IO,
                settings.peer(), "no connection to " + Addresses.format(settings.peer()));
        return new CliFailure(ExitCode.FAILED, EventTexts.failure(unknown));
    }

    private static boolean await(CountDownLatch latch) {
        try {
            latch.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaitNanos(CountDownLatch latch, long nanos) {
        try {
            return latch.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
