package io.socketdeck.ui.respond;

import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.ui.common.PersistedFields;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What a tab answers on its own: echo (each received message sent back where it came from). The
 * answering itself runs on the session's I/O thread ({@link Responder}); this keeps the user's
 * choices and hands them to the live session's responder at once. FX thread.
 */
public final class ResponsesModel {

    private final BooleanProperty echo = new SimpleBooleanProperty(this, "echo");
    private Responder current;

    public ResponsesModel() {
        echo.addListener((obs, old, now) -> {
            if (current != null) {
                current.setEcho(now);
            }
        });
    }

    /**
     * The responder for a new session, as the user set things up; it goes last in the session's
     * listeners.
     *
     * @param report where its own events go (a loop paused): the session's other listeners
     */
    public Responder newResponder(SessionListener report) {
        current = new Responder(report);
        current.setEcho(echo.get());
        return current;
    }

    /** The session the current responder answers through, once it exists. */
    public void answerThrough(Replies session) {
        if (current != null) {
            current.answerThrough(session);
        }
    }

    /** Echo every received message back to its sender; applies to the live session at once. */
    public BooleanProperty echoProperty() {
        return echo;
    }

    /** What is remembered: "echo". */
    public PersistedFields persisted() {
        return new PersistedFields().flag("echo", echo);
    }
}
