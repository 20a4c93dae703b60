package io.socketdeck.ui.send;

import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.send.FileSendProgress;
import io.socketdeck.core.send.FileSender;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.ui.common.ByteRates;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.UiTick;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A file being sent: progress, rate and cancel. The sender reports from the I/O thread; the
 * window's tick shows the latest figures a few times a second while it runs, and the outcome once.
 */
public final class FileSendModel {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** The end of a send, handed over from the loop thread. */
    private final AtomicReference<Finished> finished = new AtomicReference<>();
    private final UiTick.Handle job;
    private FileSender sender;
    private String name;
    private BiConsumer<Boolean, String> outcome;

    public FileSendModel(UiTick tick) {
        job = tick.add(this::onTick);
    }

    /**
     * Starts sending {@code file}; {@code outcome} gets the kind of ending and its localized text,
     * on the FX thread, for the log.
     */
    void start(Path file, SendTarget target, FileSendOptions options, BiConsumer<Boolean, String> outcome)
            throws IOException {
        cancel();
        fraction.set(0);
        status.set("");
        FileSender[] self = new FileSender[1];
        FileSender started = FileSender.start(file, target, options, new FileSender.Listener() {
            @Override
            public void finished(FileSender.Outcome result, FileSendProgress last, String detail) {
                FileSendModel.this.finished.set(new Finished(self, result, last, detail));
                job.wake();
            }
        });
        self[0] = started;
        sender = started;
        name = file.getFileName().toString();
        this.outcome = outcome;
        running.set(true);
        job.wake();
    }

    public void cancel() {
        if (sender != null) {
            sender.cancel();
        }
    }

    private long onTick(long nowNanos) {
        if (sender == null) {
            return UiTick.IDLE;
        }
        Finished end = finished.get();
        if (end != null && end.send()[0] == sender) { // not the end of a send cancelled for this one
            show(end.last());
            running.set(false);
            sender = null;
            boolean ok = end.result() == FileSender.Outcome.COMPLETED;
            outcome.accept(ok, I18n.format("file.outcome." + end.result().name(), name,
                    end.last().bytesSent(), end.last().totalBytes(), rate(end.last()),
                    end.detail()));
            return UiTick.IDLE;
        }
        show(sender.progress());
        return nowNanos + PROGRESS_EVERY_NANOS;
    }

    private void show(FileSendProgress progress) {
        fraction.set(progress.fraction());
        status.set(I18n.format("file.progress", I18n.count(progress.bytesSent()), I18n.count(progress.totalBytes()),
                rate(progress)));
    }

    private static String rate(FileSendProgress progress) {
        return ByteRates.format(progress.bytesPerSecond());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "1,234,567 of 5,000,000 bytes · 12.3 MB/s". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A send's end: which send (filled in once started), how, and the last figures. */
    private record Finished(FileSender[] send, FileSender.Outcome result, FileSendProgress last, String detail) {
    }
}
