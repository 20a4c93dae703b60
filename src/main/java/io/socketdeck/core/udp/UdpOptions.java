package io.socketdeck.core.udp;

import io.socketdeck.core.options.SocketOptionSet;
import java.net.InetAddress;
import java.util.Objects;

/**
 * How a UDP socket is opened.
 *
 * @param bindAddress        the local address; a wildcard (0.0.0.0 or ::) for all interfaces. Its
 *                           family is the socket's: :: gives a dual-stack socket that also speaks IPv4
 * @param bindPort           0 lets the system pick (an "unbound" socket), reported once open
 * @param connectTo          null, or the one remote to connect to: then the system reports ICMP
 *                           errors (port unreachable) and delivers only that remote's datagrams
 * @param multicastTtl       IP_MULTICAST_TTL / hop limit, 0..255
 * @param multicastLoop      IP_MULTICAST_LOOP: our own multicast datagrams reach this machine too
 * @param receiveBufferBytes SO_RCVBUF asked for: a larger kernel queue rides out pauses of the
 *                           reading thread under a flood (the system may grant less)
 * @param socketOptions      what the user asked for beyond that: a receive buffer there replaces
 *                           {@code receiveBufferBytes}; send buffer, traffic class
 */
public record UdpOptions(InetAddress bindAddress, int bindPort, UdpTarget connectTo, int multicastTtl,
                         boolean multicastLoop, int receiveBufferBytes, SocketOptionSet socketOptions) {

    /** 1 keeps multicast on the local network, as the socket API does by default. */
    public static final int DEFAULT_MULTICAST_TTL = 1;
    public static final int DEFAULT_RECEIVE_BUFFER = 4 << 20;

    public UdpOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(socketOptions, "socketOptions");
        if (bindPort < 0 || bindPort > 65_535) {
            throw new IllegalArgumentException("port out of range: " + bindPort);
        }
        if (multicastTtl < 0 || multicastTtl > 255) {
            throw new IllegalArgumentException("TTL out of range: " + multicastTtl);
        }
        if (receiveBufferBytes < 1) {
            throw new IllegalArgumentException("receive buffer must be positive: " + receiveBufferBytes);
        }
    }

    /** With no options beyond the defaults. */
    public UdpOptions(InetAddress bindAddress, int bindPort, UdpTarget connectTo, int multicastTtl,
                      boolean multicastLoop, int receiveBufferBytes) {
        this(bindAddress, bindPort, connectTo, multicastTtl, multicastLoop, receiveBufferBytes, SocketOptionSet.SYSTEM);
    }

    public static UdpOptions bind(InetAddress address, int port) {
        return new UdpOptions(address, port, null, DEFAULT_MULTICAST_TTL, true, DEFAULT_RECEIVE_BUFFER);
    }

    public UdpOptions withConnectTo(UdpTarget remote) {
        return new UdpOptions(bindAddress, bindPort, remote, multicastTtl, multicastLoop, receiveBufferBytes,
                socketOptions);
    }

    public UdpOptions withMulticast(int ttl, boolean loop) {
        return new UdpOptions(bindAddress, bindPort, connectTo, ttl, loop, receiveBufferBytes, socketOptions);
    }

    public UdpOptions withReceiveBuffer(int bytes) {
        return new UdpOptions(bindAddress, bindPort, connectTo, multicastTtl, multicastLoop, bytes, socketOptions);
    }

    public UdpOptions withSocketOptions(SocketOptionSet value) {
        return new UdpOptions(bindAddress, bindPort, connectTo, multicastTtl, multicastLoop, receiveBufferBytes, value);
    }
}
