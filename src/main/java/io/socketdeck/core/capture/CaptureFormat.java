package io.socketdeck.core.capture;

/** What a capture file holds. */
public enum CaptureFormat {
    /**
     * The bytes exactly as they came, nothing else: for replaying, diffing or feeding a decoder.
     * Received and sent bytes go to separate files (see {@link CaptureOptions#sentFile()}).
     */
    RAW,
    /**
     * One text line per event: time, direction, peer, byte count and the bytes as hex or escaped
     * text; connects, disconnects and failures get lines too.
     */
    LOG
}
