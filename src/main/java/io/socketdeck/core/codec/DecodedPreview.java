package io.socketdeck.core.codec;

import java.util.Objects;

/**
 * The start of the text decoded from one read, for a log line that cannot show a whole 64 KiB read.
 *
 * @param text      at most the requested number of chars; never ends in half of a surrogate pair
 * @param truncated true when the full text of the read is longer than {@code text}, so the caller
 *                  knows to show an ellipsis
 */
public record DecodedPreview(String text, boolean truncated) {

    public DecodedPreview {
        Objects.requireNonNull(text, "text");
    }
}
