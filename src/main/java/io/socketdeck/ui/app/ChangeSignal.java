package io.socketdeck.ui.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

/**
 * An observable that tells its listeners every time it is {@link #fire fired}: for the autosave
 * to hear about changes among things that come and go (a tab opened later, its fields, its name).
 * Unlike a property it needs no reading in between to report the next change.
 */
final class ChangeSignal implements Observable {

    private final List<InvalidationListener> listeners = new CopyOnWriteArrayList<>();

    /** Tells every listener; FX thread. */
    void fire() {
        listeners.forEach(listener -> listener.invalidated(this));
    }

    @Override
    public void addListener(InvalidationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(InvalidationListener listener) {
        listeners.remove(listener);
    }
}
