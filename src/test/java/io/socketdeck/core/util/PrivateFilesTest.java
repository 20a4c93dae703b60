package io.socketdeck.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.testsupport.NamedPipes;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    private static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aNewFileIsTheOwnersOnly() throws Exception {
        Path file = dir.resolve("capture.bin");
        PrivateFiles.openTruncated(file).close();
        assertEquals(PrivateFiles.OWNER_ONLY, Files.getPosixFilePermissions(file));
    }

    @Test
    void aFileWrittenOverBecomesTheOwnersOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("old.log"), "someone else's traffic");
        Files.setPosixFilePermissions(file, SHARED);
        PrivateFiles.openTruncated(file).close();
        assertEquals(PrivateFiles.OWNER_ONLY, Files.getPosixFilePermissions(file));
        assertEquals(0, Files.size(file));
    }

    /**
     * A named pipe or a device is not a file the capture fills: its mode is how its owner shares it
     * (a pipe another user's tool reads; as root, /dev/full, which this suite once left rw-------).
     */
    @Test
    void aNamedPipeKeepsItsMode() throws Exception {
        Path pipe = NamedPipes.create(dir, "to-wireshark");
        Files.setPosixFilePermissions(pipe, SHARED);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            // Read a chunk at a time: FileInputStream.readAllBytes asks a pipe its size (Illegal seek).
            try (InputStream in = new FileInputStream(pipe.toFile())) {
                StringBuilder read = new StringBuilder();
                byte[] chunk = new byte[64];
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    read.append(new String(chunk, 0, n, StandardCharsets.US_ASCII));
                }
                return read.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (FileChannel out = PrivateFiles.openTruncated(pipe)) {
            out.write(ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)));
        }
        assertEquals("ok", reader.get(60, TimeUnit.SECONDS));
        assertEquals(SHARED, Files.getPosixFilePermissions(pipe));
    }
}
