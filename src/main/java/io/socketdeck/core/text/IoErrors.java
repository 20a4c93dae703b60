package io.socketdeck.core.text;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * Why a file could not be opened, written or read, in words, for "Cannot open {file}: {reason}".
 * The JDK's message for a missing or a forbidden file is only its path, so the user read the path
 * twice and no reason; the reasons the system gives most (a full disk, a read-only file system,
 * a file at the size limit of its file system or process, a device's read or write error) come in
 * its English. Those are said in the current {@link Language}; any other reason is the
 * system's own, without the path. The window and the command line use the same words.
 */
public final class IoErrors {

    private static final TextBundle TEXT = TextBundle.of(IoErrors.class);

    /** The system's reasons (as Linux and macOS word them, lower-cased) that have words of their own. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("permission denied", "io.error.accessDenied"),
            Map.entry("no such file or directory", "io.error.noSuchFile"),
            Map.entry("not a directory", "io.error.notDirectory"),
            Map.entry("file exists", "io.error.alreadyExists"),
            Map.entry("directory not empty", "io.error.notEmpty"),
            Map.entry("no space left on device", "io.error.noSpace"),
            Map.entry("disk quota exceeded", "io.error.quota"),
            Map.entry("read-only file system", "io.error.readOnly"),
            Map.entry("is a directory", "io.error.isDirectory"),
            Map.entry("file name too long", "io.error.nameTooLong"),
            Map.entry("file too large", "io.error.tooLarge"),
            Map.entry("input/output error", "io.error.io"));

    private IoErrors() {
    }

    /** Why {@code error} happened, without the file's name (the sentence around it names the file). */
    public static String describe(IOException error) {
        if (error instanceof AccessDeniedException) {
            return TEXT.text("io.error.accessDenied");
        }
        if (error instanceof NoSuchFileException) {
            return TEXT.text("io.error.noSuchFile");
        }
        if (error instanceof NotDirectoryException) {
            return TEXT.text("io.error.notDirectory");
        }
        if (error instanceof FileAlreadyExistsException) {
            return TEXT.text("io.error.alreadyExists");
        }
        if (error instanceof DirectoryNotEmptyException) {
            return TEXT.text("io.error.notEmpty");
        }
        if (error instanceof FileSystemException fileSystem) {
            // Its message is "file: reason" (or only "file"): the reason alone, never the path again.
            return fileSystem.getReason() == null ? TEXT.text("io.error.refused") : reason(fileSystem.getReason());
        }
        if (error instanceof FileNotFoundException && error.getMessage() != null && error.getMessage().endsWith(")")) {
            // java.io words it "file (reason)".
            String message = error.getMessage();
            int open = message.lastIndexOf(" (");
            if (open >= 0) {
                return reason(message.substring(open + 2, message.length() - 1));
            }
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : reason(error.getMessage());
    }

    /**
     * {@link #describe(IOException)} for whatever a file operation threw: an {@link IOException},
     * one wrapped unchecked, or anything else by its own message.
     */
    public static String describe(Throwable error) {
        if (error instanceof IOException io) {
            return describe(io);
        }
        if (error instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    /** A reason the system gave, in words when it is one of the usual ones, else as it came. */
    private static String reason(String systemReason) {
        String key = REASONS.get(systemReason.strip().toLowerCase(Locale.ROOT));
        return key == null ? systemReason : TEXT.text(key);
    }
}
