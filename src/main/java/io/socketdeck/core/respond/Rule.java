package io.socketdeck.core.respond;

import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.QuickCommand;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * One auto-reply rule: when a received message matches, {@code reply} is sent back to its sender
 * after {@code delayMillis}. The reply is a message like a quick command's (its name is the
 * rule's), with its encoding, escapes, line end, checksum and macros.
 *
 * @param pattern      what {@code match} looks for: text, a regular expression, or hex with {@code ??}
 *                     for any byte
 * @param replyCharset the encoding the reply's text is sent in, when it is not one of the window's
 *                     (the command line's {@code --encoding}, a rules file's {@code charset}); null:
 *                     the reply's own {@link QuickCommand#charsetName()}, as the window resolves it
 */
public record Rule(boolean enabled, Match match, String pattern, QuickCommand reply, long delayMillis,
                   Charset replyCharset) {

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

    /** A rule whose reply is sent in its own encoding, one of the window's (anything else: UTF-8). */
    public Rule(boolean enabled, Match match, String pattern, QuickCommand reply, long delayMillis) {
        this(enabled, match, pattern, reply, delayMillis, null);
    }

    public String name() {
        return reply.name();
    }

    /** How the reply is built: its own switches, in {@link #replyCharset} when there is one. */
    public PayloadOptions replyOptions() {
        PayloadOptions options = reply.options();
        return replyCharset == null ? options : options.withCharset(replyCharset);
    }

    public Rule withEnabled(boolean on) {
        return new Rule(on, match, pattern, reply, delayMillis, replyCharset);
    }

    /** This rule with its reply sent in {@code charset}, whatever the reply's own encoding names. */
    public Rule withReplyCharset(Charset charset) {
        return new Rule(enabled, match, pattern, reply, delayMillis, charset);
    }
}
