package io.socketdeck.cli;

/**
 * What a command's exit status means, so a script can tell a refused connection from a silent
 * device. Stable: scripts depend on these numbers (the README lists them).
 */
public enum ExitCode {
    /** Done as asked. */
    OK(0),
    /** Failed for a reason without a code of its own (e.g. reset mid-transfer, a file unreadable). */
    FAILED(1),
    /** Bad command line or input: unknown option, bad port, host, hex, escape or macro. */
    USAGE(2),
    /** The peer refused the connection (nothing listening), or a UDP port was unreachable. */
    REFUSED(3),
    /** No connection within the connect timeout. */
    CONNECT_TIMEOUT(4),
    /** The host name has no address. */
    UNKNOWN_HOST(5),
    /** Sent, but no reply came within {@code --wait-reply}. */
    NO_REPLY(6),
    /** The TLS handshake failed: a certificate refused, an alert, no common version, a plaintext peer. */
    TLS_FAILED(7),
    /** A script ran, and at least one of its steps failed. */
    SCRIPT_FAILED(8),
    /** Ended by Ctrl+C (SIGINT); what was done so far has been printed. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
