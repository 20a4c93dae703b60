package io.socketdeck.core.capture;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a session's traffic to files as it happens: add it as one of the session's listeners.
 *
 * <ul>
 *   <li>It writes on the session's I/O thread, synchronously, through a 1 MiB buffer. It never
 *       drops a byte to keep up: if the disk is slower than the network, the I/O thread waits,
 *       stops reading the socket meanwhile, and TCP's flow control slows the peer down.</li>
 *   <li>The buffer is handed to the operating system at least every {@value #FLUSH_MILLIS} ms
 *       (by one shared daemon thread), on each session's end and on {@link #close()}, so a crash
 *       of the application loses at most that much.</li>
 *   <li>A write fault (disk full, permission denied) stops the capture and is reported once to
 *       the failure callback; it is never thrown into the session's thread, which goes on.</li>
 * </ul>
 * Thread-safe: the I/O thread, the flushing thread and the UI's close meet on one lock.
 */
public final class CaptureWriter implements SessionListener, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CaptureWriter.class);

    static final int BUFFER_BYTES = 1 << 20;
    static final long FLUSH_MILLIS = 500;

    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "capture-flush");
        thread.setDaemon(true);
        return thread;
    });

    private final CaptureOptions options;
    private final Consumer<CaptureFailure> onFailure;
    private final RollingFile received;
    private final RollingFile sent;
    private final CaptureLines lines;
    private final ScheduledFuture<?> flushing;
    private CaptureFailure failure;
    private boolean closed;
    /** Bytes handed to the files so far; read without the lock, so a status line never waits for a disk write. */
    private volatile long bytesWritten;

    private CaptureWriter(CaptureOptions options, Consumer<CaptureFailure> onFailure) throws IOException {
        this.options = options;
        this.onFailure = onFailure;
        this.received = new RollingFile(options.file(), options.rollBytes(), BUFFER_BYTES);
        RollingFile sentFile = null;
        if (options.format() == CaptureFormat.RAW && options.includeSent()) {
            try {
                sentFile = new RollingFile(options.sentFile(), options.rollBytes(), BUFFER_BYTES);
            } catch (IOException e) {
                received.close();
                throw e;
            }
        }
        this.sent = sentFile;
        this.lines = options.format() == CaptureFormat.LOG ? new CaptureLines(options.charset(), options.logHex()) : null;
        this.flushing = FLUSHER.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Creates the first file(s) now, so a path that cannot be written is an exception here, for
     * the caller to show, rather than a failure later. It may wait (a named pipe waits for its
     * reader): a window calls it off its FX thread.
     *
     * @param onFailure told once, on the thread that hit the fault, if writing fails later
     */
    public static CaptureWriter open(CaptureOptions options, Consumer<CaptureFailure> onFailure) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onFailure, "onFailure");
        return new CaptureWriter(options, onFailure);
    }

    public CaptureOptions options() {
        return options;
    }

    @Override
    public void onEvent(SessionEvent event) {
        synchronized (this) {
            if (closed || failure != null) {
                return;
            }
            try {
                write(event);
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
    }

    private void write(SessionEvent event) throws IOException {
        if (event instanceof SessionEvent.Relayed relayed) {
            // A relay's client-to-target bytes count as received, target-to-client as sent.
            boolean up = relayed.leg() == Leg.UP;
            if (!up && !options.includeSent()) {
                return;
            }
            if (lines != null) {
                writeLine(lines.relayed(relayed));
            } else {
                RollingFile target = up ? received : sent;
                target.writeSplittable(relayed.bytes(), 0, relayed.bytes().length);
                bytesWritten += relayed.bytes().length;
            }
            return;
        }
        if (event instanceof SessionEvent.Data data) {
            if (data.direction() == Direction.TX && !options.includeSent()) {
                return;
            }
            if (lines != null) {
                writeLine(lines.data(data));
            } else {
                RollingFile target = data.direction() == Direction.RX ? received : sent;
                target.writeSplittable(data.bytes(), 0, data.bytes().length);
                bytesWritten += data.bytes().length; // one writer at a time: under the lock
            }
            return;
        }
        if (lines != null) {
            String line = lines.control(event);
            if (line != null) {
                writeLine(line);
            }
        }
        if (event instanceof SessionEvent.Closed) {
            flushAll(); // the session is over: nothing of it waits in the buffer
        }
    }

    private void writeLine(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        received.writeWhole(bytes);
        bytesWritten += bytes.length;
    }

    /** Bytes written to the capture's files so far (buffered or on disk); any thread, never blocks. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Hands everything buffered to the operating system now. */
    public void flush() {
        synchronized (this) {
            if (closed || failure != null) {
                return;
            }
            try {
                flushAll();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    /** Every file written so far, received (or the log) first, in order; raw sent files after. */
    public synchronized List<Path> files() {
        List<Path> all = new ArrayList<>(received.files());
        if (sent != null) {
            all.addAll(sent.files());
        }
        return all;
    }

    /** The fault that stopped the capture, or null. */
    public synchronized CaptureFailure failure() {
        return failure;
    }

    /** Flushes and closes the files; later events are ignored. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            flushing.cancel(false);
            IOException error = null;
            for (RollingFile file : sent == null ? List.of(received) : List.of(received, sent)) {
                try {
                    file.close();
                } catch (IOException e) {
                    error = e;
                }
            }
            if (error != null && failure == null) {
                report(error, received.current());
            }
        }
    }

    private void flushQuietly() {
        flush();
    }

    private void flushAll() throws IOException {
        received.flush();
        if (sent != null) {
            sent.flush();
        }
    }

    private void fail(Exception error) {
        report(error, received.current());
        flushing.cancel(false);
        closeQuietly(received);
        if (sent != null) {
            closeQuietly(sent);
        }
    }

    private void report(Exception error, Path file) {
        long written = received.flushedBytes() + (sent == null ? 0 : sent.flushedBytes());
        failure = new CaptureFailure(kindOf(error), file, written, error);
        // The callback tells the user, in words; the app's log file keeps the system's text. Not a
        // warning: the command line prints warnings, and would print the JDK's English beside its words.
        LOGGER.info("capture to {} failed after {} bytes: {}", file, written, error.toString());
        try {
            onFailure.accept(failure);
        } catch (RuntimeException e) {
            LOGGER.warn("capture failure callback failed", e);
        }
    }

    private static void closeQuietly(RollingFile file) {
        try {
            file.close();
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("closing a failed capture file", e);
        }
    }

    private static CaptureFailure.Kind kindOf(Exception error) {
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("disk full") || text.contains("not enough space")
                || text.contains("quota")) {
            return CaptureFailure.Kind.DISK_FULL;
        }
        if (error instanceof AccessDeniedException || text.contains("permission denied")
                || text.contains("access is denied")) {
            return CaptureFailure.Kind.PERMISSION_DENIED;
        }
        return CaptureFailure.Kind.IO;
    }
}
