package io.socketdeck.core.codec;

/**
 * Keeps the first {@code maxChars} chars plus one more. The extra char answers both open questions
 * at the cut: whether anything was left out, and whether the last kept char is the first half of a
 * surrogate pair that must not be shown alone.
 */
final class PreviewCollector implements CharSink {

    private final int maxChars;
    private final long wanted;
    private final StringBuilder kept;

    PreviewCollector(int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must not be negative: " + maxChars);
        }
        this.maxChars = maxChars;
        this.wanted = maxChars + 1L;
        this.kept = new StringBuilder((int) Math.min(wanted, 1024));
    }

    @Override
    public void append(char[] chars, int offset, int length) {
        int take = (int) Math.min(length, charsWanted());
        if (take > 0) {
            kept.append(chars, offset, take);
        }
    }

    @Override
    public void append(String text) {
        int take = (int) Math.min(text.length(), charsWanted());
        if (take > 0) {
            kept.append(text, 0, take);
        }
    }

    @Override
    public long charsWanted() {
        return wanted - kept.length();
    }

    DecodedPreview result() {
        int cut = Math.min(kept.length(), maxChars);
        if (cut > 0 && cut < kept.length()
                && Character.isHighSurrogate(kept.charAt(cut - 1))
                && Character.isLowSurrogate(kept.charAt(cut))) {
            cut--;
        }
        return new DecodedPreview(kept.substring(0, cut), kept.length() > cut);
    }
}
