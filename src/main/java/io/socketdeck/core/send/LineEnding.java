package io.socketdeck.core.send;

/**
 * What is appended to every message on send. It goes last on the wire, after the checksum, and the
 * checksum does not cover it: see {@link Payloads} for why.
 */
public enum LineEnding {
    NONE(""),
    /** Carriage return, {@code 0D}: classic Mac, many AT-command devices. */
    CR("\r"),
    /** Line feed, {@code 0A}: Unix and most line-based protocols. */
    LF("\n"),
    /** {@code 0D 0A}: Windows, HTTP, SMTP, most AT-command modems. */
    CRLF("\r\n");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    /** The characters, encoded like the rest of a text message (in UTF-16LE {@code CR} is {@code 0D 00}). */
    public String text() {
        return text;
    }

    /** The ASCII bytes, appended as they are to a hex message, which has no text encoding. */
    public byte[] asciiBytes() {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }
}
