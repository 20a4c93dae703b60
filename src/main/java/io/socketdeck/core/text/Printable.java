package io.socketdeck.core.text;

/**
 * Makes decoded text safe and honest to lay out. Control characters are shown as the escapes
 * developers type ({@code \r}, {@code \n}, {@code \0}, {@code \x1B}), the same notation the send
 * box accepts, so binary noise can neither vanish nor wreck a row, and line endings stay visible:
 * whether a device sent CR LF or a bare LF is often the bug. A line feed still breaks the row's
 * line, except at the very end, where it would only add an empty line. (Unicode's control
 * pictures would be prettier, but common Linux fonts lack them and they render as boxes.)
 */
public final class Printable {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Printable() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t' -> out.append(c);
                case '\r' -> out.append("\\r");
                case '\n' -> {
                    out.append("\\n");
                    if (i + 1 < text.length()) {
                        out.append('\n');
                    }
                }
                case '\0' -> out.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }
}
