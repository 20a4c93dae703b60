package io.socketdeck.core.codec;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Whether a charset writes ASCII as ASCII, one byte each (UTF-8, GBK, Big5, ISO-8859-1; not UTF-16). */
final class AsciiCompatible {

    private static final Map<Charset, Boolean> KNOWN = new ConcurrentHashMap<>();

    private AsciiCompatible() {
    }

    static boolean test(Charset charset) {
        return KNOWN.computeIfAbsent(charset, AsciiCompatible::check);
    }

    private static boolean check(Charset charset) {
        if (!charset.canEncode()) {
            return false;
        }
        char[] ascii = new char[128];
        byte[] expected = new byte[128];
        for (int c = 0; c < 128; c++) {
            ascii[c] = (char) c;
            expected[c] = (byte) c;
        }
        return Arrays.equals(expected, new String(ascii).getBytes(charset));
    }

    /** True when every char of {@code text} is below 0x80. */
    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
