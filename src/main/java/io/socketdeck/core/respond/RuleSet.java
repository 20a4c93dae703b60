package io.socketdeck.core.respond;

import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.Macros;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.Payloads;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tab's auto-reply rules, checked and compiled once: for each received message the first
 * enabled rule that matches fires, and counts a hit. {@link #answer} runs on the session's I/O
 * thread; {@link #hits} may be read from any.
 */
public final class RuleSet {

    private static final Logger LOGGER = LoggerFactory.getLogger(RuleSet.class);

    /** No rules: nothing answers. */
    public static final RuleSet EMPTY = new RuleSet(List.of());

    /** A rule's answer to one message. */
    /**
     * What the matching rule answers: its reply and delay, or, when the reply could not be built
     * from this message, the rule's name and the {@code problem} (then nothing is sent, not even an echo).
     */
    record Answer(byte[] bytes, long delayNanos, String ruleName, PayloadException problem) {

        static Answer reply(byte[] bytes, long delayNanos) {
            return new Answer(bytes, delayNanos, null, null);
        }

        static Answer unbuilt(String ruleName, PayloadException problem) {
            return new Answer(null, 0, ruleName, problem);
        }

        boolean built() {
            return problem == null;
        }
    }

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\d");

    private final List<Compiled> rules;
    private final AtomicLongArray hits;

    private RuleSet(List<Compiled> rules) {
        this.rules = rules;
        this.hits = new AtomicLongArray(rules.size());
    }

    /**
     * Compiles {@code rules} in order. One that cannot be used (a settings file edited by hand)
     * never matches, and is logged; the others work.
     */
    public static RuleSet of(List<Rule> rules) {
        List<Compiled> compiled = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            try {
                compiled.add(compile(rule));
            } catch (RuleException bad) {
                LOGGER.warn("auto-reply rule '{}' cannot be used and never matches: {}", rule.name(), bad.getMessage());
                compiled.add(null);
            }
        }
        return new RuleSet(compiled);
    }

    /** Checks that {@code rule} can be used as written; the problem names its field and position. */
    public static void check(Rule rule) throws RuleException {
        Compiled compiled = compile(rule);
        if (compiled.template != null) {
            byte[] sample;
            try {
                sample = Payloads.build(compiled.template, compiled.options, SAMPLE);
            } catch (PayloadException e) {
                throw new RuleException(e);
            }
            if (sample.length == 0) {
                throw new RuleException(RuleException.Field.REPLY, RuleException.Reason.EMPTY, 0, "");
            }
        } else if (rule.reply().payload().isEmpty()) {
            throw new RuleException(RuleException.Field.REPLY, RuleException.Reason.EMPTY, 0, "");
        }
    }

    /** Values to try a reply with: a counter, the time, an empty request. */
    private static final MacroValues SAMPLE = new MacroValues() {
        @Override
        public long nextCounter() {
            return 1;
        }

        @Override
        public byte[] request() {
            return new byte[0];
        }
    };

    /** How many messages rule {@code index} answered so far. */
    public long hits(int index) {
        return index < hits.length() ? hits.get(index) : 0;
    }

    public int size() {
        return rules.size();
    }

    /** Told of a rule whose regular expression could not be checked against a message. */
    @FunctionalInterface
    interface TooDeep {
        void skipped(String ruleName);
    }

    /**
     * The answer of the first enabled rule matching {@code message}, or null.
     *
     * @param textCharset the tab's encoding, which text matches decode the message in
     * @param counter     the tab's counter, for {@code {{COUNTER}}}
     * @param tooDeep     told of each rule passed over because its regular expression overflowed
     *                    the stack on this message (see {@link Compiled#matches})
     */
    Answer answer(byte[] message, Charset textCharset, MacroValues counter, TooDeep tooDeep) {
        String text = null;
        for (int i = 0; i < rules.size(); i++) {
            Compiled rule = rules.get(i);
            if (rule == null || !rule.rule.enabled()) {
                continue;
            }
            if (text == null && rule.rule.match() != Rule.Match.HEX) {
                text = new String(message, textCharset);
            }
            Matcher groups = rule.matcher == null ? null : rule.matcher.get().reset(text);
            boolean matches;
            try {
                matches = rule.matches(message, text, groups);
            } catch (StackOverflowError tooLong) {
                // java.util.regex recurses once per repetition of a group ((\d+,)*, (a|b)*): a long
                // enough message overflows any stack. A fault of this rule on this message: the stack
                // is unwound here, nothing shared was changed (the matcher is reset for the next), so
                // the rule is taken as not matching; thrown on, the Error would end the whole session.
                tooDeep.skipped(rule.rule.name());
                continue;
            }
            if (!matches) {
                continue;
            }
            hits.incrementAndGet(i);
            try {
                Macros.Template template = rule.template != null ? rule.template
                        : Macros.parse(withGroups(rule.rule.reply().payload(), groups));
                byte[] bytes = Payloads.build(template, rule.options, new ForRequest(counter, message));
                return Answer.reply(bytes, TimeUnit.MILLISECONDS.toNanos(rule.rule.delayMillis()));
            } catch (PayloadException groupsMadeItBad) { // a group's text the reply's encoding lacks
                return Answer.unbuilt(rule.rule.name(), groupsMadeItBad);
            }
        }
        return null;
    }

    /** {@code $0}, {@code $1}…: the regular expression's groups; {@code $$} is a dollar sign. */
    static String withGroups(String reply, Matcher groups) {
        StringBuilder out = new StringBuilder(reply.length());
        for (int i = 0; i < reply.length(); i++) {
            char c = reply.charAt(i);
            if (c == '$' && i + 1 < reply.length() && reply.charAt(i + 1) == '$') {
                out.append('$');
                i++;
            } else if (c == '$' && i + 1 < reply.length() && Character.isDigit(reply.charAt(i + 1))
                    && reply.charAt(i + 1) - '0' <= groups.groupCount()) {
                String group = groups.group(reply.charAt(i + 1) - '0');
                out.append(group == null ? "" : group);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Compiled compile(Rule rule) throws RuleException {
        String pattern = rule.pattern();
        if (pattern.isEmpty()) {
            throw new RuleException(RuleException.Field.PATTERN, RuleException.Reason.EMPTY, 0, "");
        }
        Pattern regex = null;
        HexPattern hex = null;
        if (rule.match() == Rule.Match.REGEX) {
            try {
                regex = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new RuleException(RuleException.Field.PATTERN, RuleException.Reason.BAD_REGEX,
                        Math.max(0, e.getIndex()), e.getDescription());
            }
        } else if (rule.match() == Rule.Match.HEX) {
            hex = HexPattern.parse(pattern);
        }
        boolean usesGroups = regex != null && GROUP_REFERENCE.matcher(rule.reply().payload()).find();
        Macros.Template template;
        try {
            template = usesGroups ? null : Macros.parse(rule.reply().payload());
        } catch (PayloadException e) {
            throw new RuleException(e);
        }
        Pattern compiledRegex = regex;
        ThreadLocal<Matcher> matcher = regex == null ? null : ThreadLocal.withInitial(() -> compiledRegex.matcher(""));
        return new Compiled(rule, matcher, hex, template, rule.replyOptions());
    }

    /**
     * A rule ready to match: its regex (a matcher per thread, reset for each message: a hundred
     * rules must not make a hundred matchers a message) or hex pattern, and its reply parsed
     * unless it uses groups.
     */
    private record Compiled(Rule rule, ThreadLocal<Matcher> matcher, HexPattern hex, Macros.Template template,
                            PayloadOptions options) {

        boolean matches(byte[] message, String text, Matcher groups) {
            String pattern = rule.pattern();
            return switch (rule.match()) {
                case EXACT -> text.equals(pattern);
                case CONTAINS -> text.contains(pattern);
                case STARTS_WITH -> text.startsWith(pattern);
                case ENDS_WITH -> text.endsWith(pattern);
                case REGEX -> groups.find();
                case HEX -> hex.matches(message);
            };
        }
    }

    /** The tab's counter and clock, with the request an answer answers. */
    private record ForRequest(MacroValues tab, byte[] request) implements MacroValues {
        @Override
        public long nextCounter() {
            return tab.nextCounter();
        }

        @Override
        public Instant now() {
            return tab.now();
        }

        @Override
        public byte[] request() {
            return request;
        }
    }
}
