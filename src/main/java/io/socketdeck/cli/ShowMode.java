package io.socketdeck.cli;

/**
 * How data lines show their bytes ({@code --show}): as text in {@code --encoding}, control
 * characters escaped like the window's log does; as spaced hex; or as a {@code hexdump -C}-like
 * block under the line.
 */
public enum ShowMode {
    TEXT, HEX, DUMP
}
