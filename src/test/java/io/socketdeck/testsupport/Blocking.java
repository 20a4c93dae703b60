package io.socketdeck.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;

/**
 * Plain blocking sockets in tests, bounded: an accept or a read that never completes fails the
 * test with a {@link java.net.SocketTimeoutException} instead of hanging the build. A blocked
 * socket read does not answer an interrupt, so JUnit's timeout cannot end it; {@code SO_TIMEOUT}
 * can.
 */
public final class Blocking {

    /**
     * How long a test's blocking accept or read may wait: generous, since it only turns a hang
     * into a failure (the wait normally ends in milliseconds, even on a loaded 2-core machine).
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Blocking() {
    }

    /**
     * Accepts one connection, waiting at most {@link #TIMEOUT}; the accepted socket's reads time
     * out after {@link #TIMEOUT} too (a server socket's {@code SO_TIMEOUT} is not inherited).
     */
    public static Socket accept(ServerSocket server) throws IOException {
        server.setSoTimeout(millis());
        Socket accepted = server.accept();
        try {
            accepted.setSoTimeout(millis());
            return accepted;
        } catch (IOException | RuntimeException e) {
            accepted.close();
            throw e;
        }
    }

    /** Sets {@code socket}'s {@code SO_TIMEOUT} to {@link #TIMEOUT} and returns it. */
    public static Socket timed(Socket socket) throws SocketException {
        socket.setSoTimeout(millis());
        return socket;
    }

    private static int millis() {
        return (int) TIMEOUT.toMillis();
    }
}
