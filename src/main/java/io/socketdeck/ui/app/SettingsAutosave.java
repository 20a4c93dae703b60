package io.socketdeck.ui.app;

import io.socketdeck.ui.fx.UiTick;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

/**
 * Saves the settings shortly after the user changes something (a field, a quick command, the log
 * size), not only at exit: a crash loses at most the last moment's edits. Edits in quick
 * succession are saved once, on the window's tick; nothing runs while nothing changes.
 */
final class SettingsAutosave {

    static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Runnable save;
    private final UiTick.Handle job;
    private boolean dirty;
    private long changedNanos;

    /** @param save writes the settings; called on the FX thread, so it takes its snapshot there */
    SettingsAutosave(UiTick tick, List<Observable> watched, Runnable save) {
        this.save = save;
        this.job = tick.add(this::saveWhenQuiet);
        InvalidationListener changed = observable -> {
            dirty = true;
            changedNanos = System.nanoTime();
            job.wake();
        };
        watched.forEach(observable -> observable.addListener(changed));
    }

    private long saveWhenQuiet(long nowNanos) {
        if (!dirty) {
            return UiTick.IDLE;
        }
        if (nowNanos - changedNanos < DELAY_NANOS) {
            return changedNanos + DELAY_NANOS;
        }
        dirty = false;
        save.run(); // reads every value, so each property reports its next change again
        return UiTick.IDLE;
    }
}
