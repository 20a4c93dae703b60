package io.socketdeck.cli.script;

import io.socketdeck.core.text.Printable;
import java.util.HexFormat;

/** Data as one line of output: quoted, control characters escaped as the window shows them, cut when long. */
final class Shown {

    /** Longer text is cut, with how much was left out. */
    static final int MAX_CHARS = 200;
    static final int MAX_BYTES = 64;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private Shown() {
    }

    /** {@code "TOKEN=abc\n"}: one line (a line feed shows as \n), a quote in the text as \". */
    static String quote(String text) {
        String oneLine = Printable.of(text).replace("\n", "").replace("\t", "\\t").replace("\"", "\\\"");
        if (oneLine.length() > MAX_CHARS) {
            int cut = Character.isHighSurrogate(oneLine.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            oneLine = oneLine.substring(0, cut) + "\u2026 (" + (oneLine.length() - cut) + " more)";
        }
        return "\"" + oneLine + "\"";
    }

    /** {@code 01 03 02 00 2A}, cut after {@value #MAX_BYTES} bytes. */
    static String hex(byte[] bytes) {
        if (bytes.length <= MAX_BYTES) {
            return HEX.formatHex(bytes);
        }
        return HEX.formatHex(bytes, 0, MAX_BYTES) + " \u2026 (" + (bytes.length - MAX_BYTES) + " more bytes)";
    }
}
