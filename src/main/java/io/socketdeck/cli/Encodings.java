package io.socketdeck.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * Encodings by the names typed on the command line, in a rules file or a script: any that Java
 * knows, not only the window's list. Every one decodes, so every one can show what arrives; a few
 * (ISO-2022-CN, x-ISO-2022-CN-GB, x-JISAutoDetect) have no encoder, so no text can be sent in them.
 */
public final class Encodings {

    private Encodings() {
    }

    /** The charset {@code name} names, or empty when Java knows no encoding by that name. */
    public static Optional<Charset> lookup(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The words for a name Java knows no encoding by. */
    public static String unknown(String name) {
        return "Unknown encoding: " + name;
    }

    /** Why no text can be sent in {@code charset}; null when it can. */
    public static String cannotSend(Charset charset) {
        return charset.canEncode() ? null : charset.name() + " can only decode: Java has no encoder for it, so no text"
                + " can be sent in it (it can still show what arrives)";
    }
}
