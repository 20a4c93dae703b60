package io.socketdeck.ui.log;

import io.socketdeck.core.session.TrafficCounters;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The engine's exact counters, mirrored into properties the view binds to. The engine counts
 * every byte on the I/O thread; this copy refreshes when a log batch arrives, which is when the
 * numbers can have changed.
 */
public final class CountersModel {

    private final TrafficCounters counters;
    private final ReadOnlyLongWrapper rxBytes = new ReadOnlyLongWrapper(this, "rxBytes");
    private final ReadOnlyLongWrapper rxMessages = new ReadOnlyLongWrapper(this, "rxMessages");
    private final ReadOnlyLongWrapper txBytes = new ReadOnlyLongWrapper(this, "txBytes");
    private final ReadOnlyLongWrapper txMessages = new ReadOnlyLongWrapper(this, "txMessages");

    public CountersModel(TrafficCounters counters) {
        this.counters = counters;
    }

    /** The engine-side counters to hand to every session of the tab. */
    public TrafficCounters engineCounters() {
        return counters;
    }

    public void refresh() {
        TrafficCounters.Snapshot now = counters.snapshot();
        rxBytes.set(now.rxBytes());
        rxMessages.set(now.rxMessages());
        txBytes.set(now.txBytes());
        txMessages.set(now.txMessages());
    }

    public void reset() {
        counters.reset();
        refresh();
    }

    public ReadOnlyLongProperty rxBytesProperty() {
        return rxBytes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rxMessagesProperty() {
        return rxMessages.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty txBytesProperty() {
        return txBytes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty txMessagesProperty() {
        return txMessages.getReadOnlyProperty();
    }
}
