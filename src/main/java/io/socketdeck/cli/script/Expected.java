package io.socketdeck.cli.script;

import io.socketdeck.core.respond.HexPattern;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.text.InputErrors;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an expect step looks for, its variables resolved: text, a regex or a hex pattern with
 * {@code ??} wildcards. It is looked for anywhere in what was received and not consumed yet, like
 * {@code expect(1)}; a match consumes everything up to its end, so the next expect reads on from there.
 */
sealed interface Expected permits Expected.Text, Expected.Regex, Expected.Hex {

    /** The match and the variables it captured, or null when it is not there (yet); a match is consumed. */
    Found take(ReceivedStream stream);

    /** How output shows it: {@code "VALUE=42"}, {@code regex "TOKEN=(\w+)"}, {@code hex "01 03 ?? ??"}. */
    String shown();

    /** What it looks for, variables resolved: the text, the regex, the hex as written. */
    String source();

    /** True when it looks at bytes: what was received is then shown in hex. */
    default boolean bytes() {
        return false;
    }

    /** What matched, as text (hex for a hex pattern), and the captured variables in their order. */
    record Found(String matched, Map<String, String> captured) {
    }

    /** A value that cannot be used as the pattern it went into (a captured value that is no hex, say). */
    final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param vars every variable's value now: in a regex a value matches itself (quoted), in hex it is
     *             read as hex
     */
    static Expected of(Step.Expect step, Map<String, String> vars) throws Invalid {
        return switch (step.match()) {
            case TEXT -> new Text(step.pattern().resolve(vars));
            case REGEX -> new Regex(Pattern.compile(step.pattern().resolve(vars, Pattern::quote)), step.captures());
            case HEX -> {
                String typed = step.pattern().resolve(vars);
                try {
                    yield new Hex(HexPattern.parse(typed), typed.strip());
                } catch (RuleException e) {
                    throw new Invalid("hex \"" + typed + "\": " + (e.reason() == RuleException.Reason.EMPTY
                            ? "no byte to expect" : InputErrors.hexPattern(e)));
                }
            }
        };
    }

    record Text(String text) implements Expected {
        @Override
        public Found take(ReceivedStream stream) {
            int at = stream.text().indexOf(text);
            if (at < 0) {
                return null;
            }
            stream.consumeChars(at + text.length());
            return new Found(text, Map.of());
        }

        @Override
        public String shown() {
            return Shown.quote(text);
        }

        @Override
        public String source() {
            return text;
        }
    }

    /** @param captures variable name to group number or name */
    record Regex(Pattern pattern, Map<String, String> captures) implements Expected {
        @Override
        public Found take(ReceivedStream stream) {
            Matcher m = pattern.matcher(stream.text());
            if (!m.find()) {
                return null;
            }
            Map<String, String> captured = new LinkedHashMap<>();
            captures.forEach((variable, group) -> {
                String value = group.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(group)) : m.group(group);
                captured.put(variable, value == null ? "" : value); // an optional group that took no part
            });
            String matched = m.group();
            stream.consumeChars(m.end());
            return new Found(matched, Collections.unmodifiableMap(captured));
        }

        @Override
        public String shown() {
            return "regex " + Shown.quote(pattern.pattern());
        }

        @Override
        public String source() {
            return pattern.pattern();
        }
    }

    record Hex(HexPattern pattern, String typed) implements Expected {
        @Override
        public Found take(ReceivedStream stream) {
            int at = stream.find(pattern);
            if (at < 0) {
                return null;
            }
            byte[] all = stream.bytes();
            String matched = Shown.hex(Arrays.copyOfRange(all, at, at + pattern.length()));
            stream.consumeBytes(at + pattern.length());
            return new Found(matched, Map.of());
        }

        @Override
        public String shown() {
            return "hex " + Shown.quote(typed);
        }

        @Override
        public String source() {
            return typed;
        }

        @Override
        public boolean bytes() {
            return true;
        }
    }
}
