package io.socketdeck.ui.log;

import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.fx.UiTick;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The engine's exact counters, mirrored into properties the view binds to. The engine counts every
 * byte on the I/O thread; this copy is refreshed on the window's tick when traffic woke it, and
 * looks once more shortly after, for bytes counted without an event of their own (a broadcast's
 * writes completing). Quiet counters cost nothing.
 */
public final class CountersModel {

    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final TrafficCounters counters;
    private final ReadOnlyLongWrapper rxBytes = new ReadOnlyLongWrapper(this, "rxBytes");
    private final ReadOnlyLongWrapper rxMessages = new ReadOnlyLongWrapper(this, "rxMessages");
    private final ReadOnlyLongWrapper txBytes = new ReadOnlyLongWrapper(this, "txBytes");
    private final ReadOnlyLongWrapper txMessages = new ReadOnlyLongWrapper(this, "txMessages");
    /** TLS records read and written, handshakes included; 0 over plain TCP and UDP. */
    private final ReadOnlyLongWrapper wireRxBytes = new ReadOnlyLongWrapper(this, "wireRxBytes");
    private final ReadOnlyLongWrapper wireTxBytes = new ReadOnlyLongWrapper(this, "wireTxBytes");
    private final UiTick.Handle job;

    public CountersModel(UiTick tick, TrafficCounters counters) {
        this.counters = counters;
        this.job = tick.add(this::refreshOnTick);
    }

    /** The engine-side counters to hand to every session of the tab. */
    public TrafficCounters engineCounters() {
        return counters;
    }

    /** Something was counted; any thread, cheap. */
    public void wake() {
        job.wake();
    }

    /** Shows the engine's counts now; FX thread. */
    public boolean refresh() {
        TrafficCounters.Snapshot now = counters.snapshot();
        long wireRx = counters.wireRxBytes();
        long wireTx = counters.wireTxBytes();
        boolean changed = now.rxBytes() != rxBytes.get() || now.rxMessages() != rxMessages.get()
                || now.txBytes() != txBytes.get() || now.txMessages() != txMessages.get()
                || wireRx != wireRxBytes.get() || wireTx != wireTxBytes.get();
        rxBytes.set(now.rxBytes());
        rxMessages.set(now.rxMessages());
        txBytes.set(now.txBytes());
        txMessages.set(now.txMessages());
        wireRxBytes.set(wireRx);
        wireTxBytes.set(wireTx);
        return changed;
    }

    private long refreshOnTick(long nowNanos) {
        return refresh() ? nowNanos + RECHECK_NANOS : UiTick.IDLE;
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

    public ReadOnlyLongProperty wireRxBytesProperty() {
        return wireRxBytes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty wireTxBytesProperty() {
        return wireTxBytes.getReadOnlyProperty();
    }
}
