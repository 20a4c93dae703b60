package io.socketdeck.core.relay;

import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.HexParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Replaces bytes a leg forwards: every match of {@code match} in a chunk becomes {@code replacement}.
 * A relay counts the matches of each rule.
 *
 * <p>Rules apply to each chunk as it was read (a TCP read, a datagram): a match split across two
 * reads is not rewritten. On a TCP stream that is rare for short patterns and small, paced
 * messages, but it can happen; a user who must rewrite a long pattern reliably slices nothing and
 * sends it in one write.
 *
 * <ul>
 *   <li>{@link Kind#TEXT}: {@code match} and {@code replacement} are text, encoded in {@code charset}.
 *   <li>{@link Kind#REGEX}: a Java regular expression run over the chunk's bytes, one character
 *       per byte (ISO-8859-1); non-ASCII characters written in the pattern or the replacement
 *       stand for their bytes in {@code charset}, so {@code 温度=(\d+)} works on UTF-8 and GBK
 *       alike, but a character class of non-ASCII characters does not. {@code $1} in the
 *       replacement is a group. Meant for ASCII-compatible encodings (not UTF-16).
 *   <li>{@link Kind#HEX}: {@code match} is hex bytes where {@code ??} is any byte, e.g.
 *       {@code 01 03 ?? ??}; {@code replacement} is plain hex bytes (may be empty: the match is cut).
 * </ul>
 *
 * @param charset for TEXT and REGEX: the encoding of the traffic; ignored for HEX
 */
public record RewriteRule(Kind kind, String match, String replacement, Charset charset) {

    /** How {@code match} is written. */
    public enum Kind {
        TEXT, REGEX, HEX
    }

    /** What is wrong with a rule as typed, for a message at the field. */
    public enum Problem {
        /** Nothing to match. */
        EMPTY_MATCH,
        /** The regular expression does not compile. */
        BAD_REGEX,
        /** The hex pattern has a character that is neither a hex digit, {@code ??} nor a separator, or an odd digit. */
        BAD_HEX_MATCH,
        /** The hex replacement is not plain hex bytes, or a regex replacement names a missing group. */
        BAD_REPLACEMENT,
        /** The text cannot be encoded in the charset. */
        NOT_ENCODABLE
    }

    public RewriteRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(charset, "charset");
        Problem problem = check(kind, match, replacement, charset);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + kind + " rule " + match + " -> " + replacement);
        }
    }

    /** What is wrong with such a rule, or null when it is fine. */
    public static Problem check(Kind kind, String match, String replacement, Charset charset) {
        if (match.isEmpty()) {
            return Problem.EMPTY_MATCH;
        }
        try {
            Compiled compiled = compile(kind, match, replacement, charset);
            // A replacement naming a group the pattern lacks would fail at the first match, on the loop.
            return kind == Kind.REGEX && !groupsExist(compiled) ? Problem.BAD_REPLACEMENT : null;
        } catch (HexFormatException e) {
            return kind == Kind.HEX && !isHexPattern(match) ? Problem.BAD_HEX_MATCH : Problem.BAD_REPLACEMENT;
        } catch (PatternSyntaxException e) {
            return Problem.BAD_REGEX;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return e instanceof UnmappableText ? Problem.NOT_ENCODABLE
                    : kind == Kind.HEX ? Problem.BAD_HEX_MATCH : Problem.BAD_REPLACEMENT;
        }
    }

    /** True when every {@code $n} of the replacement names a group of the pattern. */
    private static boolean groupsExist(Compiled compiled) {
        int groups = compiled.pattern.matcher("").groupCount();
        String text = compiled.replacement;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (i + 1 >= text.length()) {
                    return false;
                }
                char next = text.charAt(i + 1);
                if (next == '{') {
                    continue; // a named group: Matcher says at the first match; rare enough
                }
                if (next < '0' || next > '9' || next - '0' > groups) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The rule made runnable; an instance is not shared between threads. */
    Compiled compile() {
        try {
            return compile(kind, match, replacement, charset);
        } catch (HexFormatException e) {
            throw new IllegalStateException("checked when made", e);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " \u201c" + match + "\u201d \u2192 \u201c" + replacement + "\u201d";
    }

    private static Compiled compile(Kind kind, String match, String replacement, Charset charset)
            throws HexFormatException {
        return switch (kind) {
            case TEXT -> new Compiled(Pattern.compile(Pattern.quote(asBytes(match, charset))),
                    Matcher.quoteReplacement(asBytes(replacement, charset)));
            case REGEX -> new Compiled(Pattern.compile(bytesForNonAscii(match, charset, true), Pattern.DOTALL),
                    bytesForNonAscii(replacement, charset, false));
            case HEX -> new Compiled(Pattern.compile(hexRegex(match), Pattern.DOTALL),
                    Matcher.quoteReplacement(new String(HexParser.parse(replacement), StandardCharsets.ISO_8859_1)));
        };
    }

    private static boolean isHexPattern(String text) {
        try {
            hexRegex(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code 01 ?? ff} as a regex over ISO-8859-1 characters: {@code \x01.\xFF}. */
    private static String hexRegex(String text) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == ':' || c == '-') {
                continue;
            }
            if (c != '?' && Character.digit(c, 16) < 0) {
                throw new IllegalArgumentException("not hex: " + c);
            }
            digits.append(c);
        }
        if (digits.length() == 0 || digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd or no hex digits");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 2) {
            String pair = digits.substring(i, i + 2);
            if (pair.equals("??")) {
                regex.append('.');
            } else if (pair.indexOf('?') >= 0) {
                throw new IllegalArgumentException("half a wildcard: " + pair);
            } else {
                regex.append("\\x").append(pair);
            }
        }
        return regex.toString();
    }

    /** The text's bytes in {@code charset}, one ISO-8859-1 character each. */
    private static String asBytes(String text, Charset charset) {
        if (!charset.newEncoder().canEncode(text)) {
            throw new UnmappableText();
        }
        return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    /**
     * Leaves ASCII (regex or replacement syntax) alone; a non-ASCII character becomes its bytes in
     * {@code charset}, quoted, since a trailing byte may be a {@code \\} (GBK) or any syntax character.
     */
    private static String bytesForNonAscii(String text, Charset charset, boolean inPattern) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (codePoint < 0x80) {
                out.append((char) codePoint);
            } else {
                String bytes = asBytes(text.substring(i, next), charset);
                out.append(inPattern ? "(?:" + Pattern.quote(bytes) + ")" : Matcher.quoteReplacement(bytes));
            }
            i = next;
        }
        return out.toString();
    }

    /** A rule ready to run over ISO-8859-1 views of chunks. */
    record Compiled(Pattern pattern, String replacement) {
    }

    private static final class UnmappableText extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
    }
}
