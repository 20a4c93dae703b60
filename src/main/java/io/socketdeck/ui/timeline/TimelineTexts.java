package io.socketdeck.ui.timeline;

import io.socketdeck.core.timeline.ConnectionTimeline;
import io.socketdeck.core.timeline.TimelineEvent;
import io.socketdeck.core.timeline.UpIntervals;
import io.socketdeck.ui.common.ByteRates;
import io.socketdeck.ui.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words of the timeline's tooltip, in the window's language. */
final class TimelineTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    static {
        I18n.register("io.socketdeck.ui.timeline.messages");
    }

    private TimelineTexts() {
    }

    static String exportTooltip() {
        return I18n.text("timeline.export.tooltip");
    }

    static String hint() {
        return I18n.text("timeline.hint");
    }

    static String event(TimelineEvent event) {
        String what = I18n.format("timeline.kind." + event.kind().name(), event.peer(), event.detail());
        return time(event.timeMillis()) + "  " + what.strip();
    }

    static String traffic(ConnectionTimeline.TrafficSecond second) {
        return time(second.second() * 1000) + "  " + I18n.format("timeline.traffic", ByteRates.format(second.bytes()));
    }

    static String up(UpIntervals.Interval interval) {
        return I18n.format(interval.open() ? "timeline.up.open" : "timeline.up", time(interval.startMillis()),
                time(interval.endMillis()));
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }
}
