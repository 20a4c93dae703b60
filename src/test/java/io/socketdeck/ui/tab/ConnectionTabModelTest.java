package io.socketdeck.ui.tab;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.send.SendTargetChoice;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The tab skeleton's state channel, with a session whose events the test times exactly: state
 * changes arrive in order whatever happens to the log's rows, and events of an old session never
 * touch a new one.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionTabModelTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 4000);
    /** Handed out but not used: the scripted sessions do no I/O. */
    private static final LoopGroup LOOPS = new LoopGroup(1, LoopGroup.daemonThreads("tab-model-test"));

    @AfterAll
    static void closeLoops() throws InterruptedException {
        LOOPS.close();
        assertTrue(LOOPS.awaitTermination(FxTesting.TIMEOUT), "the loop's thread ends");
    }

    /** A session that reports what the test tells it to, on the test's thread, and Closed when closed. */
    private static final class ScriptedSession implements Session {
        final SessionListener listener;
        private boolean ended;

        ScriptedSession(SessionListener listener) {
            this.listener = listener;
        }

        @Override
        public void start() {
            // nothing to open: the test speaks for it
        }

        @Override
        public void run() {
            throw new UnsupportedOperationException("started, never run");
        }

        @Override
        public synchronized void close() {
            if (!ended) {
                ended = true;
                listener.onEvent(new SessionEvent.Closed(System.currentTimeMillis(), CloseReason.LOCAL));
            }
        }

        @Override
        public TrafficCounters counters() {
            return new TrafficCounters();
        }

        @Override
        public synchronized boolean isOpen() {
            return !ended;
        }
    }

    private static final class ScriptedTab extends ConnectionTabModel {
        final List<ScriptedSession> sessions = new ArrayList<>();
        final List<String> seen = new ArrayList<>();

        ScriptedTab(UiTick tick) {
            super(new TabContext(tick, LOOPS), false, false);
        }

        @Override
        protected Session createSession(SessionListener listener, TrafficCounters counters, SelectorLoop loop) {
            ScriptedSession session = new ScriptedSession(listener);
            sessions.add(session);
            return session;
        }

        @Override
        protected void onStateEvent(SessionEvent event) {
            seen.add(event.getClass().getSimpleName());
            if (event instanceof SessionEvent.Connected) {
                becomeOpen();
            }
        }

        @Override
        protected SendTargetChoice sendTarget() {
            return SendTargetChoice.none(() -> "scripted");
        }

        @Override
        protected String statusText(ConnectionState now) {
            return now.name();
        }

        @Override
        public String settingsKey() {
            return "scripted";
        }

        @Override
        public PersistedFields persisted() {
            return new PersistedFields();
        }
    }

    @Test
    void clearAtTheMomentTheCloseIsQueuedCannotLoseIt() {
        ScriptedTab tab = onFx(() -> new ScriptedTab(new UiTick()));
        runFx(tab::open);
        ScriptedSession session = onFx(() -> tab.sessions.get(0));
        session.listener.onEvent(new SessionEvent.Connected(1, LOCAL, PEER));
        awaitFx(() -> tab.stateProperty().get() == ConnectionState.OPEN, "open");
        runFx(() -> {
            tab.close(); // the scripted session reports Closed right here, before any pulse
            tab.traffic().log().clear(); // the old log-borne Closed was thrown away at this point
        });
        awaitFx(() -> tab.stateProperty().get() == ConnectionState.IDLE, "idle: the Closed was not cleared away");
        assertEquals(List.of("Connected"), onFx(() -> tab.seen), "Closed is handled by the skeleton itself");
    }

    @Test
    void aFloodOfRowsNeverDelaysOrDropsAStateChange() {
        ScriptedTab tab = onFx(() -> new ScriptedTab(new UiTick()));
        runFx(tab::open);
        ScriptedSession session = onFx(() -> tab.sessions.get(0));
        session.listener.onEvent(new SessionEvent.Connected(1, LOCAL, PEER));
        for (int i = 0; i < 200_000; i++) { // far beyond what the log's queue keeps
            session.listener.onEvent(new SessionEvent.Data(i, Direction.RX, PEER, new byte[64]));
        }
        session.listener.onEvent(new SessionEvent.Disconnected(3, PEER, CloseReason.PEER));
        session.close();
        awaitFx(() -> tab.stateProperty().get() == ConnectionState.IDLE, "idle");
        assertEquals(List.of("Connected", "Disconnected"), onFx(() -> tab.seen), "every state event, in order");
    }

    @Test
    void eventsOfASessionTheTabHasLeftAreIgnored() {
        ScriptedTab tab = onFx(() -> new ScriptedTab(new UiTick()));
        runFx(tab::open);
        ScriptedSession first = onFx(() -> tab.sessions.get(0));
        first.close();
        awaitFx(() -> tab.stateProperty().get() == ConnectionState.IDLE, "first one ended");
        runFx(tab::open);
        ScriptedSession second = onFx(() -> tab.sessions.get(1));
        first.listener.onEvent(new SessionEvent.Connected(5, LOCAL, PEER)); // late, from the old session
        second.listener.onEvent(new SessionEvent.Failure(6, io.socketdeck.core.session.FailureKind.IO, null, "x"));
        awaitFx(() -> tab.seen.contains("Failure"), "the new session's event arrives");
        assertEquals(List.of("Failure"), onFx(() -> tab.seen), "the old session's Connected was ignored");
        assertEquals(ConnectionState.OPENING, onFx(() -> tab.stateProperty().get()));
        second.close();
    }
}
