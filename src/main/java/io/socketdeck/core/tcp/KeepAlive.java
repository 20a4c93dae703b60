package io.socketdeck.core.tcp;

import java.time.Duration;
import java.util.Objects;

/**
 * TCP keepalive for an established connection, so a peer that vanished (unplugged, powered off,
 * its network gone) is noticed while the connection is idle: after {@code idle} without traffic
 * the system sends a probe every {@code interval}, and after {@code probes} unanswered ones the
 * connection fails with "connection timed out", reported as the peer not responding. The system
 * default is hours before the first probe; 30 s / 5 s / 4 notices a dead peer in under a minute.
 *
 * <p>The timings are {@code jdk.net.ExtendedSocketOptions} TCP_KEEPIDLE, TCP_KEEPINTERVAL and
 * TCP_KEEPCOUNT (Linux, macOS, Windows 10+), set by
 * {@link io.socketdeck.core.options.OptionApplier#keepAlive}, which looks them up by name among
 * the channel's supported options: a runtime image without the {@code jdk.net} module still runs,
 * with keepalive on and the system's timings, and says so.
 *
 * <p>Not covered: a peer that vanishes while our sent bytes wait unacknowledged. Keepalive only
 * probes an idle connection; retransmission takes over, and Linux gives up after about 15
 * minutes (tcp_retries2). TCP_USER_TIMEOUT shortens that, but Java has no option for it (none in
 * {@code jdk.net} up to JDK 25; only native code could set it), so the engine cannot.
 *
 * @param enabled  SO_KEEPALIVE on
 * @param idle     quiet time before the first probe, whole seconds
 * @param interval time between probes, whole seconds
 * @param probes   unanswered probes before the connection is given up
 */
public record KeepAlive(boolean enabled, Duration idle, Duration interval, int probes) {

    /** On: first probe after 30 s of quiet, then every 5 s, given up after 4 unanswered. */
    public static final KeepAlive DEFAULT = new KeepAlive(true, Duration.ofSeconds(30), Duration.ofSeconds(5), 4);
    /** The system's default for a new socket: off. */
    public static final KeepAlive OFF = new KeepAlive(false, DEFAULT.idle, DEFAULT.interval, DEFAULT.probes);

    public KeepAlive {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(interval, "interval");
        if (idle.toSeconds() < 1 || interval.toSeconds() < 1 || probes < 1) {
            throw new IllegalArgumentException("keepalive timings must be at least 1 s and 1 probe");
        }
    }
}
