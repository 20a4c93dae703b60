package io.socketdeck.ui.tcpclient;

import io.socketdeck.core.reconnect.Backoff;
import io.socketdeck.core.reconnect.ReconnectSchedule;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.timeline.TimelineEvent;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.timeline.TimelineModel;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The client tab's auto-reconnect: its settings (off by default), and, when on, the countdown to
 * the next attempt after the connection was lost or could not be made. The delay follows
 * {@link Backoff}; the countdown runs on the window's tick, once a second and only while an attempt
 * is planned. A planned attempt calls {@code connect}; the user's own Disconnect or Cancel never
 * leads to one. FX thread only.
 */
final class ClientReconnect {

    static final long MAX_JITTER_PERCENT = 100;

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final StringProperty initialDelay = new SimpleStringProperty(this, "initialDelay",
            Long.toString(Backoff.DEFAULT.initial().toMillis()));
    private final StringProperty maxDelay = new SimpleStringProperty(this, "maxDelay",
            Long.toString(Backoff.DEFAULT.max().toMillis()));
    private final StringProperty jitter = new SimpleStringProperty(this, "jitter",
            Long.toString(Math.round(Backoff.DEFAULT.jitter() * 100)));
    /** The quick command sent on every (re)connect, by name; empty for none. */
    private final StringProperty onConnectCommand = new SimpleStringProperty(this, "onConnectCommand", "");
    private final WordedText initialError = new WordedText(this, "initialError");
    private final WordedText maxError = new WordedText(this, "maxError");
    private final WordedText jitterError = new WordedText(this, "jitterError");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");
    private final ReconnectSchedule schedule = new ReconnectSchedule(Math::random);
    private final TimelineModel timeline;
    private final LongSupplier clock;
    private final BooleanSupplier connect;
    private final UiTick.Handle countdown;
    private Backoff backoff = Backoff.DEFAULT;
    /** The window is closing: nothing is planned any more. */
    private boolean stopped;

    /**
     * @param clock   {@link System#nanoTime()}, or a test's
     * @param connect makes an attempt from the tab's fields; false when it could not start one
     */
    ClientReconnect(UiTick tick, TimelineModel timeline, LongSupplier clock, BooleanSupplier connect) {
        this.timeline = timeline;
        this.clock = clock;
        this.connect = connect;
        countdown = tick.add(this::onTick);
        initialDelay.addListener((obs, old, now) -> initialError.set(null));
        maxDelay.addListener((obs, old, now) -> maxError.set(null));
        jitter.addListener((obs, old, now) -> jitterError.set(null));
        enabled.addListener((obs, was, on) -> {
            if (!on) {
                cancel();
            }
        });
    }

    /**
     * Checks the settings when reconnecting is on, showing at each field what is wrong.
     *
     * @return false when reconnecting is on and a setting is wrong
     */
    boolean check() {
        if (!enabled.get()) {
            return true;
        }
        long initial = Numbers.parse(initialDelay.get(), 1, Backoff.MAX_DELAY_MILLIS);
        long max = Numbers.parse(maxDelay.get(), 1, Backoff.MAX_DELAY_MILLIS);
        long spread = Numbers.parse(jitter.get(), 0, MAX_JITTER_PERCENT);
        // Cleared first: the same message set again is no change, and the popup opens only on a change.
        initialError.set(null);
        maxError.set(null);
        jitterError.set(null);
        initialError.word(() -> initial > 0 ? null
                : I18n.format("client.reconnect.delay.invalid", Backoff.MAX_DELAY_MILLIS));
        maxError.word(() -> max <= 0 ? I18n.format("client.reconnect.delay.invalid", Backoff.MAX_DELAY_MILLIS)
                : initial > 0 && max < initial ? I18n.text("client.reconnect.max.belowInitial") : null);
        jitterError.word(() -> spread >= 0 ? null : I18n.text("client.reconnect.jitter.invalid"));
        if (initialError.get() != null || maxError.get() != null || jitterError.get() != null) {
            return false;
        }
        backoff = new Backoff(Duration.ofMillis(initial), Duration.ofMillis(max), spread / 100.0);
        return true;
    }

    /** The connection is up: the next loss starts over at the first delay. */
    void connected() {
        schedule.connected();
        setPending(false);
    }

    /**
     * The session ended for {@code reason}; plans an attempt when on, the end was not ours and
     * {@code userClosed} is false.
     */
    void ended(CloseReason reason, boolean userClosed) {
        if (stopped || !enabled.get() || userClosed || !Backoff.reconnectsAfter(reason)) {
            cancel();
            return;
        }
        long now = clock.getAsLong();
        long due = schedule.lost(backoff, now);
        timeline.add(new TimelineEvent(System.currentTimeMillis(), TimelineEvent.Kind.RECONNECT, "",
                "attempt " + schedule.attempt() + ", in " + (due - now) / 1_000_000 + " ms")); // untranslated, as in the CSV
        setPending(true);
        showCountdown(now);
        countdown.wake();
    }

    private void showCountdown(long now) {
        status.set(I18n.format("client.reconnect.countdown", schedule.secondsLeft(now), schedule.attempt()));
    }

    /** Stops a planned attempt (Cancel, or reconnecting switched off); the count starts over. */
    void cancel() {
        schedule.cancel();
        setPending(false);
    }

    /** The window closes: a planned attempt is dropped and none is planned again. */
    void stop() {
        stopped = true;
        cancel();
        countdown.remove();
    }

    private long onTick(long nowNanos) {
        if (stopped || !schedule.pending()) {
            return UiTick.IDLE;
        }
        long now = clock.getAsLong();
        if (now - schedule.dueNanos() >= 0) {
            schedule.attempting();
            setPending(false);
            if (!connect.getAsBoolean()) {
                schedule.cancel(); // a field went wrong: its message says so, and nothing is tried again
            }
            return UiTick.IDLE;
        }
        showCountdown(now);
        // Again when the shown second changes, or when due, whichever is first.
        long untilDue = schedule.dueNanos() - now;
        long untilNextSecond = (untilDue - 1) % 1_000_000_000L + 1;
        return nowNanos + Math.min(untilDue, untilNextSecond);
    }

    private void setPending(boolean now) {
        pending.set(now);
        if (!now) {
            status.set("");
        }
    }

    void languageChanged() {
        if (schedule.pending()) {
            showCountdown(clock.getAsLong());
        }
    }

    PersistedFields persisted() {
        return new PersistedFields()
                .flag("enabled", enabled)
                .text("initialDelay", initialDelay)
                .text("maxDelay", maxDelay)
                .text("jitter", jitter)
                .text("onConnectCommand", onConnectCommand);
    }

    /** The number of the planned or last attempt, from 1; 0 after a connection was made. */
    int attempt() {
        return schedule.attempt();
    }

    BooleanProperty enabledProperty() {
        return enabled;
    }

    StringProperty initialDelayProperty() {
        return initialDelay;
    }

    StringProperty maxDelayProperty() {
        return maxDelay;
    }

    StringProperty jitterProperty() {
        return jitter;
    }

    StringProperty onConnectCommandProperty() {
        return onConnectCommand;
    }

    ReadOnlyStringProperty initialErrorProperty() {
        return initialError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty maxErrorProperty() {
        return maxError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty jitterErrorProperty() {
        return jitterError.getReadOnlyProperty();
    }

    /** "reconnecting in 3 s, attempt 4" while an attempt is planned, else empty. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while an attempt is planned: the tab's Connect button then reads Cancel. */
    ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }
}
