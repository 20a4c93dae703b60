package io.socketdeck.core.capture;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to capture and where.
 *
 * @param file        the first file; later ones are {@code file.1}, {@code file.2}, ... in order
 * @param format      raw bytes or a text log
 * @param includeSent also capture what this side sent (received bytes are always captured)
 * @param rollBytes   start the next file before one would exceed this many bytes; 0 never rolls.
 *                    A raw file is split exactly at the limit; a log line is never split (a line
 *                    longer than the limit gets a file of its own)
 * @param charset     for {@link CaptureFormat#LOG} as escaped text
 * @param logHex      {@link CaptureFormat#LOG} shows the bytes as hex rather than escaped text
 */
public record CaptureOptions(Path file, CaptureFormat format, boolean includeSent, long rollBytes,
                             Charset charset, boolean logHex) {

    public CaptureOptions {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
        if (rollBytes < 0) {
            throw new IllegalArgumentException("roll size must not be negative: " + rollBytes);
        }
    }

    /** Received bytes only, raw, in one file. */
    public static CaptureOptions raw(Path file) {
        return new CaptureOptions(file, CaptureFormat.RAW, false, 0, StandardCharsets.UTF_8, false);
    }

    /** A text log of both directions as escaped UTF-8 text, in one file. */
    public static CaptureOptions log(Path file) {
        return new CaptureOptions(file, CaptureFormat.LOG, true, 0, StandardCharsets.UTF_8, false);
    }

    public CaptureOptions withIncludeSent(boolean on) {
        return new CaptureOptions(file, format, on, rollBytes, charset, logHex);
    }

    public CaptureOptions withRollBytes(long limit) {
        return new CaptureOptions(file, format, includeSent, limit, charset, logHex);
    }

    public CaptureOptions withCharset(Charset value) {
        return new CaptureOptions(file, format, includeSent, rollBytes, value, logHex);
    }

    public CaptureOptions withLogHex(boolean on) {
        return new CaptureOptions(file, format, includeSent, rollBytes, charset, on);
    }

    /**
     * Where raw sent bytes go: {@code capture.bin} becomes {@code capture.tx.bin}, {@code capture}
     * becomes {@code capture.tx}. Raw received and sent bytes are kept apart because interleaving
     * them would make both streams unusable and lose which byte went which way.
     */
    public Path sentFile() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sent = dot <= 0 ? name + ".tx" : name.substring(0, dot) + ".tx" + name.substring(dot);
        return file.resolveSibling(sent);
    }
}
