package io.socketdeck.ui.tab;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.fx.FxEventQueue;
import io.socketdeck.ui.send.SendTargetChoice;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The skeleton every connection tab shares: the connection state and status line, open / close /
 * toggle, starting the session on one of the window's I/O loops, the state channel from the
 * engine, and shutdown. A tab supplies
 * only what is its own: how to build a session from its fields (or why not), how state events
 * change what it shows, where a send goes, and the words of its status line.
 *
 * <p>State events (opened, connected, secured, disconnected, closed…) reach the tab on their own channel,
 * in order, never dropped and never cleared: the log's rows may be trimmed, dropped under a flood
 * or cleared by the user without the tab ever missing that its connection closed. Events of a
 * session the tab has already moved on from are ignored.
 */
public abstract class ConnectionTabModel implements TabModel {

    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final TabTraffic traffic;
    private final FxEventQueue<StateEvent> stateEvents;
    private final boolean serverSide;
    private final LoopGroup loops;
    private Session session;
    /** Tags the current session's state events; a new object per open. */
    private Object run;

    /**
     * @param datagrams  true for UDP (see {@link TabTraffic})
     * @param serverSide true for a server: its log words connections as clients arriving
     */
    protected ConnectionTabModel(TabContext context, boolean datagrams, boolean serverSide) {
        this.serverSide = serverSide;
        this.loops = context.loops();
        traffic = new TabTraffic(context.tick(), this::sendTarget, datagrams);
        stateEvents = new FxEventQueue<>(context.tick(), this::deliver);
        state.addListener((obs, old, now) -> {
            updateStatus();
            traffic.sendTools().targetChanged(); // "not connected" no longer holds once connecting, and so on
        });
    }

    /**
     * Builds a session from the tab's fields, or returns null after showing at the fields what is
     * wrong. FX thread.
     *
     * @param listener every event of the session goes here
     * @param counters the tab's counters, shared by its sessions
     * @param loop     the I/O loop the session runs on, shared with the window's other sessions
     */
    protected abstract Session createSession(SessionListener listener, TrafficCounters counters, SelectorLoop loop);

    /** Where Send goes now, or why nowhere. */
    protected abstract SendTargetChoice sendTarget();

    /** The status line for {@code now}, localized. */
    protected abstract String statusText(ConnectionState now);

    /** A state event of the current session, in order, on the FX thread; Closed is handled here first. */
    protected void onStateEvent(SessionEvent event) {
    }

    /**
     * Decides on the I/O thread whether {@code event} must reach {@link #onStateEvent}: a tab that
     * follows some events another way (a server's clients) keeps them off the FX thread. Cheap and
     * thread-safe.
     */
    protected boolean needsOnFx(SessionEvent event) {
        return true;
    }

    /**
     * Told on the I/O thread after each data event: a tab that shows something traffic changes
     * (who sent last) wakes its tick job here. Must be cheap.
     */
    protected void onTraffic() {
    }

    /** Open when idle, otherwise close (or cancel an open under way). */
    public final void toggle() {
        if (state.get() == ConnectionState.IDLE) {
            open();
        } else {
            close();
        }
    }

    /** Opens from the fields; false when idle was not the state or a field is wrong. FX thread. */
    public final boolean open() {
        if (state.get() != ConnectionState.IDLE) {
            return false;
        }
        Object thisRun = new Object();
        Session created = createSession(traffic.newSessionListener(new StateChannel(thisRun), serverSide,
                this::onTraffic), traffic.engineCounters(), loops.next());
        if (created == null) {
            return false;
        }
        if (created instanceof Replies answering) {
            traffic.answerThrough(answering);
        }
        session = created;
        run = thisRun;
        state.set(ConnectionState.OPENING);
        created.start(); // opens on its loop; what happens next arrives as state events
        return true;
    }

    /** Closes the session (a connect under way is cancelled); Closed then brings the tab back to idle. */
    public final void close() {
        if (session != null && state.get() != ConnectionState.IDLE) {
            state.set(ConnectionState.CLOSING);
            session.close();
        }
    }

    /** Sends the send box's content; problems are shown at the send box. */
    public boolean send() {
        return traffic.sendTools().send();
    }

    /** The session while one runs, else null. */
    protected final Session session() {
        return session;
    }

    /** The session is usable: connected, listening or bound. */
    protected final void becomeOpen() {
        if (state.get() == ConnectionState.OPENING) {
            state.set(ConnectionState.OPEN);
        }
        updateStatus();
    }

    /** Called once the session has ended, before the state returns to idle; for the tab's own clean-up. */
    protected void onClosed() {
    }

    /** Called after the state returned to idle, with why the session ended (a client may reconnect). */
    protected void afterClosed(CloseReason reason) {
    }

    protected final void updateStatus() {
        status.set(statusText(state.get()));
    }

    @Override
    public void languageChanged() {
        updateStatus();
    }

    @Override
    public void keepViewPlace() {
        traffic.log().place().keep();
        traffic.dividers().keep();
    }

    @Override
    public void shutdown() {
        traffic.shutdown();
        if (session != null) {
            session.close();
        }
    }

    public final ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public final ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public final TabTraffic traffic() {
        return traffic;
    }

    private void deliver(StateEvent tagged) {
        if (tagged.run() != run) {
            return; // a session the tab has moved on from
        }
        SessionEvent event = tagged.event();
        if (event instanceof SessionEvent.Closed closed) {
            onClosed();
            session = null;
            run = null;
            state.set(ConnectionState.IDLE);
            afterClosed(closed.reason());
        } else {
            onStateEvent(event);
        }
    }

    private record StateEvent(Object run, SessionEvent event) {
    }

    /**
     * One session's state events onto the tab's channel, on the session's I/O thread. Failures
     * before the session opened say why it could not (a field may show it); later ones are rows
     * in the log only, so a peer that provokes thousands of errors cannot flood the FX thread;
     * but a client's refused TLS certificates come through, for the tab to offer trusting them.
     */
    private final class StateChannel implements SessionListener {
        private final Object run;
        private boolean opened;

        StateChannel(Object run) {
            this.run = run;
        }

        @Override
        public void onEvent(SessionEvent event) {
            if (event instanceof SessionEvent.Opened || event instanceof SessionEvent.Connected) {
                opened = true;
            } else if (opened && (event instanceof SessionEvent.Failure failure && !refusedChain(failure)
                    || event instanceof SessionEvent.SendQueueFull)) {
                return;
            }
            if (event instanceof SessionEvent.Closed || needsOnFx(event)) {
                stateEvents.offer(new StateEvent(run, event));
            }
        }

        /**
         * A client's TLS handshake refused the server's certificates: the tab offers to trust
         * them. At most once per connection, so once per client session.
         */
        private boolean refusedChain(SessionEvent.Failure failure) {
            return !serverSide && !failure.peerChain().isEmpty();
        }
    }
}
