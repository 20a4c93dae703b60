package io.socketdeck.core.send;

/**
 * How far a file send has come.
 *
 * @param bytesSent      bytes the target has handed to the operating system
 * @param totalBytes     the file's size when the send started
 * @param elapsedNanos   since the send started
 * @param bytesPerSecond average since the start
 */
public record FileSendProgress(long bytesSent, long totalBytes, long elapsedNanos, double bytesPerSecond) {

    /** 0..1 for a progress bar; 1 for an empty file. */
    public double fraction() {
        return totalBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesSent / totalBytes);
    }
}
