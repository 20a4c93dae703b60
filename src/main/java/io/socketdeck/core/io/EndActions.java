package io.socketdeck.core.io;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actions waiting for something to end (a loop, a session), each run once: when it ends, or at
 * once if it already has. A late registration can then never miss the end, which is how sends
 * scheduled on a loop learn that their timers will never fire. Thread-safe.
 */
public final class EndActions {

    private static final Logger LOGGER = LoggerFactory.getLogger(EndActions.class);

    private final Object lock = new Object();
    /** Guarded by lock. */
    private final List<Action> waiting = new ArrayList<>();
    /** Guarded by lock. */
    private boolean ended;

    /**
     * Runs {@code action} once when {@link #end()} is called, on that thread, or at once on the
     * calling thread if it already was.
     *
     * @return a handle whose {@code cancel} withdraws the action
     */
    public SelectorLoop.Timer add(Runnable action) {
        Action entry = new Action(action);
        synchronized (lock) {
            if (!ended) {
                waiting.add(entry);
                return entry;
            }
        }
        entry.runQuietly();
        return entry;
    }

    /**
     * Marks the end and runs every waiting action, in the order added; an action that throws is
     * logged and does not stop the others.
     *
     * @return false when it had ended before
     */
    public boolean end() {
        List<Action> actions;
        synchronized (lock) {
            if (ended) {
                return false;
            }
            ended = true;
            actions = List.copyOf(waiting);
            waiting.clear();
        }
        for (Action action : actions) {
            action.runQuietly();
        }
        return true;
    }

    public boolean hasEnded() {
        synchronized (lock) {
            return ended;
        }
    }

    private final class Action implements SelectorLoop.Timer {
        private final Runnable action;
        private volatile boolean cancelled;

        Action(Runnable action) {
            this.action = action;
        }

        void runQuietly() {
            if (cancelled) {
                return;
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                LOGGER.warn("end action failed", e);
            } catch (Error e) {
                LOGGER.error("end action failed", e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            synchronized (lock) {
                waiting.remove(this);
            }
        }
    }
}
