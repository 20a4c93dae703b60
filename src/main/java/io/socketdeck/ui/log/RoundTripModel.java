package io.socketdeck.ui.log;

import io.socketdeck.core.stats.RoundTripStats;
import io.socketdeck.ui.common.Durations;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.WordedText;
import io.socketdeck.ui.fx.UiTick;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The tab's live round-trip statistics for its status line: how many answers, and the fastest,
 * median, 99th percentile and slowest. Answers are recorded on I/O threads; the line is redrawn
 * at most four times a second, and only when an answer came (and in each language chosen while
 * it shows: the views are built again, this model stays). Empty until the first one.
 */
public final class RoundTripModel {

    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final RoundTripStats stats = new RoundTripStats();
    private final WordedText text = new WordedText(this, "text");
    private final UiTick.Handle job;
    private long shownCount = -1;

    public RoundTripModel(UiTick tick) {
        text.set("");
        job = tick.add(this::show);
    }

    /** An answer came back after {@code nanos}; any thread, cheap. */
    public void record(long nanos) {
        stats.record(nanos);
        job.wake();
    }

    private long show(long nowNanos) {
        long count = stats.count();
        if (count != shownCount) {
            shownCount = count;
            RoundTripStats.Summary now = stats.summary();
            if (count == 0) {
                text.set("");
            } else {
                text.word(() -> I18n.format("rtt.summary", I18n.count(count), Durations.of(now.minNanos()),
                        Durations.of(now.p50Nanos()), Durations.of(now.p99Nanos()), Durations.of(now.maxNanos())));
            }
            return nowNanos + EVERY_NANOS; // look once more after a pause: answers may be coming fast
        }
        return UiTick.IDLE;
    }

    /** Forgets every answer so far. FX thread. */
    public void reset() {
        stats.reset();
        job.wake();
    }

    /** "↩ answers: 12 · min 0.210 ms · p50 0.420 ms · p99 1.30 ms · max 2.00 ms", or empty. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
