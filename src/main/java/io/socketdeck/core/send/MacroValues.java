package io.socketdeck.core.send;

import java.time.Instant;

/**
 * Where a send's macros get their values: the tab's counter, the clock, and for an automatic
 * answer the request it answers. Asked once per send, on the thread that builds it.
 */
public interface MacroValues {

    /** No counter, no request: for text that is not a message (a framing's delimiter). */
    MacroValues NONE = () -> 0;

    /** The counter's next value; called once per send whose payload has <code>{{COUNTER}}</code>. */
    long nextCounter();

    /** The time the send is built at. */
    default Instant now() {
        return Instant.now();
    }

    /** The message an automatic answer answers, or null for a send of one's own. */
    default byte[] request() {
        return null;
    }
}
