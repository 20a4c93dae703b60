package io.socketdeck.core.log;

/** How data rows show their bytes. */
public enum ViewMode {
    /** Decoded in the log's encoding. */
    TEXT,
    /** Hex bytes, exact. */
    HEX,
    /** Hex bytes, then the text under them. */
    HEX_TEXT,
    /** Offset | hex | ASCII, as {@code hexdump -C} prints it. */
    DUMP
}
