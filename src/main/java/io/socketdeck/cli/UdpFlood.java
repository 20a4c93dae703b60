package io.socketdeck.cli;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.udp.UdpSession;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * UDP load without waiting for answers: a tight loop on one blocking, connected
 * {@link DatagramChannel}, writing one reused direct buffer.
 *
 * <p>Why not the engine's {@link UdpSession}: it is built for a window, not for a flood. Each
 * datagram there is a queued record, a wrapped buffer, a round-trip bookkeeping lookup and a TX
 * event for a log, made on the session's loop thread (a sender on another thread adds a task hop
 * per send). Measured on this 2-core machine (7 alternating 2-second rounds, 64-byte datagrams
 * to a socket nobody reads, sent from the loop thread in batches of 256): the session reached
 * 0.82 to 1.04 of a plain {@code DatagramChannel.write} loop's rate, median 0.96, but allocated
 * 80 bytes per datagram, 20 MB of garbage a second at 250,000 datagrams a second, for events
 * nobody reads here. A generator must cost no more than the plain loop, and nothing per message
 * when the message does not change, so this loop is the plain loop. What it sends still comes
 * from the core: the payload built by the window's {@code Payloads} with its macros
 * ({@link GenPayloads}), counted in the engine's {@link TrafficCounters}, errors named in the
 * window's words. Request/response over UDP, where the wait for the answer dwarfs the send, uses
 * the session and its round trips ({@link SessionGenerator}).
 *
 * <p>A fixed payload costs no allocation per datagram: the buffer is rewound and written again.
 * The clock and the stop flag are read once per batch of {@value #BATCH} datagrams when unpaced.
 */
final class UdpFlood implements Generator {

    /** Datagrams between two looks at the clock and the stop flag when sending as fast as possible. */
    static final int BATCH = 64;
    /** The longest a paced loop sleeps at once, so a stop is seen soon at any rate. */
    private static final long MAX_PARK_NANOS = 50_000_000;

    private final GenSettings settings;
    private final GenPayloads payloads;
    private final GenTally tally;
    private final Consumer<InetSocketAddress> connected;
    private volatile boolean stopping;

    /** @param connected told the local address once the socket is connected, before the first send */
    UdpFlood(GenSettings settings, GenPayloads payloads, GenTally tally, Consumer<InetSocketAddress> connected) {
        this.settings = settings;
        this.payloads = payloads;
        this.tally = tally;
        this.connected = connected;
    }

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        InetSocketAddress peer = settings.peer();
        try (DatagramChannel channel = DatagramChannel.open(peer.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET)) {
            channel.connect(peer); // a connected socket learns of "port unreachable", and write() skips the address work
            connected.accept((InetSocketAddress) channel.getLocalAddress());
            flood(channel);
        } catch (IOException e) {
            FailureKind kind = IoFailures.classify(e);
            throw new CliFailure(Failures.exitCode(kind), io.socketdeck.core.text.EventTexts.failure(
                    new io.socketdeck.core.session.SessionEvent.Failure(System.currentTimeMillis(), kind, peer,
                            IoFailures.detail(e))));
        } finally {
            tally.ended(System.nanoTime());
        }
    }

    private void flood(DatagramChannel channel) {
        TrafficCounters counters = tally.counters();
        boolean fixed = payloads.fixed();
        ByteBuffer buffer = ByteBuffer.allocateDirect(fixed ? Math.max(1, payloads.fixedBytes().length)
                : UdpSession.MAX_PAYLOAD + 20);
        if (fixed) {
            buffer.put(payloads.fixedBytes()).flip();
        }
        int fixedLength = buffer.limit();
        long quota = settings.count() > 0 ? settings.count() : Long.MAX_VALUE;
        Pacer pacer = settings.rate() > 0 ? new Pacer(settings.rate()) : null;
        long start = System.nanoTime();
        long deadline = settings.durationNanos() > 0 ? start + settings.durationNanos() : Long.MAX_VALUE;
        tally.started(start);
        if (pacer != null) {
            pacer.start(start);
        }
        long attempts = 0;
        while (!stopping && attempts < quota) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                break;
            }
            long batch = Math.min(BATCH, quota - attempts);
            if (pacer != null) {
                long allowed = pacer.allowed(attempts, now) - attempts;
                if (allowed <= 0) {
                    LockSupport.parkNanos(Math.min(MAX_PARK_NANOS,
                            Math.min(pacer.waitFor(attempts, now), deadline - now)));
                    continue;
                }
                batch = Math.min(batch, allowed);
            }
            for (long i = 0; i < batch; i++) {
                int length;
                if (fixed) {
                    buffer.position(0);
                    length = fixedLength;
                } else {
                    byte[] next;
                    try {
                        next = payloads.next();
                    } catch (GenPayloads.Unbuildable unbuildable) {
                        tally.unbuildable(unbuildable);
                        return; // nothing more is sent
                    }
                    buffer.clear();
                    if (next.length > buffer.capacity()) {
                        tally.failure(FailureKind.MESSAGE_TOO_LONG, settings.peer(), next.length
                                + " bytes; a datagram carries at most " + UdpSession.MAX_PAYLOAD);
                        continue;
                    }
                    buffer.put(next).flip();
                    length = next.length;
                }
                if (send(channel, buffer)) {
                    counters.addSent(length);
                }
            }
            attempts += batch;
        }
    }

    /** One datagram; false when the system refused it (counted as an error, the loop goes on). */
    private boolean send(DatagramChannel channel, ByteBuffer buffer) {
        try {
            channel.write(buffer);
            return true;
        } catch (PortUnreachableException e) {
            // The ICMP answer to an earlier datagram: nothing listens there (yet). Counted; sending goes on.
            tally.failure(FailureKind.PORT_UNREACHABLE, settings.peer(), IoFailures.detail(e));
        } catch (ClosedChannelException e) {
            stopping = true;
        } catch (IOException e) {
            tally.failure(IoFailures.classify(e), settings.peer(), IoFailures.detail(e));
        }
        return false;
    }
}
