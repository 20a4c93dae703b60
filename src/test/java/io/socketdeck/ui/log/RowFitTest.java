package io.socketdeck.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.ViewMode;
import io.socketdeck.core.text.Printable;
import io.socketdeck.core.log.LogIngest;
import io.socketdeck.core.log.LogRendering;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/**
 * The widest row, kept from the list's changes, is the widest of the rows the list holds; and a
 * row's width is the sum of the advances of what it shows.
 */
class RowFitTest {

    /** Every Latin-1 character its own advance, so a character counted as another shows. */
    private static final double[] LATIN = new double[0x100];
    private static final double WIDE = 13.0;

    static {
        for (int c = 0x20; c < LATIN.length; c++) {
            LATIN[c] = 5 + (c % 7) * 0.5;
        }
    }

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40001);
    private static final RowFit.Metrics METRICS = new RowFit.Metrics(LATIN, WIDE, LATIN, WIDE, 40);
    private static final String ALPHABET = "aW 9\t\r\n\0\u0001\u001B\u007F\u00e9\u00ff中あ";

    private final ObservableList<LogEntry> shown = FXCollections.observableArrayList();
    private final ObjectProperty<ViewMode> mode = new SimpleObjectProperty<>(ViewMode.TEXT);
    private final RowFit fit = new RowFit(shown, mode);
    private final Random random = new Random(11);

    @Test
    void theWidestIsTheWidestOfTheRowsHeldThroughAddsTrimsAndReplaces() {
        fit.measuredWith(METRICS);
        for (int step = 0; step < 3_000; step++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> shown.addAll(randomRows(1 + random.nextInt(20)));
                case 2 -> shown.remove(0, Math.min(shown.size(), random.nextInt(15)));
                default -> {
                    if (!shown.isEmpty()) {
                        shown.set(random.nextInt(shown.size()), randomRow());
                    }
                }
            }
            assertEquals(expectedWidest(), fit.widestProperty().get(), "after step " + step);
        }
        mode.set(ViewMode.HEX);
        assertEquals(RowFit.NEVER, fit.widestProperty().get(), "another view: unknown until measured in its fonts");
        fit.measuredWith(METRICS);
        assertEquals(expectedWidest(), fit.widestProperty().get(), "measured: every row counted again");
        mode.set(ViewMode.DUMP);
        fit.measuredWith(METRICS);
        assertEquals(RowFit.NEVER, fit.widestProperty().get(), "a dump is never one line");
        shown.clear();
        mode.set(ViewMode.TEXT);
        fit.measuredWith(METRICS);
        assertEquals(0, fit.widestProperty().get(), "no row: nothing too wide");
    }

    /** The twin: a text row's width is the sum of the advances of the characters Printable makes of it. */
    @Test
    void aTextRowIsAsWideAsTheCharactersItShows() {
        for (int round = 0; round < 5_000; round++) {
            String text = randomText();
            LogEntry row = data(text);
            String made = Printable.of(row.text());
            int expected;
            if (made.indexOf('\n') >= 0) {
                expected = RowFit.NEVER;
            } else {
                double width = 0;
                for (char c : made.toCharArray()) {
                    width += c == '\t' ? 8 * LATIN[' '] : c < LATIN.length ? LATIN[c] : WIDE;
                }
                width += Math.max(0, peerWidth(row.peer()) - METRICS.peerColumn());
                expected = (int) Math.ceil(width);
            }
            assertEquals(expected, RowFit.width(row, ViewMode.TEXT, METRICS), () -> "width of " + made);
        }
    }

    @Test
    void aHexRowIsAsWideAsItsDigitsAndSpaces() {
        LogEntry row = data("ABC");
        double digit = 0;
        for (char c : "0123456789ABCDEF".toCharArray()) {
            digit = Math.max(digit, LATIN[c]);
        }
        double expected = 6 * digit + 2 * LATIN[' '] + Math.max(0, peerWidth(row.peer()) - METRICS.peerColumn());
        assertEquals((int) Math.ceil(expected), RowFit.width(row, ViewMode.HEX, METRICS));
    }

    @Test
    void rowsThatAreNeverOneLineOrHoldUnboundedCharactersNeverFit() {
        assertEquals(RowFit.NEVER, RowFit.width(data("a\nb"), ViewMode.TEXT, METRICS), "a line feed inside");
        assertEquals(RowFit.NEVER, RowFit.width(data("smile \uD83D\uDE00"), ViewMode.TEXT, METRICS), "an emoji");
        assertEquals(RowFit.NEVER, RowFit.width(data("\uFDFD"), ViewMode.TEXT, METRICS), "a word ligature");
        assertEquals(RowFit.NEVER, RowFit.width(LogEntry.event(0, LogEntry.Kind.INFO, "", "two\nlines"), ViewMode.TEXT,
                METRICS), "an event's message with a line break");
        LogEntry trailing = data("line\n");
        assertEquals((int) Math.ceil(widthOf("line\\n") + Math.max(0, peerWidth(trailing.peer()) - 40)),
                RowFit.width(trailing, ViewMode.TEXT, METRICS), "a line feed at the end is shown, not broken");
    }

    /** Rows decoded again in another encoding are counted anew, and later leave the count as they are then. */
    @Test
    void rowsDecodedAgainInPlaceAreCountedAnew() {
        fit.measuredWith(METRICS);
        shown.addAll(data("\u4e2d\u6587\u4e2d\u6587 short"), data("plain ascii, a little longer than the other row"));
        LogRendering.rerender(shown, Charset.forName("ISO-8859-1")); // each CJK byte a Latin-1 character now
        fit.rowsRendered();
        assertEquals(expectedWidest(), fit.widestProperty().get(), "counted as shown now");
        shown.clear();
        assertEquals(0, fit.widestProperty().get(), "and gone as counted: nothing left over");
    }

    /** An error's repeat count grows on its row while shown: the row is as wide as it may become, from the start. */
    @Test
    void anErrorRowsWidthLeavesRoomForItsRepeatCount() {
        List<LogEntry> made = new ArrayList<>();
        LogIngest ingest = new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, made::add,
                LogIngest.Boundaries.STREAM, false);
        for (int i = 0; i < 3; i++) {
            ingest.onEvent(refused());
        }
        LogEntry error = made.get(made.size() - 1);
        assertEquals(LogEntry.Kind.ERROR, error.kind());
        int width = RowFit.width(error, ViewMode.TEXT, METRICS);
        assertTrue(width >= Math.ceil(widthOf(error.message()) + Math.max(0, peerWidth(error.peer()) - 40)),
                () -> "room for \"" + error.message() + "\": " + width);
        fit.measuredWith(METRICS);
        shown.add(error);
        int counted = fit.widestProperty().get();
        for (int i = 0; i < 1_000; i++) {
            ingest.onEvent(refused());
        }
        assertEquals(width, RowFit.width(error, ViewMode.TEXT, METRICS), "the same width with a larger count");
        shown.clear();
        assertEquals(0, fit.widestProperty().get(), "and gone as counted");
        assertTrue(counted > 0);
    }

    private static SessionEvent refused() {
        return new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.CONNECTION_REFUSED, PEER, "", 7);
    }

    private int expectedWidest() {
        int widest = 0;
        for (LogEntry row : shown) {
            int width = RowFit.width(row, mode.get(), METRICS);
            if (width == RowFit.NEVER) {
                return RowFit.NEVER;
            }
            widest = Math.max(widest, (width / RowFit.BUCKET + 1) * RowFit.BUCKET);
        }
        return widest;
    }

    private List<LogEntry> randomRows(int count) {
        return java.util.stream.Stream.generate(this::randomRow).limit(count).toList();
    }

    private LogEntry randomRow() {
        return random.nextInt(5) == 0
                ? LogEntry.event(0, LogEntry.Kind.INFO, "127.0.0.1:" + random.nextInt(65536), randomWord())
                : data(randomText());
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private String randomWord() {
        return "connected ".repeat(1 + random.nextInt(4));
    }

    /** A datagram's row, made as the log makes it. */
    private static LogEntry data(String text) {
        List<LogEntry> made = new ArrayList<>();
        LogIngest ingest = new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, made::add,
                LogIngest.Boundaries.DATAGRAM, false);
        ingest.onEvent(new SessionEvent.Data(0, Direction.RX, PEER, text.getBytes(StandardCharsets.UTF_8)));
        return made.get(made.size() - 1);
    }

    private static double peerWidth(String peer) {
        return widthOf(peer);
    }

    private static double widthOf(String shown) {
        double width = 0;
        for (char c : shown.toCharArray()) {
            width += c < LATIN.length ? LATIN[c] : WIDE;
        }
        return width;
    }
}
