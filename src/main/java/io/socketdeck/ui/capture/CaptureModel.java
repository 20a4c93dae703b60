package io.socketdeck.ui.capture;

import io.socketdeck.core.capture.CaptureFailure;
import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.capture.CaptureWriter;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.SwitchableListener;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.TrafficLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tab's capture to file. The writer sits in every session of the tab, on the I/O thread, ahead
 * of the view's bounded queue, so what the view trims is still in the file; it survives
 * reconnects, and starts and stops while traffic flows. While it runs, the window's tick shows its
 * size a few times a second from a counter the writer keeps (no disk access, no lock on the FX
 * thread); a write failure reaches the tick the same way.
 */
public final class CaptureModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(CaptureModel.class);
    private static final long STATUS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final SwitchableListener slot = new SwitchableListener();
    private final TrafficLog log;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final AtomicReference<CaptureFailure> failure = new AtomicReference<>();
    private final UiTick.Handle job;
    private CaptureWriter writer;

    public CaptureModel(UiTick tick, TrafficLog log) {
        this.log = log;
        this.job = tick.add(this::onTick);
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
        return slot.get() instanceof CaptureWriter running && running.options().includeSent();
    }

    public void start(CaptureOptions options) {
        stop();
        try {
            writer = CaptureWriter.open(options, failed -> {
                failure.set(failed);
                job.wake();
            });
        } catch (IOException | UncheckedIOException e) {
            log.note(LogEntry.Kind.ERROR, I18n.format("capture.error.open", options.file().toString(),
                    String.valueOf(e.getMessage())));
            return;
        }
        slot.set(writer);
        running.set(true);
        showSize();
        job.wake();
        log.note(LogEntry.Kind.INFO, I18n.format("capture.started", options.file().toString()));
    }

    /** Stops and flushes; the files are complete when this returns. */
    public void stop() {
        if (writer == null) {
            return;
        }
        slot.set(null);
        CaptureWriter stopped = writer;
        writer = null;
        stopped.close(); // waits for an event being written on the I/O thread, then flushes
        running.set(false);
        status.set("");
        log.note(LogEntry.Kind.INFO, I18n.format("capture.stopped", totalSize(stopped),
                stopped.options().file().toString()));
    }

    private long onTick(long nowNanos) {
        CaptureFailure failed = failure.getAndSet(null);
        if (failed != null && writer != null) {
            log.note(LogEntry.Kind.ERROR, I18n.format("capture.failed." + failed.kind().name(),
                    failed.file().toString(), failed.detail()));
            stop();
        }
        if (writer == null) {
            return UiTick.IDLE;
        }
        showSize();
        return nowNanos + STATUS_EVERY_NANOS;
    }

    private void showSize() {
        status.set(I18n.format("capture.status", writer.options().file().getFileName().toString(),
                I18n.count(writer.bytesWritten())));
    }

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

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "capture.bin · 1,234,567 B", refreshed a few times a second. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
