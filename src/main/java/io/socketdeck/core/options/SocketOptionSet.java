package io.socketdeck.core.options;

/**
 * The socket options a user may ask for beyond the ones every TCP connection already sets
 * (TCP_NODELAY and keepalive live in the TCP options). Each value has a "leave it to the system"
 * setting, which is the default: a socket nobody touched behaves as the operating system decides.
 *
 * @param receiveBuffer SO_RCVBUF in bytes; 0 = the system's (which on Linux also auto-tunes it)
 * @param sendBuffer    SO_SNDBUF in bytes; 0 = the system's
 * @param lingerSeconds SO_LINGER: how long a close waits for unsent bytes; -1 = off (the system's
 *                      default: close returns at once and the system sends them in the background).
 *                      0 makes every close a reset; the Reset button does that for one close
 * @param trafficClass  IP_TOS (IPv4) / traffic class (IPv6), 0..255; -1 = the system's (0)
 * @param reusePort     SO_REUSEPORT on a listening socket, where the system has it: several
 *                      listeners may share one port
 */
public record SocketOptionSet(int receiveBuffer, int sendBuffer, int lingerSeconds, int trafficClass,
                              boolean reusePort) {

    /** Nothing asked: every option as the system sets it. */
    public static final SocketOptionSet SYSTEM = new SocketOptionSet(0, 0, -1, -1, false);
    /** Largest buffer asked for: 1 GiB; the system caps far lower anyway (net.core.rmem_max). */
    public static final int MAX_BUFFER = 1 << 30;
    /** SO_LINGER is a 16-bit count of seconds on some systems; Java caps it at 65,535. */
    public static final int MAX_LINGER_SECONDS = 65_535;

    public SocketOptionSet {
        if (receiveBuffer < 0 || receiveBuffer > MAX_BUFFER || sendBuffer < 0 || sendBuffer > MAX_BUFFER) {
            throw new IllegalArgumentException("buffer sizes must be 0..2^30: " + receiveBuffer + ", " + sendBuffer);
        }
        if (lingerSeconds < -1 || lingerSeconds > MAX_LINGER_SECONDS) {
            throw new IllegalArgumentException("linger must be -1..65535 s: " + lingerSeconds);
        }
        if (trafficClass < -1 || trafficClass > 255) {
            throw new IllegalArgumentException("traffic class must be -1..255: " + trafficClass);
        }
    }

    /** True when nothing is asked beyond the system's defaults. */
    public boolean isSystem() {
        return equals(SYSTEM);
    }

    public SocketOptionSet withReceiveBuffer(int bytes) {
        return new SocketOptionSet(bytes, sendBuffer, lingerSeconds, trafficClass, reusePort);
    }

    public SocketOptionSet withSendBuffer(int bytes) {
        return new SocketOptionSet(receiveBuffer, bytes, lingerSeconds, trafficClass, reusePort);
    }

    public SocketOptionSet withLinger(int seconds) {
        return new SocketOptionSet(receiveBuffer, sendBuffer, seconds, trafficClass, reusePort);
    }

    public SocketOptionSet withTrafficClass(int value) {
        return new SocketOptionSet(receiveBuffer, sendBuffer, lingerSeconds, value, reusePort);
    }

    public SocketOptionSet withReusePort(boolean on) {
        return new SocketOptionSet(receiveBuffer, sendBuffer, lingerSeconds, trafficClass, on);
    }
}
