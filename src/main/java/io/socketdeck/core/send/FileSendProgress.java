package io.socketdeck.core.send;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * How far a file send has come.
 *
 * @param bytesSent            bytes the target has handed to the operating system
 * @param totalBytes           the file's size when the send started
 * @param elapsedNanos         since the send started
 * @param bytesPerSecond       average since the start
 * @param recentBytesPerSecond over the last one to two seconds: falls to 0 when nothing moves
 * @param idleNanos            how long chunks have been waiting without one going out; 0 when
 *                             none waits
 * @param waitingOn            whom the waiting chunks wait for (peers that are not reading), when
 *                             the target can tell
 */
public record FileSendProgress(long bytesSent, long totalBytes, long elapsedNanos, double bytesPerSecond,
                               double recentBytesPerSecond, long idleNanos, List<InetSocketAddress> waitingOn) {

    public FileSendProgress {
        waitingOn = List.copyOf(Objects.requireNonNull(waitingOn, "waitingOn"));
    }

    /** Nothing sent yet. */
    static FileSendProgress start(long totalBytes) {
        return new FileSendProgress(0, totalBytes, 0, 0, 0, 0, List.of());
    }

    /** 0..1 for a progress bar; 1 for an empty file. */
    public double fraction() {
        return totalBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesSent / totalBytes);
    }

    /** True when chunks have waited at least {@link FileSender#STALL_NANOS} without one going out. */
    public boolean stalled() {
        return idleNanos >= FileSender.STALL_NANOS;
    }
}
