package io.socketdeck.ui.tab;

import io.socketdeck.core.session.Session;
import javafx.concurrent.Task;

/**
 * Runs a session's I/O on a background worker. Cancelling the task closes the session, which
 * unblocks its selector: nothing is interrupted mid-write.
 */
public final class SessionTask extends Task<Void> {

    private final Session session;

    public SessionTask(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    @Override
    protected Void call() {
        session.run();
        return null;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        session.close();
        return super.cancel(false);
    }
}
