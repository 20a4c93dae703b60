package io.socketdeck.core.respond;

import io.socketdeck.core.send.QuickCommand;
import java.util.Objects;

/**
 * One auto-reply rule: when a received message matches, {@code reply} is sent back to its sender
 * after {@code delayMillis}. The reply is a message like a quick command's (its name is the
 * rule's), with its encoding, escapes, line end, checksum and macros.
 *
 * @param pattern what {@code match} looks for: text, a regular expression, or hex with {@code ??}
 *                for any byte
 */
public record Rule(boolean enabled, Match match, String pattern, QuickCommand reply, long delayMillis) {

    /** How a rule's pattern is compared with a message (text ones: the message decoded in the tab's encoding). */
    public enum Match {
        EXACT, CONTAINS, STARTS_WITH, ENDS_WITH, REGEX,
        /** The message begins with these bytes; {@code ??} is any byte: {@code 01 03 ?? ?? 00 02}. */
        HEX
    }

    /** The longest delay before a reply: a minute. */
    public static final long MAX_DELAY_MILLIS = 60_000;

    public Rule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reply, "reply");
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delay " + delayMillis + " ms not in 0.." + MAX_DELAY_MILLIS);
        }
    }

    public String name() {
        return reply.name();
    }

    public Rule withEnabled(boolean on) {
        return new Rule(on, match, pattern, reply, delayMillis);
    }
}
