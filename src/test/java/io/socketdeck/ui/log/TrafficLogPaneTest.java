package io.socketdeck.ui.log;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.LogExport;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The log's own tools, driven through the client tab against a real echo peer. */
@ExtendWith(ApplicationExtension.class)
class TrafficLogPaneTest {

    private MainWindow window;
    private TcpClientViewModel client;
    private EchoPeer peer;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
    }

    @BeforeEach
    void connect(FxRobot robot) throws Exception {
        this.robot = robot;
        peer = EchoPeers.tcp();
        runFx(() -> {
            client.portProperty().set(Integer.toString(peer.port()));
            client.connect();
        });
        awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
        peer.close();
    }

    private void sendAndAwaitEcho(String text) {
        sendAndAwaitEcho(text, text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Types {@code text}, sends it, and waits for the echo of the {@code bytes} it sends. */
    private void sendAndAwaitEcho(String text, int bytes) {
        TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
        long before = onFx(() -> client.traffic().counters().rxBytesProperty().get());
        runFx(() -> input.setText(text));
        click(robot, "#clientSend");
        long expected = before + bytes;
        awaitFx(() -> client.traffic().counters().rxBytesProperty().get() == expected, "echo of " + text);
    }

    private List<String> shownData() {
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        return onFx(() -> log.getItems().stream().filter(LogEntry::isData).map(e -> e.kind() + " " + e.text()).toList());
    }

    /**
     * Auto-scroll keeps the newest row wholly in view at the bottom, batch after batch, with rows of
     * one line and rows that wrap to several mixed (the list only estimates heights it has not measured).
     */
    @Test
    void autoScrollKeepsTheNewestRowWhollyInViewUnderRowsOfMixedHeights() {
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        String wrapped = "a long row that wraps ".repeat(40);
        for (int batch = 0; batch < 6; batch++) {
            int first = batch * 50;
            runFx(() -> {
                for (int i = first; i < first + 50; i++) {
                    client.traffic().log().note(LogEntry.Kind.INFO, i % 7 == 3 ? i + " " + wrapped : "row " + i);
                }
            });
            int size = onFx(() -> log.getItems().size());
            awaitFx(() -> log.getItems().size() == size && FxTesting.lastRowWhollyAtTheBottom(log), () -> "after batch " + first / 50 + ": the newest row in view");
        }
    }

    @Test
    void theFilterShowsOnlyMatchingRows() {
        sendAndAwaitEcho("alpha");
        sendAndAwaitEcho("beta");
        sendAndAwaitEcho("gamma");
        awaitFx(() -> shownData().size() == 6, () -> "six rows: " + shownData());

        click(robot, "#clientFilter").write("ALP");
        awaitFx(() -> shownData().equals(List.of("TX alpha", "RX alpha")), () -> "text filter: " + shownData());
        assertEquals("Filter: 2 of 7 rows", onFx(() -> FxTesting.lookup(robot, "#clientFilterCount")
                .queryAs(Label.class).getText()));

        TextField filter = FxTesting.lookup(robot, "#clientFilter").queryAs(TextField.class);
        click(robot, "#clientFilterHex");
        runFx(() -> filter.setText("62 65"));
        awaitFx(() -> shownData().equals(List.of("TX beta", "RX beta")), () -> "hex filter: " + shownData());

        runFx(() -> filter.setText("6G"));
        awaitFx(() -> shownData().isEmpty(), "bad hex shows nothing");
        assertTrue(onFx(() -> Tips.getText(FxTesting.lookup(robot, "#clientFilter").queryAs(TextField.class)))
                .startsWith("Not a hex digit"));

        runFx(() -> filter.setText(""));
        awaitFx(() -> shownData().size() == 6, "no filter, all rows");
    }

    /** The payload texts shown in the log's cells, with their fonts. */
    private List<javafx.scene.text.Text> shownPayloads() {
        return onFx(() -> FxTesting.lookup(robot, "#clientLog").queryAs(ListView.class).lookupAll(".log-payload .text")
                .stream()
                .filter(node -> FxTesting.isShown(node) && node instanceof javafx.scene.text.Text text
                        && !text.getText().isEmpty())
                .map(javafx.scene.text.Text.class::cast).toList());
    }

    @Test
    void hexViewsAreFixedWidthSoADumpLinesUpAndTextIsWhenAskedFor() {
        sendAndAwaitEcho("AB");
        sendAndAwaitEcho("ABCDEFGHIJKLMNOPQRSTUVWXYZ"); // two dump lines, the second shorter
        click(robot, "#clientDumpView");
        awaitFx(() -> shownPayloads().stream().anyMatch(text -> text.getText().contains("|AB|")), "the dump shown");
        List<String> families = onFx(() -> shownPayloads().stream().map(text -> text.getFont().getFamily()).distinct().toList());
        assertEquals(List.of("Monospaced"), families, "hex and dump are fixed-width");
        // Every line's ASCII column starts at the same x, as in hexdump -C.
        List<Double> asciiColumns = onFx(() -> {
            List<Double> xs = new java.util.ArrayList<>();
            for (javafx.scene.text.Text text : shownPayloads()) {
                for (String line : text.getText().split("\n")) {
                    int bar = line.indexOf('|');
                    if (bar > 0) {
                        javafx.scene.text.Text before = new javafx.scene.text.Text(line.substring(0, bar));
                        before.setFont(text.getFont());
                        xs.add(Math.rint(before.getLayoutBounds().getWidth() * 10) / 10);
                    }
                }
            }
            return xs;
        });
        assertTrue(asciiColumns.size() >= 4, asciiColumns.toString());
        assertEquals(1, asciiColumns.stream().distinct().count(), "ASCII columns at " + asciiColumns);

        click(robot, "#clientTextView");
        awaitFx(() -> shownPayloads().stream().noneMatch(text -> text.getText().contains("|")), "text again");
        assertTrue(onFx(() -> shownPayloads().stream().noneMatch(text -> text.getFont().getFamily().equals("Monospaced"))),
                "text in the UI font by default");
        runFx(() -> window.viewOptions().monospaceTextProperty().set(true));
        awaitFx(() -> shownPayloads().stream().allMatch(text -> text.getFont().getFamily().equals("Monospaced")),
                "View > Fixed-width text: text too");
    }

    @Test
    void pauseHoldsTheViewButKeepsCounting() {
        sendAndAwaitEcho("one");
        click(robot, "#clientPause");
        int rowsWhilePaused = onFx(() -> client.traffic().log().shownEntries().size());
        sendAndAwaitEcho("two");
        assertEquals(rowsWhilePaused, onFx(() -> client.traffic().log().shownEntries().size()), "the view stands still");
        awaitFx(() -> client.traffic().log().heldCountProperty().get() == 2, "two rows held");
        assertEquals("Paused: 2 new rows wait", onFx(() -> FxTesting.lookup(robot, "#clientHeld").queryAs(Label.class)
                .getText()));
        assertEquals(6, onFx(() -> client.traffic().counters().rxBytesProperty().get()), "counted while paused");
        click(robot, "#clientPause");
        awaitFx(() -> shownData().equals(List.of("TX one", "RX one", "TX two", "RX two")), () -> "resumed: " + shownData());
    }

    @Test
    void copyPutsTheSelectedRowsWholeOnTheClipboard() {
        sendAndAwaitEcho("x".repeat(TrafficLog.PREVIEW_CHARS + 50));
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        runFx(() -> {
            log.getSelectionModel().clearSelection();
            for (int i = 0; i < log.getItems().size(); i++) {
                if (log.getItems().get(i).kind() == LogEntry.Kind.RX) {
                    log.getSelectionModel().select(i);
                }
            }
        });
        click(robot, "#clientCopy");
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains(" RX 127.0.0.1:" + peer.port() + " " + "x".repeat(TrafficLog.PREVIEW_CHARS + 50)),
                "the whole payload, not the preview: " + copied.length() + " chars");
        assertFalse(copied.contains(" TX "), "only the selected rows");
    }

    @Test
    void saveWritesEveryRowAsCsv(@TempDir Path dir) throws Exception {
        sendAndAwaitEcho("hello, \"world\"");
        // The counters come on every pulse, the rows when the pump's budget lets them: save once the row is in.
        awaitFx(() -> client.traffic().log().entries().stream().filter(entry -> entry.kind() == LogEntry.Kind.RX)
                .map(LogEntry::text).collect(Collectors.joining()).endsWith("hello, \"world\""), "the echo's row");
        Path file = dir.resolve("log.csv");
        var task = onFx(() -> client.traffic().log().saveAs(file, LogExport.Format.CSV));
        awaitFx(task::isDone, "saved");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("time,direction,peer,bytes,text,hex", lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.contains(",RX,127.0.0.1:" + peer.port()
                + ",14,\"hello, \"\"world\"\"\",68 65 6C 6C 6F 2C 20 22 77 6F 72 6C 64 22")), String.join("\n", lines));
        awaitFx(() -> client.traffic().log().entries().stream().anyMatch(e -> e.message() != null && e.message().startsWith("Saved ")),
                "the log says where it was saved");
    }

    @Test
    void timestampsCanBeHidden() {
        sendAndAwaitEcho("t");
        awaitFx(() -> FxTesting.lookup(robot, ".log-time").queryAll().stream().anyMatch(FxTesting::isShown),
                "times shown");
        click(robot, "#clientTimestamps");
        awaitFx(() -> FxTesting.lookup(robot, ".log-time").queryAll().stream().noneMatch(FxTesting::isShown),
                "times hidden");
    }

    @Test
    void oneLineRowsHaveAFixedHeightThatFitsChineseTextAndOtherViewsMeasureTheirRows() {
        sendAndAwaitEcho("Ag 你好，设备");
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        runFx(() -> client.traffic().log().wrapProperty().set(false));
        double fixed = onFx(log::getFixedCellSize);
        assertTrue(fixed > 0, "text without wrap: one fixed height, " + fixed);
        double tallest = onFx(() -> FxTesting.lookup(robot, ".log-cell").queryAll().stream()
                .filter(cell -> ((LogCell) cell).getItem() != null)
                .mapToDouble(cell -> measured((LogCell) cell)).max().orElse(0));
        assertTrue(tallest > 0 && fixed >= tallest, "the fixed height " + fixed + " fits the tallest row " + tallest);
        runFx(() -> window.viewOptions().zoomProperty().set(150));
        awaitFx(() -> log.getFixedCellSize() > fixed * 1.3, "zoomed in: taller rows, " + onFx(log::getFixedCellSize));
        runFx(() -> window.viewOptions().zoomProperty().set(100));

        runFx(() -> client.traffic().log().viewModeProperty().set(io.socketdeck.core.log.ViewMode.DUMP));
        assertTrue(onFx(log::getFixedCellSize) <= 0, "a dump is several lines: heights measured");
        runFx(() -> client.traffic().log().viewModeProperty().set(io.socketdeck.core.log.ViewMode.HEX));
        assertTrue(onFx(log::getFixedCellSize) > 0, "hex without wrap is one line again");
        runFx(() -> client.traffic().log().wrapProperty().set(true));
        assertTrue(onFx(log::getFixedCellSize) > 0, "wrap on, every row fitting one line: the same fixed height");
        runFx(() -> client.traffic().log().note(LogEntry.Kind.INFO, "a long row that wraps ".repeat(40)));
        awaitFx(() -> log.getFixedCellSize() <= 0, "a row that wraps: heights measured");
        runFx(() -> client.traffic().log().clear());
        awaitFx(() -> log.getFixedCellSize() > 0, "the long row gone: one fixed height again");
    }

    /**
     * With wrap on, the list keeps its one fixed height only while every row it shows is one line at
     * its width: rows of wide Latin letters, CJK, tabs and escaped control bytes, each longer than
     * the one before until the list measures heights again; while it did not, no row needed more.
     */
    @Test
    void wrappedRowsKeepTheFixedHeightOnlyWhileEachIsOneLine() {
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        // What is typed for one character of each kind, and the bytes it sends: the control byte
        // typed as an escape (a text box drops control characters), shown in the row as \x01.
        List<String> typed = List.of("W", "中", "\t", "\\x01", "é");
        List<Integer> bytes = List.of(1, 3, 1, 1, 2);
        for (int kind = 0; kind < typed.size(); kind++) {
            String unit = typed.get(kind);
            boolean escaped = unit.startsWith("\\");
            runFx(() -> {
                client.traffic().log().clear();
                client.traffic().sendBox().escapesProperty().set(escaped);
            });
            awaitFx(() -> log.getFixedCellSize() > 0, "an empty log: one fixed height");
            int length = 4;
            while (onFx(log::getFixedCellSize) > 0) {
                int count = length;
                assertTrue(count < 400, () -> "rows of " + unit + " never too wide");
                sendAndAwaitEcho("<" + unit.repeat(count) + ">", 2 + count * bytes.get(kind));
                double fixed = onFx(log::getFixedCellSize);
                if (fixed > 0) {
                    awaitFx(() -> newestRowShown(log), () -> "the newest row in view: " + count + " × " + unit);
                    double tallest = onFx(() -> FxTesting.lookup(robot, ".log-cell").queryAll().stream()
                            .filter(cell -> ((LogCell) cell).getItem() != null)
                            .mapToDouble(cell -> measured((LogCell) cell)).max().orElse(0));
                    assertTrue(tallest <= fixed, () -> "rows of " + count + " × " + unit + " keep the fixed height "
                            + fixed + ": each one line, not " + tallest);
                }
                length += 4;
            }
        }
    }

    /** Whether the list has a cell for its newest row. FX thread. */
    private static boolean newestRowShown(ListView<LogEntry> list) {
        return list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getLastVisibleCell() != null && flow.getLastVisibleCell().getIndex() == list.getItems().size() - 1;
    }

    /** What {@code cell}'s row needs without a fixed size: its content's height plus its insets. */
    private static double measured(LogCell cell) {
        javafx.scene.Node row = cell.getGraphic();
        return row == null ? 0
                : cell.snappedTopInset() + row.prefHeight(row.getLayoutBounds().getWidth()) + cell.snappedBottomInset();
    }
}
