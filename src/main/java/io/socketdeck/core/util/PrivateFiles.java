package io.socketdeck.core.util;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read: what a capture or a saved log holds is other people's traffic
 * (passwords in a login, a device's keys), so like the settings they are created {@code 0600}
 * ({@code rw-------}) on systems with POSIX permissions, whatever the umask. An existing file
 * that is written over is made {@code 0600} too. A named pipe or a device keeps its mode: what goes
 * through it is not kept there, and its mode is how its owner shares it (a pipe another user's tool
 * reads; /dev/null). Elsewhere (Windows) the directory's rules apply.
 */
public final class PrivateFiles {

    /** Owner read and write, nothing for anyone else. */
    public static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private PrivateFiles() {
    }

    /** Opens {@code path} for writing from its start, creating it owner-only or truncating it. */
    public static FileChannel openTruncated(Path path) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        FileChannel channel = posix(path)
                ? FileChannel.open(path, options, ownerOnly())
                : FileChannel.open(path, options);
        try {
            restrict(path);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** A buffered writer over {@link #openTruncated}. */
    public static Writer newBufferedWriter(Path path, Charset charset) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(openTruncated(path)),
                charset.newEncoder()));
    }

    /** Makes an existing regular file owner-only where the file system has POSIX permissions. */
    public static void restrict(Path path) throws IOException {
        if (posix(path) && Files.isRegularFile(path)) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
