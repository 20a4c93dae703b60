package io.socketdeck.ui.timeline;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.timeline.TimelineEvent;
import io.socketdeck.ui.fx.UiTick;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** A tab's timeline publishes frames on the window's tick: a storm of events gets a few a second, the last one shown. */
@ExtendWith(ApplicationExtension.class)
class TimelineModelTest {

    @Test
    void aStormOfEventsGetsAFrameAQuarterOfASecondAtMostAndItsLastEventShows() {
        UiTick tick = onFx(UiTick::new);
        TimelineModel model = onFx(() -> new TimelineModel(tick));
        List<Long> frameTimes = new ArrayList<>();
        runFx(() -> model.frameProperty().addListener((obs, old, now) -> frameTimes.add(now.nowMillis())));
        // A client's connects and losses, one a millisecond for a second: an event on every pulse.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        int sent = 0;
        while (System.nanoTime() < end) {
            sent++;
            model.add(new TimelineEvent(System.currentTimeMillis(),
                    sent % 2 == 1 ? TimelineEvent.Kind.CONNECTED : TimelineEvent.Kind.DISCONNECTED, "127.0.0.1:" + sent, ""));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        String last = "127.0.0.1:" + sent;
        awaitFx(() -> model.frameProperty().get().snapshot().events().stream().anyMatch(e -> e.peer().equals(last)),
                "the last event is in a frame");
        List<Long> times = onFx(() -> List.copyOf(frameTimes));
        assertTrue(times.size() >= 2, "frames while the events came: " + times);
        // 250 ms apart by the pulses' clock; each frame's own time is taken a little into its pulse,
        // later on a busy machine, so it may read a few ms less (unthrottled they are 16 ms apart).
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) - times.get(i - 1) >= 200, "frames at " + times + " for " + sent + " events");
        }
    }
}
