package io.socketdeck.core.framing;

import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * A framing as one line of text, for the settings file: {@code as-read}, {@code delimiter 0D0A strip},
 * {@code fixed 16}, {@code length 2 be 0 payload 65536} (width, byte order, offset, what the length
 * counts, maximum), {@code idle 20}. Reading never throws: text it does not understand (a
 * hand-edited file, a later version's framing) gives null, and the caller keeps its default.
 */
public final class FramingText {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private FramingText() {
    }

    public static String format(Framing framing) {
        if (framing instanceof Framing.Delimiter delimiter) {
            return "delimiter " + HEX.formatHex(delimiter.delimiter()) + (delimiter.keep() ? " keep" : " strip");
        } else if (framing instanceof Framing.FixedLength fixed) {
            return "fixed " + fixed.length();
        } else if (framing instanceof Framing.LengthPrefix prefix) {
            return "length " + prefix.width() + (prefix.order() == ByteOrder.BIG_ENDIAN ? " be " : " le ")
                    + prefix.offset() + (prefix.countsHeader() ? " frame " : " payload ") + prefix.maxFrame();
        } else if (framing instanceof Framing.IdleGap gap) {
            return "idle " + gap.millis();
        }
        return "as-read";
    }

    /** The framing {@code text} describes, or null when it describes none. */
    public static Framing parse(String text) {
        if (text == null) {
            return null;
        }
        String[] words = text.strip().split(" +");
        try {
            return switch (words[0]) {
                case "as-read" -> words.length == 1 ? Framing.AsRead.INSTANCE : null;
                case "delimiter" -> words.length == 3 && (words[2].equals("keep") || words[2].equals("strip"))
                        ? new Framing.Delimiter(HEX.parseHex(words[1]), words[2].equals("keep")) : null;
                case "fixed" -> words.length == 2 ? new Framing.FixedLength(Integer.parseInt(words[1])) : null;
                case "length" -> words.length == 6 && (words[2].equals("be") || words[2].equals("le"))
                        && (words[4].equals("frame") || words[4].equals("payload"))
                        ? new Framing.LengthPrefix(Integer.parseInt(words[1]),
                                words[2].equals("be") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                                Integer.parseInt(words[3]), words[4].equals("frame"), Integer.parseInt(words[5]))
                        : null;
                case "idle" -> words.length == 2 ? new Framing.IdleGap(Integer.parseInt(words[1])) : null;
                default -> null;
            };
        } catch (IllegalArgumentException notAFraming) { // a bad number, bad hex, or out of range
            return null;
        }
    }
}
