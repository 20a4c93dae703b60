package io.socketdeck.core.timeline;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to a tab's connections over the last minutes: when they were up, when they were
 * lost, failed or planned a reconnect, and how many bytes moved in each second. The session's I/O
 * thread records ({@link #listener()}); the window takes a {@link #snapshot} when it redraws, at
 * most once a tick, never per packet.
 *
 * <p>Bounded: the last {@link #MAX_EVENTS} events and {@link #TRAFFIC_SECONDS} seconds of traffic,
 * so a peer that connects and drops a thousand times a second costs a fixed amount of memory.
 * Data events only add to the current second's count under a lock nobody else holds for long
 * (the window copies under it once a second).
 */
public final class ConnectionTimeline {

    public static final int MAX_EVENTS = 2_000;
    public static final int TRAFFIC_SECONDS = 600;

    /** The bytes moved (both ways) in one wall-clock second. */
    public record TrafficSecond(long second, long bytes) {
    }

    /** A copy of the timeline: its events, oldest first, and its busy seconds, oldest first. */
    public record Snapshot(List<TimelineEvent> events, List<TrafficSecond> traffic) {
    }

    private final Object lock = new Object();
    private final ArrayDeque<TimelineEvent> events = new ArrayDeque<>();
    private final ArrayDeque<TrafficSecond> traffic = new ArrayDeque<>();
    private long currentSecond = Long.MIN_VALUE;
    private long currentBytes;
    private volatile long version;
    private volatile Runnable onEvent = () -> { };

    /** Records every state event of a session and counts its data; on the session's I/O thread. */
    public SessionListener listener() {
        return this::record;
    }

    private void record(SessionEvent event) {
        if (event instanceof SessionEvent.Data data) {
            traffic(data.timeMillis(), data.bytes().length);
        } else if (event instanceof SessionEvent.SentUnread unread) {
            traffic(unread.timeMillis(), unread.length());
        } else if (event instanceof SessionEvent.SentToMany many) {
            traffic(many.timeMillis(), (long) many.bytes().length * many.recipients());
        } else if (event instanceof SessionEvent.Opened opened) {
            add(new TimelineEvent(opened.timeMillis(), TimelineEvent.Kind.OPENED, Addresses.format(opened.local()), ""));
        } else if (event instanceof SessionEvent.Connected connected) {
            add(new TimelineEvent(connected.timeMillis(), TimelineEvent.Kind.CONNECTED,
                    Addresses.format(connected.remote()), ""));
        } else if (event instanceof SessionEvent.Disconnected lost) {
            add(new TimelineEvent(lost.timeMillis(), TimelineEvent.Kind.DISCONNECTED, Addresses.format(lost.remote()),
                    lost.reason().name()));
        } else if (event instanceof SessionEvent.Failure failure) {
            add(new TimelineEvent(failure.timeMillis(), TimelineEvent.Kind.FAILURE, Addresses.format(failure.peer()),
                    failure.detail().isEmpty() ? failure.kind().name() : failure.kind().name() + ": " + failure.detail()));
        } else if (event instanceof SessionEvent.Closed closed) {
            add(new TimelineEvent(closed.timeMillis(), TimelineEvent.Kind.CLOSED, "", closed.reason().name()));
        }
    }

    /** Adds an event the tab knows of itself (a planned reconnect); any thread. */
    public void add(TimelineEvent event) {
        synchronized (lock) {
            if (events.size() == MAX_EVENTS) {
                events.removeFirst();
            }
            events.addLast(event);
            version++;
        }
        onEvent.run();
    }

    /** Told after each event is added, on the thread that added it (not for traffic); must be cheap. */
    public void onEvent(Runnable listener) {
        onEvent = listener;
    }

    /** Adds {@code bytes} to the second of {@code timeMillis}; any thread, cheap. */
    public void traffic(long timeMillis, long bytes) {
        long second = Math.floorDiv(timeMillis, 1000);
        synchronized (lock) {
            if (second != currentSecond) {
                flushCurrent();
                currentSecond = second;
            }
            currentBytes += bytes;
        }
    }

    // Under the lock: the second that ended joins the history.
    private void flushCurrent() {
        if (currentSecond != Long.MIN_VALUE && currentBytes > 0) {
            if (traffic.size() == TRAFFIC_SECONDS) {
                traffic.removeFirst();
            }
            traffic.addLast(new TrafficSecond(currentSecond, currentBytes));
        }
        currentBytes = 0;
    }

    /** Events and traffic from {@code fromMillis} on (the second under way included). */
    public Snapshot snapshot(long fromMillis) {
        long fromSecond = Math.floorDiv(fromMillis, 1000);
        synchronized (lock) {
            List<TimelineEvent> recent = new ArrayList<>();
            // The last event before the window too: it says whether the window starts connected.
            TimelineEvent before = null;
            for (TimelineEvent event : events) {
                if (event.timeMillis() >= fromMillis) {
                    recent.add(event);
                } else {
                    before = event;
                }
            }
            if (before != null) {
                recent.add(0, before);
            }
            List<TrafficSecond> busy = new ArrayList<>();
            for (TrafficSecond second : traffic) {
                if (second.second() >= fromSecond) {
                    busy.add(second);
                }
            }
            if (currentBytes > 0 && currentSecond >= fromSecond) {
                busy.add(new TrafficSecond(currentSecond, currentBytes));
            }
            return new Snapshot(List.copyOf(recent), List.copyOf(busy));
        }
    }

    /** Everything kept: for the CSV export. */
    public Snapshot all() {
        return snapshot(Long.MIN_VALUE / 2);
    }

    /** Changes whenever an event is added; traffic does not change it (the redraw comes every second anyway). */
    public long version() {
        return version;
    }

    /** Forgets everything (the log's Clear does not call this: the timeline has its own lifetime). */
    public void clear() {
        synchronized (lock) {
            events.clear();
            traffic.clear();
            currentSecond = Long.MIN_VALUE;
            currentBytes = 0;
            version++;
        }
    }
}
