package io.socketdeck.core.session;

import io.socketdeck.testsupport.Await;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records a session's events for assertions; thread-safe. */
public final class RecordingListener implements SessionListener {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<SessionEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(SessionEvent event) {
        events.add(event);
    }

    public synchronized List<SessionEvent> events() {
        return List.copyOf(events);
    }

    public <T extends SessionEvent> List<T> all(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first event of {@code type} that matches and returns it. */
    public <T extends SessionEvent> T await(Class<T> type, Predicate<T> matching) {
        return Await.value(() -> all(type).stream().filter(matching).findFirst().orElse(null),
                found -> found != null, TIMEOUT, "a " + type.getSimpleName() + " event among " + events());
    }

    public <T extends SessionEvent> T await(Class<T> type) {
        return await(type, any -> true);
    }

    /**
     * Waits for {@link SessionEvent.Closed} and checks it is the only one and, so far, the last
     * event; call {@link #assertClosedLast()} again at the end of a test to check nothing followed.
     */
    public SessionEvent.Closed awaitClosed() {
        SessionEvent.Closed closed = await(SessionEvent.Closed.class);
        assertClosedLast();
        return closed;
    }

    /** Exactly one {@link SessionEvent.Closed}, and it is the last event. */
    public synchronized void assertClosedLast() {
        long closedCount = events.stream().filter(SessionEvent.Closed.class::isInstance).count();
        if (closedCount != 1 || !(events.get(events.size() - 1) instanceof SessionEvent.Closed)) {
            throw new AssertionError("expected one Closed, last, among " + events);
        }
    }

    /** All bytes of data events in {@code direction}, concatenated. */
    public byte[] bytes(Direction direction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SessionEvent.Data data : all(SessionEvent.Data.class)) {
            if (data.direction() == direction) {
                out.writeBytes(data.bytes());
            }
        }
        return out.toByteArray();
    }

    /** Waits until {@code count} bytes arrived in {@code direction}. */
    public byte[] awaitBytes(Direction direction, int count) {
        return Await.value(() -> bytes(direction), b -> b.length >= count, TIMEOUT,
                count + " " + direction + " bytes");
    }
}
