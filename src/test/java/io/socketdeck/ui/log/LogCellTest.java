package io.socketdeck.ui.log;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.ui.fx.UiTick;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** A log cell's own measure. */
@ExtendWith(ApplicationExtension.class)
class LogCellTest {

    /**
     * The list fills the room below its last row with new empty cells, measured before they are
     * styled, until they reach its bottom: a fresh empty cell must say it is a line high, or the
     * list makes hundreds (up to a second of the FX thread at a flood's start, bench group ui).
     */
    @Test
    void aFreshEmptyCellIsOneLineHigh() {
        double[] heights = onFx(() -> {
            LogCell cell = new LogCell(new TrafficLog(new UiTick()));
            cell.updateIndex(-1);
            Text line = new Text("Ag");
            line.setFont(cell.getFont());
            return new double[] {cell.prefHeight(400), line.getLayoutBounds().getHeight()};
        });
        assertTrue(heights[0] >= Math.floor(heights[1]), "empty cell " + heights[0] + " px, a line " + heights[1] + " px");
    }

    /**
     * A fresh cell with a row is as high as its text wrapped at the width it is given, and, given
     * none, as its text unwrapped. Measured at no width, its payload (its row's share: nothing)
     * wrapped at one pixel and measured thousands of pixels; once the list took that height for
     * its first row, it made 180 cells to fill the room and kept them all in the scene, each pulse
     * walking them (bench group tls-server, one run in two).
     */
    @Test
    void aFreshCellIsMeasuredAtTheWidthItIsGivenAndUnwrappedAtNone() {
        double[] heights = onFx(() -> {
            TrafficLog log = new TrafficLog(new UiTick());
            LogCell cell = new LogCell(log);
            cell.updateIndex(0);
            cell.updateItem(LogEntry.event(0, LogEntry.Kind.INFO, "127.0.0.1:5000",
                    "TLS with 127.0.0.1:5000: TLSv1.3, TLS_AES_256_GCM_SHA384, no ALPN, new session, 3 ms"), false);
            new Scene(new Group(cell));
            cell.applyCss(); // styled and skinned, as the list does before it measures a cell
            Text line = new Text("Ag");
            line.setFont(cell.getFont());
            return new double[] {cell.prefHeight(800), cell.prefHeight(-1), line.getLayoutBounds().getHeight()};
        });
        double lines = 4 * heights[2];
        assertTrue(heights[0] <= lines, "pref " + heights[0] + " px for about a line of text at 800 px");
        assertTrue(heights[1] <= lines, "pref " + heights[1] + " px for about a line of text at no given width");
    }

    /**
     * A row shows its round trip and its "more" only on the rows that have them; a cell makes
     * those parts for the first such row, not for every cell (a screenful of cells is made in the
     * first pulse of a flood), and keeps them, hidden, for the rows after it.
     */
    @Test
    void aCellMakesTheRarePartsOfARowWhenARowFirstNeedsThem() {
        List<List<String>> parts = onFx(() -> {
            LogCell cell = new LogCell(new TrafficLog(new UiTick()));
            cell.updateIndex(0);
            LogEntry plain = LogEntry.event(0, LogEntry.Kind.INFO, "127.0.0.1:5000", "connected");
            LogEntry detailed = LogEntry.event(0, LogEntry.Kind.INFO, "127.0.0.1:5000", "TLS", "chain");
            cell.updateItem(plain, false);
            List<String> lean = shownParts(cell);
            List<String> made = partsOf(cell);
            cell.updateItem(detailed, false);
            List<String> withMore = shownParts(cell);
            cell.updateItem(plain, false);
            return List.of(lean, made, withMore, shownParts(cell), partsOf(cell));
        });
        assertEquals(List.of("log-time", "log-badge", "log-peer", "log-payload"), parts.get(0), "a plain row");
        assertEquals(parts.get(0), parts.get(1), "nothing else made for it");
        assertEquals(List.of("log-time", "log-badge", "log-peer", "log-more", "log-payload"), parts.get(2),
                "a row with more to show: the mark before the payload");
        assertEquals(parts.get(0), parts.get(3), "the next plain row hides it");
        assertEquals(parts.get(2), parts.get(4), "and keeps it for the next row that has more");
    }

    private static List<String> partsOf(LogCell cell) {
        return ((javafx.scene.Parent) cell.getGraphic()).getChildrenUnmodifiable().stream()
                .map(LogCellTest::ownClass).toList();
    }

    private static List<String> shownParts(LogCell cell) {
        return ((javafx.scene.Parent) cell.getGraphic()).getChildrenUnmodifiable().stream()
                .filter(Node::isVisible).map(LogCellTest::ownClass).toList();
    }

    /** A part's own style class: the last, after JavaFX's ("label"). */
    private static String ownClass(Node node) {
        return node.getStyleClass().get(node.getStyleClass().size() - 1);
    }
}
