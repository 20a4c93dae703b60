package io.socketdeck.core.codec;

/**
 * Collects the full decoded text. The common case is a single String (the UTF-8 fast path with no
 * carried-over bytes); that one is returned as is, so a 64 KiB read is not copied a second time.
 */
final class TextCollector implements CharSink {

    private final int capacityHint;
    private String single;
    private StringBuilder builder;

    TextCollector(int capacityHint) {
        this.capacityHint = Math.max(16, capacityHint);
    }

    @Override
    public void append(char[] chars, int offset, int length) {
        if (length > 0) {
            builder().append(chars, offset, length);
        }
    }

    @Override
    public void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (single == null && builder == null) {
            single = text;
        } else {
            builder().append(text);
        }
    }

    private StringBuilder builder() {
        if (builder == null) {
            int size = single == null ? capacityHint : Math.max(capacityHint, single.length() + 16);
            builder = new StringBuilder(size);
            if (single != null) {
                builder.append(single);
                single = null;
            }
        }
        return builder;
    }

    String text() {
        if (builder != null) {
            return builder.toString();
        }
        return single == null ? "" : single;
    }
}
