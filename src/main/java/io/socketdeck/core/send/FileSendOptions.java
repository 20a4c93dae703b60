package io.socketdeck.core.send;

import java.time.Duration;
import java.util.Objects;

/**
 * How a file is cut up for sending.
 *
 * @param chunkSize bytes per send: for TCP a write request (the stream does not keep the cut), for
 *                  UDP exactly one datagram (the last may be shorter)
 * @param delay     time between the starts of consecutive sends, measured from the first (a fixed
 *                  rate, like {@link PeriodicSender}); zero sends as fast as the target takes them
 * @param window    sends in flight at once: more keeps a TCP socket busy, one paces datagrams
 */
public record FileSendOptions(int chunkSize, Duration delay, int window) {

    /** The largest UDP payload over IPv4: 65,535 minus the IP and UDP headers. */
    public static final int MAX_DATAGRAM = 65_507;
    static final int STREAM_CHUNK = 64 * 1024;
    static final int STREAM_WINDOW = 4;

    public FileSendOptions {
        Objects.requireNonNull(delay, "delay");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    /**
     * TCP: 64 KiB requests, four in flight, so the next chunk is read while earlier ones are being
     * written, and at most 256 KiB wait in the connection's queue however big the file is.
     */
    public static FileSendOptions stream() {
        return new FileSendOptions(STREAM_CHUNK, Duration.ZERO, STREAM_WINDOW);
    }

    /**
     * UDP: one datagram of {@code size} bytes per send, one at a time, {@code delay} apart.
     *
     * @throws IllegalArgumentException for a size outside 1..{@value #MAX_DATAGRAM}
     */
    public static FileSendOptions datagrams(int size, Duration delay) {
        if (size < 1 || size > MAX_DATAGRAM) {
            throw new IllegalArgumentException("datagram size must be 1.." + MAX_DATAGRAM + ": " + size);
        }
        return new FileSendOptions(size, delay, 1);
    }
}
