package io.socketdeck.core.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay's capture: its bytes per direction, its links and the faults it injected. */
class CaptureRelayTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000);
    private static final InetSocketAddress TARGET = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);

    @TempDir
    Path dir;

    private final List<CaptureFailure> failures = new ArrayList<>();

    @Test
    void aLogCaptureNamesTheWayOfEveryChunkAndEveryFault() throws Exception {
        Path file = dir.resolve("relay.log");
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.log(file).withIncludeSent(true), failures::add);
        try {
            capture.onEvent(new SessionEvent.Linked(0, 7, CLIENT, TARGET));
            capture.onEvent(new SessionEvent.Relayed(1, 7, Leg.UP, CLIENT, TARGET, new byte[] {'h', 'i'}, false));
            capture.onEvent(new SessionEvent.Relayed(2, 7, Leg.DOWN, TARGET, CLIENT, new byte[] {'o', 'k'}, true));
            capture.onEvent(new SessionEvent.FaultInjected(3, 7, Leg.DOWN, RelayFault.CORRUPTED, "1:3"));
        } finally {
            capture.close();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("\tLINKED\t127.0.0.1:5000\t\ttarget 127.0.0.1:80"), lines.get(0));
        assertTrue(lines.get(1).endsWith("\tUP\t127.0.0.1:5000>127.0.0.1:80\t2\thi"), lines.get(1));
        assertTrue(lines.get(2).endsWith("\tDOWN_INJECTED\t127.0.0.1:80>127.0.0.1:5000\t2\tok"), lines.get(2));
        assertTrue(lines.get(3).endsWith("\tFAULT\t\t\tCORRUPTED DOWN 1:3"), lines.get(3));
        assertEquals(List.of(), failures);
    }

    @Test
    void aRawCaptureKeepsClientBytesAsReceivedAndTargetBytesAsSent() throws Exception {
        Path file = dir.resolve("relay.bin");
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file).withIncludeSent(true), failures::add);
        try {
            capture.onEvent(new SessionEvent.Relayed(1, 7, Leg.UP, CLIENT, TARGET, new byte[] {1, 2}, false));
            capture.onEvent(new SessionEvent.Relayed(2, 7, Leg.DOWN, TARGET, CLIENT, new byte[] {3}, false));
        } finally {
            capture.close();
        }
        List<Path> files = capture.files();
        assertEquals(2, files.size(), files.toString());
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(files.get(0)));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(files.get(1)));
    }
}
