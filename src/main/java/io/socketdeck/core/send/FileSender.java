package io.socketdeck.core.send;

import io.socketdeck.core.io.FileRanges;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.SendTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a file through a {@link SendTarget} without holding it in memory: a chunk is read only
 * when an earlier one has been written, so at most {@code window} chunks are in the target's queue
 * whatever the file's size, and a slow peer slows the reading instead of filling memory.
 *
 * <p>Everything runs on the target's loop; reading a chunk from a local disk takes microseconds, so
 * it is done there too rather than on another thread. The loop is never held for long: after
 * {@value #CHUNKS_PER_TURN} chunks in a row the sender yields to other sockets and tasks.
 *
 * <p>TCP: {@link FileSendOptions#stream()}. UDP: {@link FileSendOptions#datagrams}, where each
 * chunk is one datagram; a UDP session's target sends one datagram per {@code send}.
 *
 * <p>The file is sent as long as it was when the send began. Where the target takes file regions
 * ({@link SendTarget#sendsFileRegions()}: plain TCP) and the file is a regular one, a chunk is not
 * read here at all: the kernel sends it from the file (sendfile) and the connection reads it back
 * only to show it, when the listener wants it shown ({@link Listener#readBack}); otherwise each
 * chunk is read into an array and sent. A read that fails ends the send ({@link
 * Outcome#READ_FAILED}); the connection goes on.
 */
public final class FileSender {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileSender.class);

    static final int CHUNKS_PER_TURN = 16;
    /** Chunks in flight when they are sent as file regions (see {@link #window()}). */
    static final int REGION_WINDOW = 16;
    private static final long PROGRESS_EVERY_NANOS = 50_000_000L;
    /**
     * Chunks that wait this long without one going out make a stall: the peer (or, sending to
     * several, the slowest of them) has stopped reading. The sender says so and whom it waits
     * for; the user may wait, skip that peer or cancel.
     */
    public static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How often a running send looks at itself: stalls, and a rate that falls when nothing moves. */
    private static final long WATCH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The recent rate is measured over one to two of these. */
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** How a file send ended. */
    public enum Outcome {
        COMPLETED,
        CANCELLED,
        /** The connection or socket closed before the whole file was sent. */
        TARGET_CLOSED,
        /**
         * A chunk was dropped although the target is open: its queue is full, or, sending to
         * several, no recipient is left (all were skipped).
         */
        SEND_FAILED,
        /**
         * The file could not be read (a folder, a disk error); the listener gets the {@link
         * IOException}, for {@code IoErrors} to say why in the user's language.
         */
        READ_FAILED,
        /** The file became shorter than it was when the send began (truncated meanwhile). */
        FILE_CHANGED,
        /**
         * Something thrown while sending (a bug, an Error); the listener gets what it was, for
         * {@link Faults#describe}.
         */
        FAILED
    }

    /** Told about progress and the end, on the target's loop thread. */
    public interface Listener {

        /**
         * At most every 50 ms while sending, and every second while nothing moves (a stall); the
         * UI keeps the latest and shows it once per frame.
         */
        default void progress(FileSendProgress progress) {
        }

        /**
         * Once, at the end; on the loop thread, or on the thread that called {@code start} if the
         * target's session had already ended.
         *
         * @param cause what ended a {@link Outcome#READ_FAILED} (an {@link IOException}) or a
         *              {@link Outcome#FAILED} send; null for the other ends
         */
        default void finished(Outcome outcome, FileSendProgress last, Throwable cause) {
        }

        /**
         * Asked as each region sent straight from the file (plain TCP) goes out, on the loop
         * thread: true reads its bytes back from the file for the TX event a log shows; false
         * reports only its length ({@link io.socketdeck.core.session.SessionEvent.SentUnread}),
         * for a listener that knows nothing would keep those bytes. Reading back costs more than
         * sending from the file: a 1 GiB send reading every region back went at 0.68–0.78 of
         * sendfile's rate, one reading only its last 16 MiB at 1.03–1.20 (2 cores, bench group
         * {@code filesend}, medians of 5 rounds).
         * Not asked for chunks read to be sent as arrays (TLS, UDP): those are shown anyway.
         *
         * @param position  where the region begins in the file
         * @param fileBytes the file's length when the send began
         */
        default boolean readBack(long position, int length, long fileBytes) {
            return true;
        }
    }

    private final SendTarget target;
    private final SelectorLoop loop;
    private final FileChannel file;
    /**
     * Whether the kernel may send the file's regions as they are (sendfile): a regular file. Any
     * other with a length (a folder) is read here, so a read that fails ends the send, not the
     * connection ("No such device" from sendfile failed the whole connection).
     */
    private final boolean regularFile;
    private final long totalBytes;
    private final FileSendOptions options;
    private final Listener listener;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile FileSendProgress progress;
    private SelectorLoop.Timer targetEnd;
    private long startNanos;
    private long lastReportNanos;
    /** When a chunk last went out (or the send began). */
    private long lastProgressNanos;
    private long windowNanos;
    private long windowBytes;
    private long previousWindowNanos;
    private long previousWindowBytes;
    private long bytesSent;
    /** Where the next chunk begins. */
    private long nextPosition;
    private long chunksIssued;
    private int inFlight;
    private boolean endOfFile;
    private boolean waitingForDelay;
    private boolean pumping;
    private boolean pumpAgain;

    private FileSender(SendTarget target, FileChannel file, boolean regularFile, long totalBytes, FileSendOptions options,
                       Listener listener) {
        this.target = target;
        this.loop = target.loop();
        this.file = file;
        this.regularFile = regularFile;
        this.totalBytes = totalBytes;
        this.options = options;
        this.listener = listener;
        this.progress = FileSendProgress.start(totalBytes);
    }

    /**
     * Opens {@code path} on the calling thread, so a missing or unreadable file is an exception
     * here, at the dialog, and starts sending it on the target's loop.
     */
    public static FileSender start(Path path, SendTarget target, FileSendOptions options, Listener listener)
            throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        FileSender sender;
        try {
            sender = new FileSender(target, channel, Files.isRegularFile(path), channel.size(), options, listener);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        // The session's end, not its loop's: a shared loop goes on, and a delay timer would wait on.
        sender.targetEnd = target.whenClosed(() -> sender.finish(Outcome.TARGET_CLOSED, null));
        if (sender.loop.inLoop()) {
            sender.begin();
        } else {
            sender.loop.execute(sender::begin);
        }
        return sender;
    }

    /**
     * True when the region {@code [position, position + length)} has bytes in the file's last
     * {@code endBytes}: what a log that keeps {@code endBytes} would still show of the file, the
     * usual answer to {@link Listener#readBack}.
     */
    public static boolean reachesLast(long endBytes, long position, int length, long fileBytes) {
        return position + length > fileBytes - endBytes;
    }

    /** Stops reading the file; safe from any thread. Chunks already queued still go out. */
    public void cancel() {
        if (loop.inLoop()) {
            finish(Outcome.CANCELLED, null);
        } else {
            loop.execute(() -> finish(Outcome.CANCELLED, null));
        }
    }

    public boolean isRunning() {
        return !finished.get();
    }

    /** True when the target sends to several peers and can leave one out ({@link #skip}). */
    public boolean canSkip() {
        return target.canSkip();
    }

    /**
     * Stops sending to {@code peer} (one the progress says the send waits on), so the others get
     * the rest of the file; safe from any thread. What was queued for it stays queued.
     */
    public void skip(InetSocketAddress peer) {
        loop.execute(() -> guarded(() -> {
            if (!finished.get() && target.skip(peer)) {
                LOGGER.debug("file send skips {}", peer);
                pump();
            }
        }));
    }

    /** The latest progress; safe from any thread. */
    public FileSendProgress progress() {
        return progress;
    }

    private void begin() {
        if (finished.get()) {
            return;
        }
        startNanos = System.nanoTime();
        lastReportNanos = startNanos;
        lastProgressNanos = startNanos;
        windowNanos = startNanos;
        previousWindowNanos = startNanos;
        if (!target.isOpen()) {
            finish(Outcome.TARGET_CLOSED, null);
            return;
        }
        loop.schedule(WATCH_EVERY_NANOS, this::watch);
        guarded(this::pump);
    }

    /**
     * Every second while running: the rate falls to 0 when nothing moves, and chunks waiting
     * {@link #STALL_NANOS} show as a stall naming whom they wait for.
     */
    private void watch() {
        if (finished.get()) {
            return;
        }
        guarded(() -> listener.progress(snapshot(System.nanoTime())));
        if (!finished.get()) {
            loop.schedule(WATCH_EVERY_NANOS, this::watch);
        }
    }

    /**
     * Runs {@code step}; what it throws ends the send with FAILED rather than escaping to the
     * loop, which would log it and leave the send looking alive forever.
     */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (Throwable fault) {
            Faults.log("a file send failed", fault);
            finish(Outcome.FAILED, fault);
        }
    }

    /** Issues chunks while the window and the schedule allow; re-entered from completions. */
    private void pump() {
        if (pumping) {
            pumpAgain = true; // a completion inside send(): the running pump carries on
            return;
        }
        pumping = true;
        try {
            int issuedThisTurn = 0;
            do {
                pumpAgain = false;
                while (!finished.get() && !endOfFile && !waitingForDelay && inFlight < window()) {
                    if (issuedThisTurn == CHUNKS_PER_TURN) {
                        // A timer, not execute(): tasks queued by the loop itself run in the same
                        // pass, timers only after the next select, so reads get their turn.
                        loop.schedule(0, () -> guarded(this::pump));
                        return;
                    }
                    if (!dueNow()) {
                        break;
                    }
                    int length = (int) Math.min(options.chunkSize(), totalBytes - nextPosition);
                    if (length <= 0) {
                        endOfFile = true;
                        break;
                    }
                    if (!issue(length)) {
                        break;
                    }
                    issuedThisTurn++;
                }
            } while (pumpAgain && !finished.get());
            if (endOfFile && inFlight == 0) {
                finish(Outcome.COMPLETED, null);
            }
        } finally {
            pumping = false;
        }
    }

    /**
     * Chunks in flight at once. File regions wait in the target as references to the file, not as
     * bytes, so more of them cost no memory and let the kernel be handed a megabyte per call
     * instead of 64 KiB (measured: 0.73 against 0.91 of sendfile's rate, 4 against 16 chunks).
     */
    private int window() {
        return asRegions() ? Math.max(options.window(), REGION_WINDOW) : options.window();
    }

    /** Whether the next chunk goes as a file region, sent from the file by the kernel. */
    private boolean asRegions() {
        return regularFile && target.sendsFileRegions();
    }

    /** With a delay, chunk k is due at start + k * delay; schedules the pump for it when early. */
    private boolean dueNow() {
        long delay = options.delay().toNanos();
        if (delay == 0 || chunksIssued == 0) {
            return true;
        }
        long wait = startNanos + chunksIssued * delay - System.nanoTime();
        if (wait <= 0) {
            return true;
        }
        waitingForDelay = true;
        loop.schedule(wait, () -> {
            waitingForDelay = false;
            guarded(this::pump);
        });
        return false;
    }

    /**
     * Sends the next {@code length} bytes: as a file region when the target takes them, else read
     * into an array here.
     *
     * @return false when the send ended instead (the file could not be read, or is shorter now)
     */
    private boolean issue(int length) {
        long position = nextPosition;
        if (asRegions()) {
            begun(length);
            target.sendFileRegion(file, position, length, new RegionSent(position, length));
            return true;
        }
        byte[] chunk = readChunk(position, length);
        if (chunk == null) {
            return false;
        }
        begun(length);
        target.send(chunk, written -> written(length, written));
        return true;
    }

    /** A region's completion, which asks the listener whether to read the region back. */
    private final class RegionSent implements SendTarget.RegionCompletion {
        private final long position;
        private final int length;

        RegionSent(long position, int length) {
            this.position = position;
            this.length = length;
        }

        @Override
        public boolean readBack() {
            try {
                return listener.readBack(position, length, totalBytes);
            } catch (RuntimeException fault) {
                Faults.log("a file send's listener failed; the region is read back", fault);
                return true;
            }
        }

        @Override
        public void completed(boolean written) {
            written(length, written);
        }
    }

    private void begun(int length) {
        nextPosition += length;
        inFlight++;
        chunksIssued++;
    }

    /** {@code length} bytes from {@code position}; null when they could not all be read (the send has ended). */
    private byte[] readChunk(long position, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            if (!FileRanges.readFully(file, position, buffer)) {
                finish(Outcome.FILE_CHANGED, null);
                return null;
            }
        } catch (IOException e) {
            LOGGER.warn("reading the file to send failed", e);
            finish(Outcome.READ_FAILED, e);
            return null;
        }
        return buffer.array();
    }

    private void written(int length, boolean ok) {
        guarded(() -> {
            inFlight--;
            if (ok) {
                bytesSent += length;
                long now = System.nanoTime();
                lastProgressNanos = now;
                if (now - lastReportNanos >= PROGRESS_EVERY_NANOS) {
                    lastReportNanos = now;
                    listener.progress(snapshot(now));
                }
                pump();
            } else if (!target.isOpen()) {
                finish(Outcome.TARGET_CLOSED, null);
            } else {
                finish(shrank() ? Outcome.FILE_CHANGED : Outcome.SEND_FAILED, null);
            }
            closeWhenIdle(); // the last region of an ended send is out
        });
    }

    private FileSendProgress snapshot(long now) {
        long elapsed = startNanos == 0 ? 0 : now - startNanos;
        double rate = elapsed <= 0 ? 0 : bytesSent / (elapsed / 1e9);
        if (now - windowNanos >= RATE_WINDOW_NANOS) {
            previousWindowNanos = windowNanos;
            previousWindowBytes = windowBytes;
            windowNanos = now;
            windowBytes = bytesSent;
        }
        long span = now - previousWindowNanos;
        double recent = span <= 0 ? 0 : (bytesSent - previousWindowBytes) / (span / 1e9);
        boolean waiting = inFlight > 0 && !finished.get();
        long idle = waiting ? now - lastProgressNanos : 0;
        List<InetSocketAddress> waitingOn = idle >= STALL_NANOS ? target.waitingOn() : List.of();
        FileSendProgress current = new FileSendProgress(bytesSent, totalBytes, elapsed, rate, recent, idle, waitingOn);
        progress = current;
        return current;
    }

    /** True when the file is shorter than the chunks issued: a region of it could not be sent. */
    private boolean shrank() {
        try {
            return file.size() < nextPosition;
        } catch (IOException e) {
            return false;
        }
    }

    private void finish(Outcome outcome, Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (outcome == Outcome.TARGET_CLOSED) {
            SelectorLoop.closeQuietly(file); // nothing queued will be sent any more
        } else {
            closeWhenIdle();
        }
        if (targetEnd != null) {
            targetEnd.cancel();
        }
        listener.finished(outcome, snapshot(System.nanoTime()), cause);
    }

    /** Closes the file once ended and no region of it waits in the target, which sends from it. */
    private void closeWhenIdle() {
        if (finished.get() && inFlight == 0) {
            SelectorLoop.closeQuietly(file);
        }
    }
}
