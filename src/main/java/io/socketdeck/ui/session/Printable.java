package io.socketdeck.ui.session;

/**
 * Makes decoded text safe to lay out: line breaks stay line breaks, other control characters
 * become their visible Unicode control pictures (NUL shows as ␀), so binary noise can neither
 * vanish nor wreck a row.
 */
final class Printable {

    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacementFor(c, i + 1 < text.length() ? text.charAt(i + 1) : 0);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacementFor(char c, char next) {
        if (c == '\n' || c == '\t') {
            return null;
        }
        if (c == '\r') {
            return next == '\n' ? "" : "\n"; // CRLF and a lone CR both end a line
        }
        if (c < 0x20) {
            return String.valueOf((char) (0x2400 + c));
        }
        if (c == 0x7F) {
            return "\u2421";
        }
        return null;
    }
}
