package io.socketdeck.ui.send;

import io.socketdeck.ui.fx.UiRefresh;
import io.socketdeck.ui.common.ByteRates;
import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.send.FileSendProgress;
import io.socketdeck.core.send.FileSender;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A file being sent: progress, rate and cancel. The sender reports from the I/O thread; this
 * shows the latest figures a few times a second and the outcome once.
 */
public final class FileSendModel {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final UiRefresh refresh = new UiRefresh(this::showProgress);
    private FileSender sender;

    /**
     * Starts sending {@code file}; {@code outcome} gets the kind of ending and its localized text,
     * on the FX thread, for the log.
     */
    void start(Path file, SendTarget target, FileSendOptions options, BiConsumer<Boolean, String> outcome)
            throws IOException {
        cancel();
        fraction.set(0);
        status.set("");
        running.set(true);
        refresh.start();
        String name = file.getFileName().toString();
        sender = FileSender.start(file, target, options, new FileSender.Listener() {
            @Override
            public void finished(FileSender.Outcome result, FileSendProgress last, String detail) {
                Platform.runLater(() -> done(name, result, last, detail, outcome));
            }
        });
    }

    public void cancel() {
        if (sender != null) {
            sender.cancel();
        }
    }

    private void done(String name, FileSender.Outcome result, FileSendProgress last, String detail,
                      BiConsumer<Boolean, String> outcome) {
        refresh.stop();
        show(last);
        running.set(false);
        sender = null;
        boolean ok = result == FileSender.Outcome.COMPLETED;
        outcome.accept(ok, I18n.format("file.outcome." + result.name(), name, I18n.count(last.bytesSent()),
                I18n.count(last.totalBytes()), rate(last), detail));
    }

    private void showProgress() {
        FileSender current = sender;
        if (current != null) {
            show(current.progress());
        }
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
}
