package io.socketdeck.core.codec;

import java.util.Arrays;

/**
 * Reads the hex a user types into the send box. People paste hex from many places (Wireshark,
 * C arrays, MAC addresses, datasheets), so separators and {@code 0x} prefixes are accepted freely;
 * what is never guessed is a lone digit, because "A" could mean 0A or A0.
 *
 * <p>Rules:
 * <ul>
 *   <li>Hex digits in either case; a run of digits without separators must have an even length and
 *       is read as consecutive bytes ({@code 48656C} is three bytes).</li>
 *   <li>Separators: whitespace (spaces, tabs, newlines, no-break spaces), {@code , : - ;}. They may repeat and may
 *       appear at either end.</li>
 *   <li>{@code 0x} or {@code 0X} may start a token ({@code 0x48,0x65}). What follows is an ordinary
 *       run, so {@code 0x4865} is read as 48 65.</li>
 *   <li>Empty, whitespace-only or separator-only input is zero bytes.</li>
 * </ul>
 */
public final class HexParser {

    private HexParser() {
    }

    /**
     * @param text what the user typed, not null
     * @throws HexFormatException at the first problem from the left: a character that does not belong
     *                            (its index), or a run with an odd number of digits (index of its first digit)
     */
    public static byte[] parse(String text) throws HexFormatException {
        byte[] out = new byte[text.length() / 2];
        int count = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                i++;
                continue;
            }
            int runStart = startOfDigits(text, i);
            int runEnd = runStart;
            while (runEnd < length && hexValue(text.charAt(runEnd)) >= 0) {
                runEnd++;
            }
            if (runEnd < length && !isSeparator(text.charAt(runEnd))) {
                throw invalidCharacter(text, runEnd);
            }
            if ((runEnd - runStart) % 2 != 0) {
                throw new HexFormatException(HexFormatException.Reason.ODD_DIGITS, runStart,
                        text.substring(runStart, runEnd));
            }
            for (int d = runStart; d < runEnd; d += 2) {
                out[count++] = (byte) (hexValue(text.charAt(d)) << 4 | hexValue(text.charAt(d + 1)));
            }
            i = runEnd;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** Skips a {@code 0x} prefix at the start of a token, but only when a digit follows it. */
    private static int startOfDigits(String text, int tokenStart) {
        if (tokenStart + 2 < text.length()
                && text.charAt(tokenStart) == '0'
                && (text.charAt(tokenStart + 1) == 'x' || text.charAt(tokenStart + 1) == 'X')
                && hexValue(text.charAt(tokenStart + 2)) >= 0) {
            return tokenStart + 2;
        }
        return tokenStart;
    }

    /** Whitespace includes no-break spaces, which come along when hex is copied from web pages. */
    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == ',' || c == ':' || c == '-' || c == ';';
    }

    /** Only ASCII digits count: Character.digit would also accept fullwidth and other scripts' digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static HexFormatException invalidCharacter(String text, int index) {
        int codePoint = text.codePointAt(index);
        return new HexFormatException(HexFormatException.Reason.INVALID_CHARACTER, index,
                new String(Character.toChars(codePoint)));
    }
}
