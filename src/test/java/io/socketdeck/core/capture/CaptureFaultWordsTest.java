package io.socketdeck.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.Language;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture that stops because a file cannot be written names the file it could not write and
 * says why in the words of the language (what the window's log and the command line print), not
 * the JDK's English: "Capture to c.bin stopped: c.bin.1: Is a directory" named the file before
 * the one that failed and gave the reason as the system wrote it.
 */
class CaptureFaultWordsTest {

    @TempDir
    Path dir;

    private final List<CaptureFailure> failures = new CopyOnWriteArrayList<>();
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

    private static SessionEvent.Data received(int length) {
        return new SessionEvent.Data(0, Direction.RX, new InetSocketAddress("127.0.0.1", 7), new byte[length]);
    }

    /** The failure as the log and the command line say it, in English, then in Chinese. */
    private static List<String> inBoth(CaptureFailure failure) {
        Language.use(Locale.ENGLISH);
        String english = InputErrors.captureFailed(failure);
        Language.use(Language.CHINESE);
        String chinese = InputErrors.captureFailed(failure);
        Language.use(Locale.ENGLISH);
        return List.of(english, chinese);
    }

    /** The next file of a roll-over is a folder (someone made one of that name): root cannot write it either. */
    @Test
    void aRollOverOntoAFolderSaysItIsAFolder() throws IOException {
        Path file = dir.resolve("cap.bin");
        Path next = Files.createDirectory(dir.resolve("cap.bin.1"));
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file).withRollBytes(1000), failures::add);
        try {
            capture.onEvent(received(1500));
            assertEquals(1, failures.size(), "reported once: " + failures);
            CaptureFailure failure = failures.get(0);
            assertEquals(1000, failure.bytesWritten(), "what it recorded");
            assertEquals(List.of("Capture to " + next + " stopped: it is a folder, not a file",
                    "\u4fdd\u5b58\u5230 " + next + " \u5df2\u505c\u6b62\uff1a\u8fd9\u662f\u6587\u4ef6\u5939\uff0c\u4e0d\u662f\u6587\u4ef6"),
                    inBoth(failure));
        } finally {
            capture.close();
        }
        assertEquals(1000, Files.size(file), "the first file keeps what was recorded");
    }

    /** The folder became read-only while the capture ran: its next file is refused. */
    @Test
    void aRollOverIntoAFolderMadeReadOnlySaysPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path file = folder.resolve("cap.bin");
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file).withRollBytes(1000), failures::add);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        try {
            capture.onEvent(received(1500));
            assertEquals(1, failures.size(), "reported once: " + failures);
            assertEquals(CaptureFailure.Kind.PERMISSION_DENIED, failures.get(0).kind());
            Path next = folder.resolve("cap.bin.1");
            assertEquals(List.of("Capture to " + next + " stopped: permission denied",
                    "\u4fdd\u5b58\u5230 " + next + " \u5df2\u505c\u6b62\uff1a\u6743\u9650\u4e0d\u8db3"),
                    inBoth(failures.get(0)));
        } finally {
            capture.close();
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
