package io.socketdeck.core.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A capture stopped because its file could not be written. The session goes on; the UI shows
 * this in the log and in the capture's status.
 *
 * @param kind         what went wrong, for a localised message
 * @param file         the file being written
 * @param bytesWritten bytes safely written before the fault, over all files
 * @param detail       the operating system's text, for the log
 */
public record CaptureFailure(Kind kind, Path file, long bytesWritten, String detail) {

    /** What went wrong. */
    public enum Kind {
        DISK_FULL,
        PERMISSION_DENIED,
        IO
    }

    public CaptureFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        detail = detail == null ? "" : detail;
    }
}
