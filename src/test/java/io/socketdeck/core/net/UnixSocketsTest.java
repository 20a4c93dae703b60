package io.socketdeck.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketsTest {

    @TempDir
    Path dir;

    @Test
    void recognisesTheSchemeWhereAHostGoes() {
        assertTrue(UnixSockets.isUnixHost("unix:/tmp/a.sock"));
        assertTrue(UnixSockets.isUnixHost("  UNIX:/tmp/a.sock "));
        assertFalse(UnixSockets.isUnixHost("127.0.0.1"));
        assertFalse(UnixSockets.isUnixHost("unixhost"));
        assertFalse(UnixSockets.isUnixHost(null));
    }

    @Test
    void badPathsSayWhatIsWrong() throws Exception {
        assertEquals(UnixSockets.Problem.EMPTY, UnixSockets.forListen("unix:").problem());
        assertEquals(UnixSockets.Problem.EMPTY, UnixSockets.forConnect("unix:  ").problem());
        String tooLong = "unix:" + dir.resolve("x".repeat(UnixSockets.MAX_PATH_BYTES)) + ".sock";
        assertEquals(UnixSockets.Problem.TOO_LONG, UnixSockets.forListen(tooLong).problem());
        assertEquals(UnixSockets.Problem.TOO_LONG, UnixSockets.forConnect(tooLong).problem());
        String inMissing = "unix:" + dir.resolve("missing/app.sock");
        assertEquals(UnixSockets.Problem.MISSING_DIRECTORY, UnixSockets.forListen(inMissing).problem());
        assertEquals(UnixSockets.Problem.MISSING_DIRECTORY, UnixSockets.forConnect(inMissing).problem());
        Path file = Files.writeString(dir.resolve("plain.txt"), "not a socket");
        assertEquals(UnixSockets.Problem.NOT_A_SOCKET, UnixSockets.forListen("unix:" + file).problem());
        assertEquals(UnixSockets.Problem.NOT_A_SOCKET, UnixSockets.forConnect("unix:" + file).problem());
        assertEquals(UnixSockets.Problem.NOT_FOUND, UnixSockets.forConnect("unix:" + dir.resolve("none.sock")).problem());
        assertTrue(UnixSockets.forListen("unix:" + dir.resolve("new.sock")).valid(), "a free path in a directory of ours");
    }

    @Test
    void aDirectoryWeMayNotWriteIsAPermissionProblem() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root may write anywhere: no permission problem to see");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assertEquals(UnixSockets.Problem.NO_PERMISSION,
                    UnixSockets.forListen("unix:" + locked.resolve("app.sock")).problem());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aListeningSocketIsASocketAndEndsReadAsTheirPath() throws Exception {
        Path path = dir.resolve("live.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            assertTrue(UnixSockets.isSocket(path));
            assertTrue(UnixSockets.forConnect("unix:" + path).valid());
            assertTrue(UnixSockets.forListen("unix:" + path).valid(), "a socket: replaced if stale, else in use at bind");
        }
        InetSocketAddress named = UnixSockets.eventAddress(path);
        assertTrue(UnixSockets.isUnix(named));
        assertEquals("unix:" + path, Addresses.format(named), "never null:0");
        InetSocketAddress client = UnixSockets.eventAddress(UnixDomainSocketAddress.of(""), () -> path + "#7");
        assertEquals("unix:" + path + "#7", Addresses.format(client));
        assertEquals(path.toString(), UnixSockets.pathOf(client));
        assertFalse(UnixSockets.isUnix(new InetSocketAddress("127.0.0.1", 0)));
    }
}
