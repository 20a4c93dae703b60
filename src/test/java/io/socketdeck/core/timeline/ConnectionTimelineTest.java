package io.socketdeck.core.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionTimelineTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7000);
    private static final long T0 = 1_700_000_000_000L;

    private final ConnectionTimeline timeline = new ConnectionTimeline();
    private final SessionListener listener = timeline.listener();

    /** Two sessions: up 10 s with traffic, lost, a reconnect, refused, then up again and still up. */
    private void twoSessions() {
        listener.onEvent(new SessionEvent.Connected(T0, LOCAL, SERVER, 1));
        listener.onEvent(new SessionEvent.Data(T0 + 100, Direction.TX, SERVER, new byte[10], 1));
        listener.onEvent(new SessionEvent.Data(T0 + 900, Direction.RX, SERVER, new byte[5], 1));
        listener.onEvent(new SessionEvent.Data(T0 + 3_500, Direction.RX, SERVER, new byte[100], 1));
        listener.onEvent(new SessionEvent.Disconnected(T0 + 10_000, SERVER, CloseReason.PEER, 1));
        listener.onEvent(new SessionEvent.Closed(T0 + 10_000, CloseReason.PEER));
        timeline.add(new TimelineEvent(T0 + 10_001, TimelineEvent.Kind.RECONNECT, "", "attempt 1, in 1000 ms"));
        listener.onEvent(new SessionEvent.Failure(T0 + 11_000, FailureKind.CONNECTION_REFUSED, SERVER, "Connection refused"));
        listener.onEvent(new SessionEvent.Closed(T0 + 11_000, CloseReason.ERROR));
        listener.onEvent(new SessionEvent.Connected(T0 + 13_000, LOCAL, SERVER, 2));
    }

    @Test
    void upIntervalsRunFromConnectedToClosedAndTheLastStaysOpen() {
        twoSessions();
        List<UpIntervals.Interval> up = UpIntervals.of(timeline.all().events(), T0 + 20_000);
        assertEquals(List.of(new UpIntervals.Interval(T0, T0 + 10_000, false),
                new UpIntervals.Interval(T0 + 13_000, T0 + 20_000, true)), up);
    }

    @Test
    void trafficIsCountedPerSecondAndTheSecondUnderWayIsShown() {
        twoSessions();
        List<ConnectionTimeline.TrafficSecond> traffic = timeline.all().traffic();
        assertEquals(List.of(new ConnectionTimeline.TrafficSecond(T0 / 1000, 15),
                new ConnectionTimeline.TrafficSecond(T0 / 1000 + 3, 100)), traffic);
    }

    /** A file's bytes sent without being read back still count in their second. */
    @Test
    void bytesSentUnreadCountAsTraffic() {
        twoSessions();
        listener.onEvent(new SessionEvent.SentUnread(T0 + 3_900, SERVER, 65_536, 1));
        assertEquals(List.of(new ConnectionTimeline.TrafficSecond(T0 / 1000, 15),
                new ConnectionTimeline.TrafficSecond(T0 / 1000 + 3, 65_636)), timeline.all().traffic());
    }

    @Test
    void aSnapshotKeepsTheSpanAndTheLastEventBeforeIt() {
        twoSessions();
        ConnectionTimeline.Snapshot recent = timeline.snapshot(T0 + 12_000);
        assertEquals(List.of(TimelineEvent.Kind.CLOSED, TimelineEvent.Kind.CONNECTED),
                recent.events().stream().map(TimelineEvent::kind).toList(), "the refusal's close says the span starts down");
        assertTrue(recent.traffic().isEmpty());
    }

    @Test
    void eventsAreBoundedAndEachAddedOneIsTold() {
        AtomicInteger told = new AtomicInteger();
        timeline.onEvent(told::incrementAndGet);
        for (int i = 0; i < ConnectionTimeline.MAX_EVENTS + 50; i++) {
            listener.onEvent(new SessionEvent.Failure(T0 + i, FailureKind.CONNECTION_REFUSED, SERVER, "refused"));
            listener.onEvent(new SessionEvent.Data(T0 + i * 1000L, Direction.RX, SERVER, new byte[1], 1));
        }
        ConnectionTimeline.Snapshot all = timeline.all();
        assertEquals(ConnectionTimeline.MAX_EVENTS, all.events().size());
        assertEquals(T0 + 50, all.events().get(0).timeMillis(), "the oldest went first");
        assertEquals(ConnectionTimeline.TRAFFIC_SECONDS + 1, all.traffic().size(), "the kept seconds and the one under way");
        assertEquals(ConnectionTimeline.MAX_EVENTS + 50, told.get(), "told of events, never of traffic");
    }

    @Test
    void csvHasOneRowPerEventAndPerBusySecondInTimeOrder() throws Exception {
        twoSessions();
        StringWriter out = new StringWriter();
        TimelineCsv.write(timeline.all(), out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(TimelineCsv.HEADER, lines.get(0));
        List<String> kinds = lines.stream().skip(1).map(line -> line.split(",", -1)[1]).toList();
        assertEquals(List.of("CONNECTED", "TRAFFIC", "TRAFFIC", "DISCONNECTED", "CLOSED", "RECONNECT", "FAILURE",
                "CLOSED", "CONNECTED"), kinds);
        assertTrue(lines.get(1).endsWith(",CONNECTED,127.0.0.1:7000,,"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",TRAFFIC,,,15"), lines.get(2));
        assertTrue(lines.get(3).endsWith(",TRAFFIC,,,100"), lines.get(3));
        assertTrue(lines.get(4).endsWith(",DISCONNECTED,127.0.0.1:7000,PEER,"), lines.get(4));
        assertTrue(lines.get(6).endsWith(",RECONNECT,,\"attempt 1, in 1000 ms\","), "quoted: it has a comma");
        assertTrue(lines.get(7).endsWith(",FAILURE,127.0.0.1:7000,CONNECTION_REFUSED: Connection refused,"), lines.get(7));
        assertTrue(lines.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[^,]*,.*"), lines.get(1));
    }
}
