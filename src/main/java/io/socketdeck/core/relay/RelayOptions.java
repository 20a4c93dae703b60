package io.socketdeck.core.relay;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a relay listens and where it forwards to.
 *
 * @param protocol        TCP or UDP
 * @param listenAddress   the local address to listen on (a literal: a wildcard, loopback or an
 *                        interface's address)
 * @param listenPort      0..65535; 0 lets the operating system pick a free port
 * @param targetHost      the target's host name or literal; looked up anew for every client
 *                        (off the I/O thread), so a name that moves is followed and an unknown
 *                        name is an event about that client, not a failure of the relay
 * @param targetPort      1..65535
 * @param bufferBytes     what one direction of one connection may hold (read but not yet
 *                        delivered: held, delayed, throttled or waiting for a slow reader) before
 *                        the relay stops reading its source (UDP: drops); each read or datagram
 *                        held counts 72 bytes besides its own, for the memory it takes; at least 1.
 *                        All directions of all connections together hold at most the relay's
 *                        budget besides (64 MiB, see {@code RelayBudget})
 * @param udpIdleTimeout  a UDP client's upstream socket closes after this long without a datagram
 *                        either way; positive
 * @param onTargetFailure what the client gets when the target cannot be reached
 */
public record RelayOptions(RelayProtocol protocol, InetAddress listenAddress, int listenPort, String targetHost,
                           int targetPort, int bufferBytes, Duration udpIdleTimeout,
                           TargetFailureAction onTargetFailure) {

    /** Per direction and connection: 1 MiB. */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;
    public static final Duration DEFAULT_UDP_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public RelayOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(listenAddress, "listenAddress");
        Objects.requireNonNull(targetHost, "targetHost");
        Objects.requireNonNull(udpIdleTimeout, "udpIdleTimeout");
        Objects.requireNonNull(onTargetFailure, "onTargetFailure");
        if (listenPort < 0 || listenPort > 65_535) {
            throw new IllegalArgumentException("listen port out of range: " + listenPort);
        }
        if (targetHost.isBlank()) {
            throw new IllegalArgumentException("no target host");
        }
        if (targetPort < 1 || targetPort > 65_535) {
            throw new IllegalArgumentException("target port out of range: " + targetPort);
        }
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("buffer must be positive: " + bufferBytes);
        }
        if (udpIdleTimeout.isZero() || udpIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must be positive: " + udpIdleTimeout);
        }
    }

    /** A relay with the defaults: 1 MiB per direction, 60 s UDP idle timeout, clients closed when the target fails. */
    public static RelayOptions of(RelayProtocol protocol, InetAddress listenAddress, int listenPort, String targetHost,
                                  int targetPort) {
        return new RelayOptions(protocol, listenAddress, listenPort, targetHost, targetPort, DEFAULT_BUFFER_BYTES,
                DEFAULT_UDP_IDLE_TIMEOUT, TargetFailureAction.CLOSE);
    }

    public RelayOptions withBufferBytes(int bytes) {
        return new RelayOptions(protocol, listenAddress, listenPort, targetHost, targetPort, bytes, udpIdleTimeout,
                onTargetFailure);
    }

    public RelayOptions withUdpIdleTimeout(Duration timeout) {
        return new RelayOptions(protocol, listenAddress, listenPort, targetHost, targetPort, bufferBytes, timeout,
                onTargetFailure);
    }

    public RelayOptions withOnTargetFailure(TargetFailureAction action) {
        return new RelayOptions(protocol, listenAddress, listenPort, targetHost, targetPort, bufferBytes,
                udpIdleTimeout, action);
    }
}
