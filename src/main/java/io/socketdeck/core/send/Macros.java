package io.socketdeck.core.send;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Macros in a typed payload, replaced at each send (so a repeat sends a new value each time):
 * <ul>
 *   <li><code>{{COUNTER}}</code>, <code>{{COUNTER:4}}</code>: the tab's counter, 1 for its first send,
 *       up by one per send that has it; with a width, zero-padded;</li>
 *   <li><code>{{TIME}}</code> (HH:mm:ss), <code>{{TIME:HH:mm:ss.SSS}}</code>, <code>{{DATE}}</code> (yyyy-MM-dd),
 *       <code>{{DATE:yyyyMMdd}}</code>: local time, any {@link DateTimeFormatter} pattern;</li>
 *   <li><code>{{UNIX}}</code>, <code>{{UNIX_MS}}</code>: seconds or milliseconds since 1970;</li>
 *   <li><code>{{RANDOM:N}}</code>: N random bytes (1 to 65,536); <code>{{HEX:01 02 FF}}</code>: those bytes;</li>
 *   <li><code>{{REQ_HEX}}</code>, in an automatic answer only: the request's bytes as hex text.</li>
 * </ul>
 * <code>{{{{</code> is a literal <code>{{</code>. Text macros become text in the payload's encoding (in a hex
 * payload, hex digits are read from them); RANDOM and HEX are raw bytes (in a hex payload, their
 * hex). A name that is no macro, or a bad argument, is an error at its position, before anything
 * is sent.
 */
public final class Macros {

    /** The macros there are. */
    public enum Kind {
        COUNTER, TIME, DATE, UNIX, UNIX_MS, RANDOM, HEX, REQ_HEX
    }

    private static final int MAX_RANDOM = 65_536;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /** A run of typed text, or one macro; {@code start} is its position in what was typed. */
    sealed interface Piece {
        int start();
    }

    record Literal(String text, int start) implements Piece {
    }

    record Macro(Kind kind, int start, int number, DateTimeFormatter format, byte[] bytes) implements Piece {
    }

    /** A payload split at its macros, checked; build it with {@link #expand}. */
    public record Template(List<Piece> pieces) {

        /** True when nothing in it changes from one send to the next (the bytes can be built once). */
        public boolean fixed() {
            return pieces.stream().allMatch(piece -> piece instanceof Literal
                    || piece instanceof Macro macro && macro.kind() == Kind.HEX);
        }

        boolean uses(Kind kind) {
            return pieces.stream().anyMatch(piece -> piece instanceof Macro macro && macro.kind() == kind);
        }
    }

    private Macros() {
    }

    /** Splits {@code text} at its macros; the first bad one is the exception, at its position. */
    public static Template parse(String text) throws PayloadException {
        if (text.indexOf("{{") < 0) { // most payloads, and every answer made from a regex's groups alone
            return new Template(text.isEmpty() ? List.of() : List.of(new Literal(text, 0)));
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int literalStart = 0;
        int i = 0;
        while (i < text.length()) {
            if (!text.startsWith("{{", i)) {
                literal.append(text.charAt(i++));
                continue;
            }
            if (text.startsWith("{{{{", i)) {
                literal.append("{{");
                i += 4;
                continue;
            }
            int close = text.indexOf("}}", i + 2);
            if (close < 0) {
                throw new PayloadException(PayloadException.Reason.BAD_MACRO, i, text.substring(i));
            }
            if (literal.length() > 0) {
                pieces.add(new Literal(literal.toString(), literalStart));
                literal.setLength(0);
            }
            pieces.add(macro(text.substring(i, close + 2), i));
            i = close + 2;
            literalStart = i;
        }
        if (literal.length() > 0) {
            pieces.add(new Literal(literal.toString(), literalStart));
        }
        return new Template(List.copyOf(pieces));
    }

    private static Macro macro(String typed, int start) throws PayloadException {
        String inside = typed.substring(2, typed.length() - 2);
        int colon = inside.indexOf(':');
        String name = (colon < 0 ? inside : inside.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
        String argument = colon < 0 ? null : inside.substring(colon + 1);
        Kind kind;
        try {
            kind = Kind.valueOf(name);
        } catch (IllegalArgumentException notAMacro) {
            throw new PayloadException(PayloadException.Reason.UNKNOWN_MACRO, start, typed);
        }
        try {
            return switch (kind) {
                case COUNTER -> new Macro(kind, start, argument == null ? 0 : number(argument, 1, 20), null, null);
                case TIME -> new Macro(kind, start, 0, pattern(argument, "HH:mm:ss"), null);
                case DATE -> new Macro(kind, start, 0, pattern(argument, "yyyy-MM-dd"), null);
                case UNIX, UNIX_MS, REQ_HEX -> {
                    if (argument != null) {
                        throw new IllegalArgumentException("no argument");
                    }
                    yield new Macro(kind, start, 0, null, null);
                }
                case RANDOM -> new Macro(kind, start, number(argument, 1, MAX_RANDOM), null, null);
                case HEX -> new Macro(kind, start, 0, null, io.socketdeck.core.codec.HexParser.parse(argument));
            };
        } catch (IllegalArgumentException | NullPointerException | io.socketdeck.core.codec.HexFormatException bad) {
            throw new PayloadException(PayloadException.Reason.BAD_MACRO, start, typed);
        }
    }

    private static int number(String argument, int min, int max) {
        int value = Integer.parseInt(argument.strip());
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " not in " + min + ".." + max);
        }
        return value;
    }

    private static DateTimeFormatter pattern(String argument, String standard) {
        return DateTimeFormatter.ofPattern(argument == null ? standard : argument, Locale.ROOT)
                .withZone(ZoneId.systemDefault());
    }

    /** The value of one macro at this send: text, or raw bytes (RANDOM, HEX). */
    static Object value(Macro macro, MacroValues values, long counter) throws PayloadException {
        return switch (macro.kind()) {
            case COUNTER -> macro.number() == 0 ? Long.toString(counter)
                    : String.format(Locale.ROOT, "%0" + macro.number() + "d", counter);
            case TIME, DATE -> macro.format().format(values.now());
            case UNIX -> Long.toString(values.now().getEpochSecond());
            case UNIX_MS -> Long.toString(values.now().toEpochMilli());
            case RANDOM -> {
                byte[] random = new byte[macro.number()];
                ThreadLocalRandom.current().nextBytes(random);
                yield random;
            }
            case HEX -> macro.bytes();
            case REQ_HEX -> {
                byte[] request = values.request();
                if (request == null) {
                    throw new PayloadException(PayloadException.Reason.MACRO_NOT_HERE, macro.start(), "{{REQ_HEX}}");
                }
                yield HEX.formatHex(request);
            }
        };
    }

    /** The counter for this send, asked of {@code values} only when the template has one. */
    static long counterFor(Template template, MacroValues values) {
        return template.uses(Kind.COUNTER) ? values.nextCounter() : 0;
    }

    /** Raw bytes as the hex a hex payload reads. */
    static String asHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
