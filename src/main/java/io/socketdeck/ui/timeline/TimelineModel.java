package io.socketdeck.ui.timeline;

import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.timeline.ConnectionTimeline;
import io.socketdeck.core.timeline.TimelineEvent;
import io.socketdeck.core.timeline.UpIntervals;
import io.socketdeck.ui.fx.UiTick;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A tab's timeline for the window: records its sessions on their I/O threads and, on the window's
 * tick, publishes what the strip draws as one {@link Frame}: when an event arrives (at most four
 * frames a second), and once a second while anything in the span can still move (the session is
 * up, or marks slide out of the span); otherwise its job sleeps, so an idle window costs nothing.
 * Never once per packet. Lives as long as its tab; the strip, rebuilt on a language switch, only
 * watches {@link #frameProperty()}.
 */
public final class TimelineModel {

    /** The longest span the strip shows, ending now. */
    public static final long SPAN_MILLIS = 5 * 60_000;
    /**
     * The spans it may show: the shortest that holds everything kept, so the first minute of a
     * tab is not a sliver at the strip's right end.
     */
    private static final long[] SPANS = {60_000, 2 * 60_000, SPAN_MILLIS};
    /**
     * The shortest time between two frames. A storm of 10,000 clients wakes the job with an event
     * on every pulse, and each frame copies, scans and draws up to {@link ConnectionTimeline#MAX_EVENTS}
     * events (a canvas command each, drawn again by the renderer): at 60 a second, a tenth of the FX
     * thread's time in the storm's cold first seconds (bench group server, profiled). A pixel of the
     * strip is 60 ms or more of its span, so a quarter of a second late is hardly to be seen.
     */
    private static final long MIN_FRAME_NANOS = 250_000_000L;

    /**
     * What to draw: the events and traffic of the {@code spanMillis} ending at {@code nowMillis}
     * (and the last event before it, which says whether the span starts up or down).
     */
    public record Frame(ConnectionTimeline.Snapshot snapshot, long nowMillis, long spanMillis) {
        public List<UpIntervals.Interval> up() {
            return UpIntervals.of(snapshot.events(), nowMillis);
        }
    }

    private final ConnectionTimeline timeline = new ConnectionTimeline();
    /** When the last frame was published ({@code System.nanoTime()}); long before, at first. */
    private long frameNanos = System.nanoTime() - MIN_FRAME_NANOS;
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame",
            new Frame(new ConnectionTimeline.Snapshot(List.of(), List.of()), System.currentTimeMillis(), SPANS[0]));

    public TimelineModel(UiTick tick) {
        UiTick.Handle job = tick.add(this::publish);
        timeline.onEvent(job::wake);
    }

    private long publish(long nowNanos) {
        if (nowNanos - frameNanos < MIN_FRAME_NANOS) {
            return frameNanos + MIN_FRAME_NANOS; // what woke it shows in that frame
        }
        frameNanos = nowNanos;
        long now = System.currentTimeMillis();
        ConnectionTimeline.Snapshot snapshot = timeline.snapshot(now - SPAN_MILLIS);
        Frame next = new Frame(snapshot, now, spanFor(snapshot, now));
        frame.set(next);
        return stillMoving(next) ? nowNanos + 1_000_000_000L : UiTick.IDLE;
    }

    private static long spanFor(ConnectionTimeline.Snapshot snapshot, long now) {
        long oldest = now;
        if (!snapshot.events().isEmpty()) {
            oldest = snapshot.events().get(0).timeMillis();
        }
        if (!snapshot.traffic().isEmpty()) {
            oldest = Math.min(oldest, snapshot.traffic().get(0).second() * 1000);
        }
        for (long span : SPANS) {
            if (now - oldest <= span) {
                return span;
            }
        }
        return SPAN_MILLIS;
    }

    // Something is up (its band grows) or still inside the span (it slides out): again in a second.
    private static boolean stillMoving(Frame frame) {
        List<UpIntervals.Interval> up = frame.up();
        if (!up.isEmpty() && up.get(up.size() - 1).open()) {
            return true;
        }
        long from = frame.nowMillis() - SPAN_MILLIS;
        return !frame.snapshot().traffic().isEmpty()
                || frame.snapshot().events().stream().anyMatch(event -> event.timeMillis() >= from);
    }

    /** Records a session's events and traffic; for the tab's session listener, on the I/O thread. */
    public SessionListener listener() {
        return timeline.listener();
    }

    /** Adds what the tab knows of itself (a planned reconnect); any thread. */
    public void add(TimelineEvent event) {
        timeline.add(event);
    }

    /** The last frame published; FX thread. */
    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Everything recorded, not only the span: for the CSV export. */
    public ConnectionTimeline timeline() {
        return timeline;
    }
}
