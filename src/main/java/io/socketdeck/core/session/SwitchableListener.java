package io.socketdeck.core.session;

/**
 * A listener slot that can be filled, replaced or emptied while the session runs: a session takes
 * its listeners when it is made, but a capture is started and stopped by the user at any time.
 * Give the session {@code SessionListener.all(List.of(log, slot))} and {@link #set} the capture
 * into the slot. Events that race with a switch go to the old or the new listener, never both.
 */
public final class SwitchableListener implements SessionListener {

    private volatile SessionListener current;

    /** The listener from now on, or null for none; any thread. */
    public void set(SessionListener listener) {
        current = listener;
    }

    public SessionListener get() {
        return current;
    }

    @Override
    public void onEvent(SessionEvent event) {
        SessionListener target = current;
        if (target != null) {
            target.onEvent(event);
        }
    }
}
