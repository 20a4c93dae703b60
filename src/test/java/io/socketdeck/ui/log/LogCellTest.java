package io.socketdeck.ui.log;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.ui.fx.UiTick;
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
}
