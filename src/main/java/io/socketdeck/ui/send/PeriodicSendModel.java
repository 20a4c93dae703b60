package io.socketdeck.ui.send;

import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PeriodicSender;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.fx.UiTick;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Repeat-send settings and state: every N ms, optionally N times, at a fixed rate on the
 * session's own loop (see {@link PeriodicSender}). Stops by itself when the connection closes.
 * While it runs, the window's tick shows the count a few times a second; the end reaches the tick
 * the same way, never one {@code runLater} per send.
 */
public final class PeriodicSendModel {

    static final long MAX_INTERVAL_MILLIS = 86_400_000;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final StringProperty interval = new SimpleStringProperty(this, "interval", "1000");
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final WordedText intervalError = new WordedText(this, "intervalError");
    /** The end of a run, handed over from the loop thread. */
    private final AtomicReference<Finished> finished = new AtomicReference<>();
    private final UiTick.Handle job;
    private PeriodicSender sender;
    private Consumer<String> problem = text -> { };

    public PeriodicSendModel(UiTick tick) {
        job = tick.add(this::onTick);
        interval.addListener((obs, old, now) -> intervalError.set(null));
        count.addListener((obs, old, now) -> intervalError.set(null));
    }

    /** Checks the fields; returns false with {@link #intervalErrorProperty()} set when they are wrong. */
    boolean validate() {
        if (parse(interval.get(), 1, MAX_INTERVAL_MILLIS) < 0) {
            intervalError.word(() -> I18n.format("periodic.error.interval", I18n.count(MAX_INTERVAL_MILLIS)));
            return false;
        }
        String countText = count.get() == null ? "" : count.get().strip();
        if (!countText.isEmpty() && parse(countText, 1, Long.MAX_VALUE / 2) < 0) {
            intervalError.word(() -> I18n.text("periodic.error.count"));
            return false;
        }
        return true;
    }

    /**
     * Starts repeating what {@code payloads} builds, once per send on the session's thread (new
     * macro values each time); {@code problem} gets, on the FX thread, the localized reason
     * when the repeat stops by itself because sending failed (nobody can take more, or a fault).
     */
    void start(SendTarget target, Supplier<byte[]> payloads, Consumer<String> problem) {
        stop();
        this.problem = problem;
        long millis = parse(interval.get(), 1, MAX_INTERVAL_MILLIS);
        String countText = count.get() == null ? "" : count.get().strip();
        long times = countText.isEmpty() ? PeriodicSender.UNLIMITED : parse(countText, 1, Long.MAX_VALUE / 2);
        sent.set(0);
        running.set(true);
        PeriodicSender[] self = new PeriodicSender[1];
        PeriodicSender started = PeriodicSender.start(target, payloads, Duration.ofMillis(millis), times,
                new PeriodicSender.Listener() {
                    @Override
                    public void stopped(PeriodicSender.StopReason reason, long total) {
                        // once per run, not per send
                        PeriodicSender run = self[0];
                        finished.set(new Finished(self, total, reason, run == null ? "" : run.failure(),
                                run == null ? null : run.buildProblem()));
                        job.wake();
                    }
                });
        self[0] = started;
        sender = started;
        job.wake();
    }

    public void stop() {
        if (sender != null) {
            sender.stop();
        }
    }

    private long onTick(long nowNanos) {
        if (sender == null) {
            return UiTick.IDLE;
        }
        Finished end = finished.get();
        if (end != null && end.run()[0] == sender) { // not the end of a run stopped for this one
            sent.set(end.total());
            running.set(false);
            sender = null;
            if (end.reason() == PeriodicSender.StopReason.BUILD_FAILED && end.buildProblem() != null) {
                // The send that could not be built is the one after the last made: its number as the user
                // counts. Said in the command line's sentence (gen), the same event.
                problem.accept(I18n.format("periodic.stopped.BUILD_FAILED", end.total(),
                        InputErrors.laterPayload(end.total() + 1, end.buildProblem())));
            } else if (end.reason() == PeriodicSender.StopReason.SEND_FAILED
                    || end.reason() == PeriodicSender.StopReason.FAILED) {
                problem.accept(I18n.format("periodic.stopped." + end.reason().name(), end.total(),
                        end.failure()));
            }
            return UiTick.IDLE;
        }
        sent.set(sender.sentCount());
        return nowNanos + PROGRESS_EVERY_NANOS;
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

    /** A run's end: which run (filled in once started), how many sends it made, why it ended. */
    private record Finished(PeriodicSender[] run, long total, PeriodicSender.StopReason reason, String failure,
                            PayloadException buildProblem) {
    }
}
