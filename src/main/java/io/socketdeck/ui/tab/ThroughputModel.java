package io.socketdeck.ui.tab;

import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.stats.ThroughputMeter;
import io.socketdeck.core.stats.ThroughputSample;
import io.socketdeck.ui.fx.UiTick;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A tab's live rates: once a second, while there is traffic or the last minute's chart still
 * shows some, the engine's counters are sampled into bytes/s and messages/s each way on the
 * window's tick; the last 60 samples feed the status bar's chart. Once everything has scrolled
 * to zero it stops sampling until traffic wakes it, and then accounts for the quiet time.
 */
public final class ThroughputModel {

    private static final long SECOND = 1_000_000_000L;

    private final ThroughputMeter meter;
    private final ReadOnlyObjectWrapper<ThroughputSample> current =
            new ReadOnlyObjectWrapper<>(this, "current", ThroughputSample.NONE);
    private final ObservableList<ThroughputSample> history = FXCollections.observableArrayList();
    private final ObservableList<ThroughputSample> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private final UiTick.Handle job;

    public ThroughputModel(UiTick tick, TrafficCounters counters) {
        meter = new ThroughputMeter(counters);
        meter.sample(System.nanoTime()); // the baseline the first rate is measured from
        job = tick.add(this::sampleOnTick);
    }

    /** Traffic was counted; any thread, cheap. */
    public void wake() {
        job.wake();
    }

    private long sampleOnTick(long nowNanos) {
        meter.skipQuiet(nowNanos);
        if (nowNanos - meter.lastSampleNanos() >= SECOND) {
            current.set(meter.sample(nowNanos));
            history.setAll(meter.history());
        }
        return meter.isQuiet() ? UiTick.IDLE : meter.lastSampleNanos() + SECOND;
    }

    public ReadOnlyObjectProperty<ThroughputSample> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Oldest first, at most {@link ThroughputMeter#HISTORY} samples. */
    public ObservableList<ThroughputSample> history() {
        return readOnlyHistory;
    }
}
