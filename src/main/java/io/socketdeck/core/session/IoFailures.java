package io.socketdeck.core.session;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Maps the JDK's I/O exceptions to the faults a user can act on. The JDK reports most socket
 * errors as a few exception types with the operating system's error text, so the text is part
 * of the classification; the texts are the C library's strerror() strings, not localized.
 */
public final class IoFailures {

    private IoFailures() {
    }

    public static FailureKind classify(Throwable error) {
        if (error instanceof UnknownHostException || error instanceof UnresolvedAddressException) {
            return FailureKind.UNKNOWN_HOST;
        }
        if (error instanceof SocketTimeoutException) {
            return FailureKind.CONNECT_TIMEOUT;
        }
        if (error instanceof PortUnreachableException) {
            return FailureKind.PORT_UNREACHABLE;
        }
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (error instanceof NoRouteToHostException || text.contains("no route to host")
                || text.contains("host is unreachable")) {
            return FailureKind.HOST_UNREACHABLE;
        }
        if (text.contains("network is unreachable")) {
            return FailureKind.NETWORK_UNREACHABLE;
        }
        if (text.contains("connection refused")) {
            return error instanceof ConnectException ? FailureKind.CONNECTION_REFUSED
                    : FailureKind.PORT_UNREACHABLE; // a refused datagram is an ICMP port unreachable
        }
        if (text.contains("connection reset") || text.contains("broken pipe")) {
            return FailureKind.CONNECTION_RESET;
        }
        if (text.contains("address already in use")) {
            return FailureKind.PORT_IN_USE;
        }
        if (text.contains("permission denied") || text.contains("access denied")) {
            return FailureKind.PERMISSION_DENIED;
        }
        if (text.contains("cannot assign requested address") || text.contains("address not available")) {
            return FailureKind.ADDRESS_NOT_AVAILABLE;
        }
        if (text.contains("message too long")) {
            return FailureKind.MESSAGE_TOO_LONG;
        }
        if (error instanceof ConnectException) {
            return FailureKind.CONNECTION_REFUSED;
        }
        if (error instanceof BindException) {
            return FailureKind.ADDRESS_NOT_AVAILABLE;
        }
        return FailureKind.IO;
    }

    /**
     * Like {@link #classify} for an error on a connection that was established: there, "connection
     * timed out" (ETIMEDOUT; Windows: "did not properly respond") means keepalive probes or
     * retransmissions went unanswered, the peer vanished: {@link FailureKind#PEER_NOT_RESPONDING},
     * not a connect that took too long.
     */
    public static FailureKind classifyEstablished(Throwable error) {
        FailureKind kind = classify(error);
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (kind == FailureKind.CONNECT_TIMEOUT || kind == FailureKind.IO
                && (text.contains("timed out") || text.contains("did not properly respond"))) {
            return FailureKind.PEER_NOT_RESPONDING;
        }
        return kind;
    }

    /** The operating system's text for the log, never null. */
    public static String detail(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    /** True when the exception means the peer reset the connection rather than a local fault. */
    public static boolean isReset(IOException error) {
        return classify(error) == FailureKind.CONNECTION_RESET;
    }
}
