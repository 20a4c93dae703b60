package io.socketdeck.ui.log;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.RowText;
import io.socketdeck.core.log.ViewMode;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.core.log.LogExport;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class TrafficLogTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset UTF8 = Charset.forName("UTF-8");
    private static final InetSocketAddress PEER_A = new InetSocketAddress("127.0.0.1", 4000);
    private static final InetSocketAddress PEER_B = new InetSocketAddress("127.0.0.1", 4001);

    private TrafficLog log;

    @BeforeEach
    void setUp() {
        I18n.use(Locale.ENGLISH);
        log = onFx(() -> new TrafficLog(new UiTick()));
    }

    private static SessionEvent.Data rx(InetSocketAddress peer, byte[] bytes) {
        return new SessionEvent.Data(System.currentTimeMillis(), Direction.RX, peer, bytes);
    }

    private List<String> texts() {
        return onFx(() -> log.entries().stream().filter(LogEntry::isData).map(LogEntry::text).toList());
    }

    @Test
    void aCharacterSplitAcrossReadsDecodesWholeInItsOwnStream() {
        byte[] a = "你好世界".getBytes(GBK);
        byte[] b = "设备".getBytes(GBK);
        runFx(() -> log.charsetProperty().set(GBK));
        SessionListener ingest = log.newIngest();
        // Two peers interleaved, each split in the middle of a character.
        ingest.onEvent(rx(PEER_A, Arrays.copyOfRange(a, 0, 3)));
        ingest.onEvent(rx(PEER_B, Arrays.copyOfRange(b, 0, 1)));
        ingest.onEvent(rx(PEER_A, Arrays.copyOfRange(a, 3, a.length)));
        ingest.onEvent(rx(PEER_B, Arrays.copyOfRange(b, 1, b.length)));
        awaitFx(() -> log.entries().size() == 4, "four entries");
        // B's first read completes no character: its byte shows as pending hex, not as an empty row.
        assertEquals(List.of("你", "\u2039" + String.format("%02X", b[0] & 0xFF) + "\u203a", "好世界", "设备"), texts());
    }

    @Test
    void switchingTheEncodingReRendersWhatIsAlreadyThere() {
        byte[] gbk = "温度=23℃".getBytes(GBK);
        SessionListener ingest = log.newIngest();
        ingest.onEvent(rx(PEER_A, Arrays.copyOfRange(gbk, 0, 5)));
        ingest.onEvent(rx(PEER_A, Arrays.copyOfRange(gbk, 5, gbk.length)));
        awaitFx(() -> log.entries().size() == 2, "two entries");
        assertTrue(String.join("", texts()).contains("\uFFFD"), "GBK bytes shown as UTF-8 are garbled: " + texts());
        long renders = onFx(() -> log.renderRevisionProperty().get());

        runFx(() -> log.charsetProperty().set(GBK));
        assertEquals("温度=23℃", String.join("", texts()));
        assertTrue(onFx(() -> log.renderRevisionProperty().get()) > renders, "the view is told to redraw");
        assertEquals(List.of(GBK, GBK), onFx(() -> log.entries().stream().map(LogEntry::charset).toList()));

        runFx(() -> log.charsetProperty().set(UTF8));
        assertTrue(String.join("", texts()).contains("\uFFFD"));
    }

    @Test
    void newTrafficAfterASwitchUsesTheNewEncoding() {
        SessionListener ingest = log.newIngest();
        runFx(() -> log.charsetProperty().set(GBK));
        ingest.onEvent(rx(PEER_A, "你好".getBytes(GBK)));
        awaitFx(() -> log.entries().size() == 1, "one entry");
        assertEquals(List.of("你好"), texts());
    }

    @Test
    void eventsBecomeWordedRowsAndClosedIsNoRow() {
        SessionListener ingest = log.newIngest();
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 50000);
        ingest.onEvent(new SessionEvent.Connected(1, local, PEER_A));
        ingest.onEvent(rx(PEER_A, new byte[] {65}));
        ingest.onEvent(new SessionEvent.Disconnected(2, PEER_A, CloseReason.RESET));
        ingest.onEvent(new SessionEvent.Closed(3, CloseReason.RESET));
        awaitFx(() -> log.entries().size() == 3, () -> "rows: " + onFx(() -> List.copyOf(log.entries())));
        List<LogEntry> entries = onFx(() -> List.copyOf(log.entries()));
        assertEquals(3, entries.size(), "Closed changes state only; it is not a row");
        assertEquals("Connected to 127.0.0.1:4000 from 127.0.0.1:50000", entries.get(0).message());
        assertEquals(LogEntry.Kind.ERROR, entries.get(2).kind());
        assertEquals("Connection reset by 127.0.0.1:4000", entries.get(2).message());
    }

    @Test
    void theViewKeepsItsCapAndClearEmptiesIt() {
        TrafficLog small = onFx(() -> new TrafficLog(new UiTick(), 5, 1 << 20));
        SessionListener ingest = small.newIngest();
        for (int i = 0; i < 50; i++) {
            ingest.onEvent(rx(PEER_A, new byte[] {(byte) ('0' + i % 10)}));
        }
        awaitFx(() -> small.entries().size() == 5 && "9".equals(small.entries().get(4).text()), "newest five shown");
        assertEquals(45, onFx(small::trimmedCount));
        runFx(small::clear);
        assertEquals(0, onFx(() -> small.entries().size()));
    }

    @Test
    void longReadsKeepAllTheirBytesButOnlyAPreviewOfText() {
        byte[] big = new byte[64 * 1024];
        Arrays.fill(big, (byte) 'x');
        log.newIngest().onEvent(rx(PEER_A, big));
        awaitFx(() -> log.entries().size() == 1, "one entry");
        LogEntry entry = onFx(() -> log.entries().get(0));
        assertEquals(big.length, entry.byteCount());
        assertEquals(TrafficLog.PREVIEW_CHARS, entry.text().length());
        assertTrue(entry.isTruncated());
        assertTrue(RowText.payload(entry, ViewMode.TEXT).endsWith("(65,536 bytes in all)"),
                RowText.payload(entry, ViewMode.TEXT));
        assertTrue(RowText.payload(entry, ViewMode.HEX).startsWith("78 78 78"));
    }

    /**
     * Issue 9, item 1: paused during a flood, the log held rows by count only (700 MB with 10,000
     * rows, then OutOfMemoryError with 100,000). The log's byte budget for 100,000 rows is 24 MiB,
     * not 160, and held rows take at most a quarter of it beside the rows on screen: the oldest
     * go, and resuming says how many.
     */
    @Test
    void pausedDuringAFloodTheLogHoldsNoMoreThanItsByteBudget() {
        TrafficLog big = onFx(() -> {
            TrafficLog log100k = new TrafficLog(new UiTick());
            log100k.setMaxEntries(100_000);
            log100k.pausedProperty().set(true);
            return log100k;
        });
        assertEquals(TrafficLog.MAX_BYTES, onFx(big::maxBytes), "100,000 rows, 24 MiB of them");
        SessionListener ingest = big.newIngest();
        byte[] read = new byte[64 * 1024];
        Arrays.fill(read, (byte) 'x');
        int reads = 2_000; // 131 MB of reads, four times the budget
        for (int i = 0; i < reads; i++) {
            ingest.onEvent(rx(PEER_A, read));
            if (i % 100 == 99) {
                runFx(big::flushNow); // the tick's drain, as pulses would do it
            }
        }
        runFx(big::flushNow);
        long rowWeight = 96 + read.length + 2L * TrafficLog.PREVIEW_CHARS; // LogEntry.weight() of such a read
        int held = onFx(() -> big.heldCountProperty().get());
        assertTrue(held > 0, "rows are held while paused");
        assertTrue(held * rowWeight <= TrafficLog.MAX_BYTES / 4, held + " rows of 64 KiB held: " + held * rowWeight + " bytes");
        assertTrue(held >= TrafficLog.MAX_BYTES / 4 / rowWeight - 1, "as many as fit: " + held);
        assertEquals(0, onFx(() -> big.entries().size()), "the display stands still");

        runFx(() -> big.pausedProperty().set(false));
        List<LogEntry> shown = onFx(() -> List.copyOf(big.entries()));
        LogEntry note = shown.get(0);
        assertEquals(LogEntry.Kind.INFO, note.kind());
        assertEquals(I18n.format("log.droppedWhilePaused", (long) (reads - held)), note.message(),
                "resuming says how many rows were dropped");
        assertEquals(held + 1, shown.size());
        assertEquals(0, onFx(() -> big.heldCountProperty().get()));
    }

    /**
     * Issue 11: what waits for the next pulse is at most 1 MiB, whatever the list's size (a
     * quarter of it was 4 MiB by default and 6 MiB for 100,000 rows: bytes a young collection
     * had to copy under a fast flood). The newest reads are the ones that wait.
     */
    @Test
    void aFloodBetweenTwoPulsesLeavesAtMostOneMebibyteWaiting() {
        for (int limit : TrafficLog.ENTRY_LIMITS) {
            TrafficLog sized = onFx(() -> {
                TrafficLog made = new TrafficLog(new UiTick());
                made.setMaxEntries(limit);
                return made;
            });
            SessionListener ingest = sized.newIngest();
            int reads = 100; // 6.5 MB of 64 KiB reads
            List<LogEntry> shown = onFx(() -> {
                // On the FX thread: no pulse drains the queue until all of them are in.
                for (int i = 0; i < reads; i++) {
                    byte[] read = new byte[64 * 1024];
                    Arrays.fill(read, (byte) ('a' + i % 26));
                    ingest.onEvent(rx(PEER_A, read));
                }
                sized.flushNow();
                return sized.entries().stream().filter(LogEntry::isData).toList();
            });
            assertFalse(shown.isEmpty(), limit + " rows: none shown");
            // Every size the View menu offers keeps 16 MiB or more: the cap, not a quarter, limits.
            long fit = (1 << 20) / shown.get(0).weight();
            assertTrue(shown.size() <= fit, limit + " rows: " + shown.size() + " shown, " + fit + " fit");
            assertTrue(shown.size() >= fit - 1, limit + " rows: as many as fit, " + shown.size());
            assertEquals('a' + (reads - 1) % 26, shown.get(shown.size() - 1).text().charAt(0), "the newest read is shown");
            assertEquals(reads - shown.size(), onFx(sized::trimmedCount), "the others counted as dropped");
        }
    }

    /** Issue 9: a saved log holds the traffic like a capture: 0600, not 0644, an old file included. */
    @Test
    void aSavedLogIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("log.txt");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        log.newIngest().onEvent(rx(PEER_A, "password=hunter2".getBytes(UTF8)));
        awaitFx(() -> log.entries().size() == 1, "one entry");
        Task<Integer> save = onFx(() -> log.saveAs(file, LogExport.Format.TEXT));
        assertEquals(1, save.get(10, TimeUnit.SECONDS));
        assertTrue(Files.readString(file).contains("password=hunter2"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** The reason, not the path a second time (all the system's exception says for a missing folder). */
    @Test
    void aLogThatCannotBeSavedSaysWhy(@TempDir Path dir) {
        Path file = dir.resolve("absent").resolve("log.txt");
        runFx(() -> log.saveAs(file, LogExport.Format.TEXT));
        String said = "Could not save the log to " + file + ": no such file or folder";
        awaitFx(() -> log.entries().stream().anyMatch(e -> said.equals(e.message())),
                () -> "said why: " + onFx(() -> log.entries().stream().map(LogEntry::message).toList()));
    }

    @Test
    void everyViewShowsTheExactBytes() {
        log.newIngest().onEvent(rx(PEER_A, "Hi\r\n\0".getBytes(UTF8)));
        awaitFx(() -> log.entries().size() == 1, "one entry");
        LogEntry entry = onFx(() -> log.entries().get(0));
        assertEquals("Hi\\r\\n\n\\0", RowText.payload(entry, ViewMode.TEXT));
        assertEquals("48 69 0D 0A 00", RowText.payload(entry, ViewMode.HEX));
        assertEquals("48 69 0D 0A 00\nHi\\r\\n\n\\0", RowText.payload(entry, ViewMode.HEX_TEXT));
        assertEquals("00000000  48 69 0D 0A 00" + " ".repeat(36) + "|Hi...|", RowText.payload(entry, ViewMode.DUMP));
    }

    @Test
    void rowsOnScreenShareABlockAndEveryViewFilterAndExportStillReadsEachRowsOwnBytes() throws Exception {
        SessionListener ingest = log.newIngest();
        ingest.onEvent(rx(PEER_A, "first row ".getBytes(UTF8)));
        awaitFx(() -> log.entries().size() == 1, "one entry");
        ingest.onEvent(rx(PEER_A, "Hi\r\n\0".getBytes(UTF8)));
        awaitFx(() -> log.entries().size() == 2, "two entries");
        LogEntry first = onFx(() -> log.entries().get(0));
        LogEntry entry = onFx(() -> log.entries().get(1));
        // Packed as they entered the list: the second row's bytes follow the first's in one array.
        assertTrue(first.byteStore() == entry.byteStore() && entry.byteOffset() == 10, "one block, rows in order");
        assertEquals("48 69 0D 0A 00", RowText.payload(entry, ViewMode.HEX));
        assertEquals("00000000  48 69 0D 0A 00" + " ".repeat(36) + "|Hi...|", RowText.payload(entry, ViewMode.DUMP));
        assertEquals("Hi\\r\\n\n\\0", RowText.payload(entry, ViewMode.TEXT));
        runFx(() -> log.filter().patternProperty().set("row Hi"));
        runFx(() -> log.filter().applyNow());
        awaitFx(() -> log.shownEntries().isEmpty(), "no row holds both: a match never runs into the next row");
        runFx(() -> log.filter().patternProperty().set("Hi"));
        runFx(() -> log.filter().applyNow());
        awaitFx(() -> log.shownEntries().equals(List.of(entry)), "the second row only");
        StringBuilder csv = new StringBuilder();
        LogExport.write(List.of(first, entry), row -> true, UTF8, LogExport.Format.CSV, csv);
        assertTrue(csv.toString().contains(",10,first row ,66 69 72 73 74 20 72 6F 77 20\r\n"), csv.toString());
        assertTrue(csv.toString().contains(",5,\"Hi\r\n\0\",48 69 0D 0A 00\r\n"), csv.toString());
    }

    @Test
    void aBigLogIsFilteredAndDecodedAgainOffTheFxThreadAndRowsArrivingMeanwhileStillCount() {
        TrafficLog big = onFx(() -> new TrafficLog(new UiTick(), 20_000, 64L << 20));
        SessionListener ingest = big.newIngest();
        int rows = 3 * TrafficLog.BACKGROUND_ABOVE;
        for (int i = 0; i < rows; i++) {
            ingest.onEvent(rx(i % 2 == 0 ? PEER_A : PEER_B, ((i % 10 == 0 ? "你好 " : "plain ") + i).getBytes(GBK)));
        }
        awaitFx(() -> big.entries().size() == rows, "all rows shown");
        runFx(() -> big.filter().patternProperty().set("plain"));
        awaitFx(() -> !big.busyProperty().get() && big.shownEntries().size() == rows - rows / 10,
                () -> "filtered: " + onFx(() -> big.shownEntries().size()));
        ingest.onEvent(rx(PEER_A, "plain late".getBytes(GBK)));
        awaitFx(() -> big.shownEntries().size() == rows - rows / 10 + 1, "a row that came later is tested too");

        runFx(() -> big.charsetProperty().set(GBK));
        awaitFx(() -> !big.busyProperty().get() && big.entries().stream().filter(e -> e.text().startsWith("你好")).count()
                == rows / 10, "decoded again in GBK");
    }
}
