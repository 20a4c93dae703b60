package io.socketdeck.core.settings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why the settings were not loaded and defaults are in use, for the UI to show once.
 *
 * @param kind   what went wrong
 * @param file   the settings file
 * @param keptAs where the unusable file was moved, so nothing the user had is lost; null if it
 *               could not be moved (it is then not saved over while it stays)
 * @param detail the parser's or operating system's text, for the log
 */
public record SettingsWarning(Kind kind, Path file, Path keptAs, String detail) {

    /** What went wrong. */
    public enum Kind {
        /** The file is not JSON, is truncated, or is not a JSON object. */
        CORRUPT,
        /** The file could not be read (permissions, I/O error). */
        UNREADABLE
    }

    public SettingsWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        detail = detail == null ? "" : detail;
    }
}
