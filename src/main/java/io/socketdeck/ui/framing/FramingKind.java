package io.socketdeck.ui.framing;

import io.socketdeck.core.framing.Framing;

/** The framings a user picks from, in the order the dialog lists them. */
enum FramingKind {
    AS_READ, DELIMITER, FIXED_LENGTH, LENGTH_PREFIX, IDLE_GAP;

    static FramingKind of(Framing framing) {
        if (framing instanceof Framing.Delimiter) {
            return DELIMITER;
        } else if (framing instanceof Framing.FixedLength) {
            return FIXED_LENGTH;
        } else if (framing instanceof Framing.LengthPrefix) {
            return LENGTH_PREFIX;
        } else if (framing instanceof Framing.IdleGap) {
            return IDLE_GAP;
        }
        return AS_READ;
    }

    /** The bundle key of its name. */
    String key() {
        return "framing.kind." + name();
    }
}
