package io.socketdeck.core.codec;

/**
 * Finds a byte pattern in raw bytes. The log searches what was received, not a decoded preview:
 * a text pattern is encoded in the log's charset first, so a match is exact in any encoding and
 * nothing has to be decoded to search 10,000 entries.
 */
public final class ByteSearch {

    private ByteSearch() {
    }

    /**
     * @param ignoreAsciiCase fold A–Z to a–z on both sides; other bytes compare exactly, so
     *                        multi-byte characters are never folded into something else
     * @return the index of the first match, or -1; an empty needle matches at 0
     */
    public static int indexOf(byte[] haystack, byte[] needle, boolean ignoreAsciiCase) {
        return indexOf(haystack, 0, haystack.length, needle, ignoreAsciiCase);
    }

    /**
     * The same within {@code length} bytes of {@code haystack} from {@code offset} (a log row's
     * bytes in a block shared with other rows).
     *
     * @return the index of the first match from {@code offset} (0 for a match at the offset), or -1
     */
    public static int indexOf(byte[] haystack, int offset, int length, byte[] needle, boolean ignoreAsciiCase) {
        if (needle.length == 0) {
            return 0;
        }
        int last = offset + length - needle.length;
        byte first = fold(needle[0], ignoreAsciiCase);
        for (int i = offset; i <= last; i++) {
            if (fold(haystack[i], ignoreAsciiCase) != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && fold(haystack[i + j], ignoreAsciiCase) == fold(needle[j], ignoreAsciiCase)) {
                j++;
            }
            if (j == needle.length) {
                return i - offset;
            }
        }
        return -1;
    }

    private static byte fold(byte b, boolean ignoreAsciiCase) {
        return ignoreAsciiCase && b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
