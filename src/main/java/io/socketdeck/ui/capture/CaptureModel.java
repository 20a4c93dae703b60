package io.socketdeck.ui.capture;

import io.socketdeck.core.capture.CaptureFailure;
import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.capture.CaptureWriter;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.SwitchableListener;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.fx.FileWorker;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tab's capture to file. The writer sits in every session of the tab, on the I/O thread, ahead
 * of the view's bounded queue, so what the view trims is still in the file; it survives
 * reconnects, and starts and stops while traffic flows. While it runs, the window's tick shows its
 * size a few times a second from a counter the writer keeps (no disk access, no lock on the FX
 * thread); a write failure reaches the tick the same way.
 *
 * <p>The FX thread never touches the files: they are opened, flushed, closed and sized on the
 * model's own {@link FileWorker}, and the outcome comes back on the tick. Opening a named pipe
 * waits for its reader, a hung network mount for ever; closing waits for an event the I/O thread
 * is writing to a slow disk. Meanwhile the capture is {@link State#STARTING} or {@link
 * State#STOPPING} and says so. It records from the pulse that shows it running: what arrives while
 * its file opens is not in it.
 */
public final class CaptureModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(CaptureModel.class);
    private static final long STATUS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** Where a capture is. Only an idle one takes a start: a second click never opens a second file. */
    public enum State {
        IDLE,
        /** Its file opens on the worker; nothing is recorded yet. A stop gives the open up. */
        STARTING,
        /** Recording every byte. */
        RUNNING,
        /** No longer recording; its files are flushed and closed on the worker. */
        STOPPING
    }

    private final SwitchableListener slot = new SwitchableListener();
    private final TrafficLog log;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final WordedText status = new WordedText(this, "status");
    /** A write fault, handed over from the thread that hit it. */
    private final AtomicReference<Fault> fault = new AtomicReference<>();
    private final ExecutorService files = FileWorker.create("socketdeck-capture-files");
    private final UiTick.Handle job;
    /** The open on the worker, while starting. */
    private Opening opening;
    /** The open whose writer records, while running. */
    private Opening current;
    /** The close on the worker, while stopping, and after it until the next stop. */
    private Closing closing;
    /** The write fault that stopped the capture now closing: its status says it once the files are closed. */
    private CaptureFailure stoppedBy;

    public CaptureModel(UiTick tick, TrafficLog log) {
        this.log = log;
        this.job = tick.add(this::onTick);
        status.set("");
    }

    /** Put this in every session's listeners: it writes while a capture runs, else does nothing. */
    public SessionListener listener() {
        return slot;
    }

    /**
     * True while a capture runs that records sent bytes: then every byte a file send sends must
     * be read back for it, not only what the log keeps. Any thread (the I/O thread asks).
     */
    public boolean recordsSent() {
        return slot.get() instanceof CaptureWriter recording && recording.options().includeSent();
    }

    /** Opens the file on the worker, then records; the log says which. Does nothing unless idle. FX thread. */
    public void start(CaptureOptions options) {
        if (state.get() != State.IDLE || files.isShutdown()) {
            return;
        }
        opening = new Opening(options);
        setState(State.STARTING);
        String name = options.file().getFileName().toString();
        status.word(() -> I18n.format("capture.opening", name));
        files.execute(opening);
    }

    /**
     * Stops recording now; the files are flushed and closed on the worker, and the log says when
     * they are complete. A capture still opening is given up: its file is closed as soon as its
     * open returns. FX thread.
     */
    public void stop() {
        switch (state.get()) {
            case STARTING -> {
                Opening givenUp = opening;
                opening = null;
                givenUp.giveUp();
                setState(State.IDLE);
                status.set("");
                log.note(LogEntry.Kind.INFO, I18n.format("capture.givenUp", givenUp.options.file().toString()));
            }
            case RUNNING -> {
                slot.set(null);
                CaptureWriter stopped = current.writer();
                closing = new Closing(stopped, current);
                current = null;
                setState(State.STOPPING);
                String name = stopped.options().file().getFileName().toString();
                status.word(() -> I18n.format("capture.closing", name));
                files.execute(closing); // waits for an event being written on the I/O thread, then flushes
            }
            case IDLE, STOPPING -> {
            }
        }
    }

    /** The tab closes: stops (see {@link #stop()}) and lets the worker end once its work is done. Never waits. */
    public void shutdown() {
        stop();
        files.shutdown();
    }

    /**
     * Waits for the files of the capture stopped last to be closed, until {@code deadlineNanos}
     * at the latest ({@link System#nanoTime()}): the application's exit waits so, the end of a
     * capture being on disk before the process ends. An open that still waits is not waited for.
     *
     * @return true when no close is left to run
     */
    public boolean awaitClosed(long deadlineNanos) {
        Closing last = closing;
        try {
            return last == null || last.done.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setState(State now) {
        state.set(now);
        running.set(now == State.RUNNING);
    }

    private long onTick(long nowNanos) {
        Fault failed = fault.getAndSet(null);
        if (failed != null) {
            reportFault(failed);
        }
        if (opening != null && opening.isDone()) {
            opened();
        }
        if (state.get() == State.STOPPING && closing.done.getCount() == 0) {
            closed();
        }
        if (state.get() != State.RUNNING) {
            return UiTick.IDLE;
        }
        showSize();
        return nowNanos + STATUS_EVERY_NANOS;
    }

    private void opened() {
        Opening done = opening;
        opening = null;
        if (done.error() != null) {
            Exception e = done.error();
            String file = done.options.file().toString();
            Supplier<String> why = () -> InputErrors.captureOpen(file, IoErrors.describe(e));
            setState(State.IDLE);
            status.word(why); // at the capture's status until the next start, in the language of the day
            log.note(LogEntry.Kind.ERROR, why.get());
            return;
        }
        current = done;
        slot.set(done.writer()); // records from now on
        setState(State.RUNNING);
        showSize();
        log.note(LogEntry.Kind.INFO, I18n.format("capture.started", done.options.file().toString()));
    }

    private void closed() {
        setState(State.IDLE);
        CaptureFailure failure = stoppedBy;
        stoppedBy = null;
        if (failure == null) {
            status.set("");
        } else {
            status.word(() -> InputErrors.captureFailed(failure)); // until the next start, in the language of the day
        }
        log.note(LogEntry.Kind.INFO, I18n.format("capture.stopped", closing.size,
                closing.writer.options().file().toString()));
    }

    /**
     * A write fault stops the capture it came from; one hit while closing is said too. The log
     * says which file and why, and so does the capture's status once its files are closed.
     */
    private void reportFault(Fault failed) {
        boolean recording = failed.from() == current;
        boolean closingNow = state.get() == State.STOPPING && failed.from() == closing.from;
        if (!recording && !closingNow) {
            return; // from an open given up: nobody recorded into it
        }
        CaptureFailure failure = failed.failure();
        log.note(LogEntry.Kind.ERROR, InputErrors.captureFailed(failure));
        stoppedBy = failure;
        if (recording) {
            stop();
        }
    }

    private void showSize() {
        CaptureWriter writer = current.writer();
        status.set(I18n.format("capture.status", writer.options().file().getFileName().toString(),
                I18n.count(writer.bytesWritten())));
    }

    /** Worker: the bytes in every file of the capture, once closed. */
    private static long totalSize(CaptureWriter writer) {
        long total = 0;
        for (Path file : writer.files()) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                LOGGER.debug("cannot read the size of {}", file, e);
            }
        }
        return total;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while recording: not while the file opens nor while it closes. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * "capture.bin · 1,234,567 B", refreshed a few times a second; "capture.bin · opening…" while
     * it opens; why it did not open, after a start that failed; why it stopped, after a write fault.
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A write fault and the open whose writer hit it. */
    private record Fault(Opening from, CaptureFailure failure) {
    }

    /** One file opening on the worker, and what came of it; the FX thread may give it up meanwhile. */
    private final class Opening implements Runnable {

        private final CaptureOptions options;
        private CaptureWriter writer;
        private Exception error;
        private boolean done;
        private boolean givenUp;

        Opening(CaptureOptions options) {
            this.options = options;
        }

        /** Worker. */
        @Override
        public void run() {
            CaptureWriter opened = null;
            Exception failed = null;
            try {
                opened = CaptureWriter.open(options, failure -> {
                    fault.set(new Fault(this, failure));
                    job.wake();
                });
            } catch (IOException | RuntimeException e) {
                failed = e;
            }
            boolean wanted;
            synchronized (this) {
                done = true;
                writer = opened;
                error = failed;
                wanted = !givenUp;
            }
            if (wanted) {
                job.wake();
            } else if (opened != null) {
                opened.close(); // given up while it opened: nothing will record into it
            }
        }

        synchronized boolean isDone() {
            return done;
        }

        synchronized CaptureWriter writer() {
            return writer;
        }

        synchronized Exception error() {
            return error;
        }

        /** FX thread: the outcome is not wanted; a file already open is closed on the worker. */
        void giveUp() {
            CaptureWriter open;
            synchronized (this) {
                givenUp = true;
                open = writer;
            }
            if (open != null) {
                files.execute(open::close);
            }
        }
    }

    /** The close of a stopped capture's files, on the worker. */
    private final class Closing implements Runnable {

        private final CaptureWriter writer;
        private final Opening from;
        private final CountDownLatch done = new CountDownLatch(1);
        /** Written before {@link #done} counts down, read after. */
        private long size;

        Closing(CaptureWriter writer, Opening from) {
            this.writer = writer;
            this.from = from;
        }

        @Override
        public void run() {
            try {
                writer.close();
                size = totalSize(writer);
            } finally {
                done.countDown();
                job.wake();
            }
        }
    }
}
