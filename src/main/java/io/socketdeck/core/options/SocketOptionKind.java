package io.socketdeck.core.options;

/** The options the options panel sets, by what they are called in the log and the panel. */
public enum SocketOptionKind {
    TCP_NODELAY,
    SO_KEEPALIVE,
    /** TCP_KEEPIDLE, TCP_KEEPINTERVAL and TCP_KEEPCOUNT together (jdk.net.ExtendedSocketOptions). */
    KEEPALIVE_TIMING,
    SO_RCVBUF,
    SO_SNDBUF,
    SO_LINGER,
    IP_TOS,
    SO_REUSEPORT
}
