package io.socketdeck.ui.timeline;

import io.socketdeck.core.timeline.ConnectionTimeline;
import io.socketdeck.core.timeline.TimelineEvent;
import io.socketdeck.core.timeline.UpIntervals;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * The drawing of a timeline over its frame's span (the last minute to five): the stretches the
 * session was up as a green band, each second's traffic as a blue bar (its height on a log scale, so a trickle
 * still shows beside a flood), and events as ticks: red for failures and losses, amber for a
 * planned reconnect (the upper part of a tick), green for a connection made. Now is the right edge.
 *
 * <p>Cheap by construction: it redraws only when its {@link TimelineModel} publishes a frame (on
 * the window's tick, once a second, or on an event at most four times a second), and on a resize.
 * Never per packet. Colours are mid tones that read on the light and the dark theme alike.
 */
final class TimelineChart extends Region {

    private static final double HEIGHT = 14;
    private static final double HOVER_PIXELS = 4;
    private static final Color UP = Color.web("#2ea043", 0.55);
    private static final Color TRAFFIC = Color.web("#388bfd", 0.9);
    private static final Color FAILURE = Color.web("#f85149");
    private static final Color RECONNECT = Color.web("#d29922");
    private static final Color CONNECTED = Color.web("#2ea043");
    private static final Color BASE = Color.web("#8b949e", 0.6);

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private ConnectionTimeline.Snapshot shown = new ConnectionTimeline.Snapshot(List.of(), List.of());
    private long shownAtMillis;
    private long spanMillis = TimelineModel.SPAN_MILLIS;
    private final ChangeListener<TimelineModel.Frame> redraw = (obs, old, now) -> showFrame(now);
    /** How many redraws it made: a test's proof that it draws on the tick, not per packet. */
    private long draws;

    TimelineChart() {
        getStyleClass().add("timeline-chart");
        getChildren().add(canvas);
        setPrefSize(200, HEIGHT);
        setMinSize(40, HEIGHT);
        setMaxHeight(HEIGHT);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setText(TimelineTexts.hint());
        Tooltip.install(this, tooltip);
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> tooltip.setText(describeAt(event.getX())));
    }

    /**
     * Draws {@code model}'s frames from now on. The model holds the listener weakly: a strip
     * dropped with a view rebuilt for another language does not stay subscribed.
     */
    void show(TimelineModel model) {
        model.frameProperty().addListener(new WeakChangeListener<>(redraw));
        showFrame(model.frameProperty().get());
    }

    private void showFrame(TimelineModel.Frame frame) {
        shown = frame.snapshot();
        shownAtMillis = frame.nowMillis();
        spanMillis = frame.spanMillis();
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        draws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        if (width <= 0 || height <= 0) {
            return;
        }
        long from = shownAtMillis - spanMillis;
        g.setFill(BASE);
        g.fillRect(0, height / 2 - 0.5, width, 1);
        g.setFill(UP);
        for (UpIntervals.Interval interval : UpIntervals.of(shown.events(), shownAtMillis)) {
            double x0 = Math.max(0, x(interval.startMillis(), from, width));
            double x1 = Math.max(x0 + 1, x(interval.endMillis(), from, width));
            g.fillRect(x0, 2, x1 - x0, height - 4);
        }
        drawTraffic(g, from, width, height);
        for (TimelineEvent event : shown.events()) {
            if (event.timeMillis() < from) {
                continue;
            }
            Color color = colorOf(event.kind());
            if (color != null) {
                // A refusal and the reconnect it plans fall on the same pixel: the loss takes the
                // lower part of the tick and the plan the upper, so both show.
                double top = event.kind() == TimelineEvent.Kind.FAILURE || event.kind() == TimelineEvent.Kind.DISCONNECTED
                        ? height * 0.4 : 0;
                double tall = event.kind() == TimelineEvent.Kind.RECONNECT ? height * 0.4 : height - top;
                g.setFill(color);
                g.fillRect(Math.floor(x(event.timeMillis(), from, width)) - 1, top, 2, tall);
            }
        }
    }

    private void drawTraffic(GraphicsContext g, long from, double width, double height) {
        double max = 1;
        for (ConnectionTimeline.TrafficSecond second : shown.traffic()) {
            max = Math.max(max, second.bytes());
        }
        double top = Math.log1p(max);
        double barWidth = Math.max(1, width * 1000.0 / spanMillis);
        g.setFill(TRAFFIC);
        for (ConnectionTimeline.TrafficSecond second : shown.traffic()) {
            double x = x(second.second() * 1000, from, width);
            double bar = Math.max(1, (height - 2) * Math.log1p(second.bytes()) / top);
            g.fillRect(x, height - bar, barWidth, bar);
        }
    }

    private static Color colorOf(TimelineEvent.Kind kind) {
        return switch (kind) {
            case FAILURE, DISCONNECTED -> FAILURE;
            case RECONNECT -> RECONNECT;
            case CONNECTED, OPENED -> CONNECTED;
            case CLOSED -> null; // the band's end shows it
        };
    }

    private double x(long timeMillis, long from, double width) {
        return (timeMillis - from) * width / spanMillis;
    }

    /** What the pointer at {@code x} is over: the nearest event, else the traffic or the up stretch there. */
    String describeAt(double x) {
        double width = getWidth();
        if (width <= 0) {
            return TimelineTexts.hint();
        }
        long from = shownAtMillis - spanMillis;
        TimelineEvent nearest = null;
        double best = HOVER_PIXELS;
        for (TimelineEvent event : shown.events()) {
            double distance = Math.abs(x(event.timeMillis(), from, width) - x);
            if (event.timeMillis() >= from && distance <= best) {
                best = distance;
                nearest = event;
            }
        }
        if (nearest != null) {
            return TimelineTexts.event(nearest);
        }
        long at = from + Math.round(x * spanMillis / width);
        for (ConnectionTimeline.TrafficSecond second : shown.traffic()) {
            if (second.second() == Math.floorDiv(at, 1000)) {
                return TimelineTexts.traffic(second);
            }
        }
        for (UpIntervals.Interval interval : UpIntervals.of(shown.events(), shownAtMillis)) {
            if (at >= interval.startMillis() && at <= interval.endMillis()) {
                return TimelineTexts.up(interval);
            }
        }
        return TimelineTexts.hint();
    }

    /** The snapshot drawn last; for tests. */
    ConnectionTimeline.Snapshot shown() {
        return shown;
    }

    long draws() {
        return draws;
    }
}
