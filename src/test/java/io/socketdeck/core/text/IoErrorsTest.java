package io.socketdeck.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a file could not be used, in words and without its path, in English and in Chinese. */
class IoErrorsTest {

    private Locale before;

    @BeforeEach
    void english() {
        before = Language.current();
        Language.use(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Language.use(before);
    }

    /** {@code error} described in English, then in Chinese. */
    private static List<String> inBoth(Throwable error) {
        Language.use(Locale.ENGLISH);
        String english = IoErrors.describe(error);
        Language.use(Language.CHINESE);
        String chinese = IoErrors.describe(error);
        Language.use(Locale.ENGLISH);
        return List.of(english, chinese);
    }

    @Test
    void theJdksPathOnlyExceptionsGetTheirReason() {
        assertEquals(List.of("permission denied", "\u6743\u9650\u4e0d\u8db3"), inBoth(new AccessDeniedException("/root/x.bin")));
        assertEquals(List.of("no such file or folder", "\u6587\u4ef6\u6216\u6587\u4ef6\u5939\u4e0d\u5b58\u5728"),
                inBoth(new NoSuchFileException("/no/x.bin")));
        assertEquals(List.of("a part of the path is not a folder", "\u8def\u5f84\u4e2d\u6709\u4e00\u90e8\u5206\u4e0d\u662f\u6587\u4ef6\u5939"),
                inBoth(new NotDirectoryException("/etc/passwd/x")));
        assertEquals(List.of("a file of that name already exists", "\u5df2\u5b58\u5728\u540c\u540d\u6587\u4ef6"),
                inBoth(new FileAlreadyExistsException("/tmp/x")));
        assertEquals(List.of("the folder is not empty", "\u6587\u4ef6\u5939\u4e0d\u4e3a\u7a7a"),
                inBoth(new DirectoryNotEmptyException("/tmp/d")));
        assertEquals(List.of("the file system refused it", "\u6587\u4ef6\u7cfb\u7edf\u62d2\u7edd\u4e86\u6b64\u64cd\u4f5c"),
                inBoth(new FileSystemException("/tmp/x")));
    }

    @Test
    void theSystemsUsualReasonsAreSaidInTheLanguageOthersAsTheyCame() {
        assertEquals(List.of("the disk is full", "\u78c1\u76d8\u5df2\u6ee1"),
                inBoth(new FileSystemException("/mnt/x", null, "No space left on device")));
        assertEquals(List.of("the file system is read-only", "\u6587\u4ef6\u7cfb\u7edf\u662f\u53ea\u8bfb\u7684"),
                inBoth(new FileSystemException("/ro/x", null, "Read-only file system")));
        assertEquals(List.of("it is a folder, not a file", "\u8fd9\u662f\u6587\u4ef6\u5939\uff0c\u4e0d\u662f\u6587\u4ef6"),
                inBoth(new FileSystemException("/tmp", null, "Is a directory")));
        assertEquals(List.of("the file is as large as the system allows", "\u6587\u4ef6\u5df2\u8fbe\u5230\u7cfb\u7edf"
                + "\u5141\u8bb8\u7684\u6700\u5927\u5927\u5c0f"), inBoth(new IOException("File too large")),
                "EFBIG: a FAT32 stick's 4 GiB, or the process's file size limit");
        assertEquals(List.of("the disk or device reported a read or write error", "\u78c1\u76d8\u6216\u8bbe\u5907"
                + "\u62a5\u544a\u4e86\u8bfb\u5199\u9519\u8bef"), inBoth(new IOException("Input/output error")), "EIO");
        assertEquals(List.of("Stale file handle", "Stale file handle"),
                inBoth(new FileSystemException("/nfs/x", null, "Stale file handle")), "the reason, never the path");
        assertEquals(List.of("the disk is full", "\u78c1\u76d8\u5df2\u6ee1"),
                inBoth(new FileNotFoundException("/mnt/x (No space left on device)")), "java.io's \u201cfile (reason)\u201d");
        assertEquals(List.of("Broken pipe", "Broken pipe"), inBoth(new IOException("Broken pipe")));
        assertEquals(List.of("permission denied", "\u6743\u9650\u4e0d\u8db3"),
                inBoth(new UncheckedIOException(new AccessDeniedException("/root/x"))));
    }

    /** What the file system really throws, as the window and the command line meet it. */
    @Test
    void realFailuresAreWordedWithoutThePath(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("absent").resolve("x.bin");
        assertEquals("no such file or folder", IoErrors.describe(assertThrows(IOException.class,
                () -> Files.newByteChannel(missing, StandardOpenOption.CREATE, StandardOpenOption.WRITE))));
        assertEquals("it is a folder, not a file", IoErrors.describe(assertThrows(IOException.class,
                () -> new FileOutputStream(dir.toFile()).close())));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
            assertEquals("permission denied", IoErrors.describe(assertThrows(IOException.class,
                    () -> Files.newByteChannel(locked.resolve("x.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE))));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
