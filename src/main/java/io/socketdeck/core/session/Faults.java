package io.socketdeck.core.session;

import io.socketdeck.core.session.SendTarget.SendCompletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine does with a fault that is nobody's I/O error: a listener or sender that threw, a
 * class that failed to load. Such a fault is reported as an event naming it and ends what it hit;
 * once that has ended, what a listener throws can only be logged.
 */
public final class Faults {

    private static final Logger LOGGER = LoggerFactory.getLogger(Faults.class);

    private Faults() {
    }

    /** The fault's class and message, for a {@link SessionEvent.Failure}'s detail. */
    public static String describe(Throwable fault) {
        return String.valueOf(fault);
    }

    /** Logs {@code fault}: an {@link Error} (out of memory, a class that did not load) at ERROR. */
    public static void log(String what, Throwable fault) {
        if (fault instanceof Error) {
            LOGGER.error(what, fault);
        } else {
            LOGGER.warn(what, fault);
        }
    }

    /** Hands {@code event} to {@code listener}; what it throws is logged, not passed on. */
    public static void emitQuietly(SessionListener listener, SessionEvent event) {
        try {
            listener.onEvent(event);
        } catch (Throwable fault) {
            log("listener failed on " + event.getClass().getSimpleName(), fault);
        }
    }

    /** Tells {@code done} the outcome; what it throws is the sender's fault, logged, not passed on. */
    public static void completeQuietly(SendCompletion done, boolean written) {
        try {
            done.completed(written);
        } catch (Throwable fault) {
            log("send completion failed", fault);
        }
    }
}
