package io.socketdeck.core.session;

import java.util.List;

/**
 * Receives a session's events on its I/O thread. Implementations must be quick and must not
 * block: the I/O thread stops reading while they run.
 */
@FunctionalInterface
public interface SessionListener {

    void onEvent(SessionEvent event);

    /** A listener that forwards to each of {@code listeners} in order. */
    static SessionListener all(List<? extends SessionListener> listeners) {
        List<? extends SessionListener> copy = List.copyOf(listeners);
        return event -> {
            for (SessionListener listener : copy) {
                listener.onEvent(event);
            }
        };
    }
}
