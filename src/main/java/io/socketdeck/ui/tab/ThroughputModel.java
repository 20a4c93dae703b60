package io.socketdeck.ui.tab;

import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.stats.ThroughputMeter;
import io.socketdeck.core.stats.ThroughputSample;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * A tab's live rates: once a second the engine's counters are sampled into bytes/s and
 * messages/s each way, and the last 60 samples are kept for the status bar's chart.
 */
public final class ThroughputModel {

    private final ThroughputMeter meter;
    private final ReadOnlyObjectWrapper<ThroughputSample> current =
            new ReadOnlyObjectWrapper<>(this, "current", ThroughputSample.NONE);
    private final ObservableList<ThroughputSample> history = FXCollections.observableArrayList();
    private final Timeline ticks;

    public ThroughputModel(TrafficCounters counters) {
        meter = new ThroughputMeter(counters);
        meter.sample(System.nanoTime()); // the baseline the first rate is measured from
        ticks = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
    }

    private void tick() {
        current.set(meter.sample(System.nanoTime()));
        history.setAll(meter.history());
    }

    public ReadOnlyObjectProperty<ThroughputSample> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Oldest first, at most {@link ThroughputMeter#HISTORY} samples. */
    public ObservableList<ThroughputSample> history() {
        return FXCollections.unmodifiableObservableList(history);
    }

    public void stop() {
        ticks.stop();
    }
}
