package io.socketdeck.ui.send;

import io.socketdeck.ui.fx.UiRefresh;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.core.send.PeriodicSender;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.ui.common.I18n;
import java.time.Duration;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Repeat-send settings and state: every N ms, optionally N times, at a fixed rate on the
 * session's own loop (see {@link PeriodicSender}). Stops by itself when the connection closes.
 */
public final class PeriodicSendModel {

    static final long MAX_INTERVAL_MILLIS = 86_400_000;

    private final StringProperty interval = new SimpleStringProperty(this, "interval", "1000");
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyStringWrapper intervalError = new ReadOnlyStringWrapper(this, "intervalError");
    private final UiRefresh refresh = new UiRefresh(this::showProgress);
    private PeriodicSender sender;

    public PeriodicSendModel() {
        interval.addListener((obs, old, now) -> intervalError.set(null));
        count.addListener((obs, old, now) -> intervalError.set(null));
    }

    /** Checks the fields; returns false with {@link #intervalErrorProperty()} set when they are wrong. */
    boolean validate() {
        if (parse(interval.get(), 1, MAX_INTERVAL_MILLIS) < 0) {
            intervalError.set(I18n.format("periodic.error.interval", I18n.count(MAX_INTERVAL_MILLIS)));
            return false;
        }
        String countText = count.get() == null ? "" : count.get().strip();
        if (!countText.isEmpty() && parse(countText, 1, Long.MAX_VALUE / 2) < 0) {
            intervalError.set(I18n.text("periodic.error.count"));
            return false;
        }
        return true;
    }

    void start(SendTarget target, byte[] payload) {
        stop();
        long millis = parse(interval.get(), 1, MAX_INTERVAL_MILLIS);
        String countText = count.get() == null ? "" : count.get().strip();
        long times = countText.isEmpty() ? PeriodicSender.UNLIMITED : parse(countText, 1, Long.MAX_VALUE / 2);
        sent.set(0);
        running.set(true);
        refresh.start();
        PeriodicSender started = PeriodicSender.start(target, payload, Duration.ofMillis(millis), times,
                new PeriodicSender.Listener() {
                    @Override
                    public void stopped(PeriodicSender.StopReason reason, long total) {
                        Platform.runLater(() -> finished(total)); // once per run, not per send
                    }
                });
        sender = started;
    }

    public void stop() {
        if (sender != null) {
            sender.stop();
        }
    }

    private void finished(long total) {
        sent.set(total);
        running.set(false);
        refresh.stop();
        sender = null;
    }

    private void showProgress() {
        PeriodicSender current = sender;
        if (current != null) {
            sent.set(current.sentCount());
        }
    }

    private static long parse(String text, long min, long max) {
        return Numbers.parse(text, min, max);
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    /** Empty for no limit. */
    public StringProperty countProperty() {
        return count;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Sends made by the current or last run, refreshed a few times a second. */
    public ReadOnlyLongProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty intervalErrorProperty() {
        return intervalError.getReadOnlyProperty();
    }
}
