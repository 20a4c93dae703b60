package io.socketdeck.testsupport;

import java.io.IOException;

/**
 * Picks a real TCP echo peer: {@code python3 tcp_echo.py} when python3 works, else the plain Java
 * {@link JavaEchoServer}. Set {@code -Dsocketdeck.echoPeer=java} to force the Java one.
 */
public final class EchoPeers {

    public static final String FORCE_PROPERTY = "socketdeck.echoPeer";

    private EchoPeers() {
    }

    /** True if {@link #tcp()} will start {@code python3 tcp_echo.py} rather than the Java echo. */
    public static boolean usesPython() {
        boolean forceJava = "java".equalsIgnoreCase(System.getProperty(FORCE_PROPERTY, ""));
        return !forceJava && PythonPeer.available();
    }

    /** A TCP echo peer on {@code 127.0.0.1:0}. */
    public static EchoPeer tcp() throws IOException {
        return tcp(Loopback.IPV4);
    }

    /** A TCP echo peer on {@code HOST:0}; HOST must be {@code 127.0.0.1} or {@code ::1}. */
    public static EchoPeer tcp(String host) throws IOException {
        if (usesPython()) {
            return PythonPeer.tcpEcho(host);
        }
        return new JavaEchoServer(host);
    }
}
