package io.socketdeck.core.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A capture stopped because its file could not be written. The session goes on; the window shows
 * this in the log and in the capture's status, the command line prints it: both in the words of
 * {@code InputErrors.captureFailed}, which says {@code cause} in the language of the moment.
 *
 * @param kind         what went wrong
 * @param file         the file that could not be written: the one being written, or the next
 *                     one a roll-over could not create
 * @param bytesWritten bytes safely written before the fault, over all files
 * @param cause        what the write or the open threw
 */
public record CaptureFailure(Kind kind, Path file, long bytesWritten, Exception cause) {

    /** What went wrong. */
    public enum Kind {
        DISK_FULL,
        PERMISSION_DENIED,
        IO
    }

    public CaptureFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(cause, "cause");
    }
}
