package io.socketdeck.core.respond;

import java.util.Locale;

/**
 * A hex pattern with wildcards, {@code 01 03 ?? ?? 00 02}: two hex digits are a byte, {@code ??}
 * any byte; spaces, commas, colons and dashes separate freely. A rule's pattern matches a message
 * that begins with it; a script's {@code expect} looks for it anywhere in what arrived ({@link #find}).
 */
public final class HexPattern {

    private final byte[] bytes;
    private final boolean[] any;

    private HexPattern(byte[] bytes, boolean[] any) {
        this.bytes = bytes;
        this.any = any;
    }

    /** @throws RuleException (field PATTERN) at the first bad character, or for an odd digit */
    public static HexPattern parse(String text) throws RuleException {
        StringBuilder digits = new StringBuilder();
        int[] positions = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == ':' || c == '-') {
                continue;
            }
            if (c != '?' && Character.digit(c, 16) < 0) {
                throw new RuleException(RuleException.Field.PATTERN, RuleException.Reason.HEX_CHARACTER, i,
                        String.valueOf(c));
            }
            positions[digits.length()] = i;
            digits.append(Character.toUpperCase(c));
        }
        if (digits.length() == 0) {
            throw new RuleException(RuleException.Field.PATTERN, RuleException.Reason.EMPTY, 0, "");
        }
        if (digits.length() % 2 != 0) {
            int at = positions[digits.length() - 1];
            throw new RuleException(RuleException.Field.PATTERN, RuleException.Reason.HEX_ODD, at,
                    text.substring(at, at + 1));
        }
        int count = digits.length() / 2;
        byte[] bytes = new byte[count];
        boolean[] any = new boolean[count];
        for (int i = 0; i < count; i++) {
            String pair = digits.substring(2 * i, 2 * i + 2);
            if (pair.equals("??")) {
                any[i] = true;
            } else if (pair.indexOf('?') >= 0) {
                int at = positions[2 * i];
                throw new RuleException(RuleException.Field.PATTERN, RuleException.Reason.HEX_CHARACTER, at,
                        text.substring(at, positions[2 * i + 1] + 1).toUpperCase(Locale.ROOT));
            } else {
                bytes[i] = (byte) Integer.parseInt(pair, 16);
            }
        }
        return new HexPattern(bytes, any);
    }

    /** How many bytes the pattern matches (a wildcard is one). */
    public int length() {
        return bytes.length;
    }

    boolean matches(byte[] message) {
        return message.length >= bytes.length && matchesAt(message, 0);
    }

    /**
     * Where the pattern first matches within {@code data[from, to)}, or -1.
     *
     * @return the index in {@code data} of the first byte of the match
     */
    public int find(byte[] data, int from, int to) {
        for (int start = from; start <= to - bytes.length; start++) {
            if (matchesAt(data, start)) {
                return start;
            }
        }
        return -1;
    }

    private boolean matchesAt(byte[] data, int start) {
        for (int i = 0; i < bytes.length; i++) {
            if (!any[i] && data[start + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
