package io.socketdeck.ui.fx;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Lays out the cells a list shows right after it scrolled to follow its tail, when that keeps the
 * pulse's layout pass from styling every shown row a second time.
 *
 * <p>Why: the scroll ({@code ListView.scrollTo}) has JavaFX's {@code VirtualFlow} give its shown
 * cells their new rows at once, sizing them but leaving each cell's own layout to the pass. The
 * pass then lays out the flow again and hands each shown cell its row once more; a cell that
 * still needs layout is styled again there (a CSS pass over the whole row), one that does not is
 * left as it is. With the cells laid out here (work the pass would do anyway) it styles none of
 * them. That holds while rows leave at the top as fast as they come, as in a flood once the log
 * is at its limit. While the list grows the pass scrolls the flow further and its cells take
 * other rows anyway: laying them out here would be work thrown away, so it is left to the pass.
 * Bench group {@code ui}, the client flood, profiled twice: the FX thread's CPU over its 25 s
 * 3.6 and 4.7 s instead of 4.2 and 5.3 s, CSS on rows 0.18 and 0.26 s instead of 0.41 and 0.68 s.
 */
public final class ShownCells {

    private final ListView<?> list;
    /** The rows the list had when it last followed its tail; -1 before. */
    private int rowsBefore = -1;

    public ShownCells(ListView<?> list) {
        this.list = list;
    }

    /** The list has just scrolled to its last row: lays out its shown cells unless it grew. FX thread. */
    public void scrolledToTail() {
        int rows = list.getItems().size();
        if (rows <= rowsBefore) {
            layOutShownCells();
        }
        rowsBefore = rows;
    }

    /** Lays out each cell the list shows that still needs it; nothing when it has no flow yet. */
    private void layOutShownCells() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return;
        }
        for (int index = first.getIndex(); index <= last.getIndex(); index++) {
            IndexedCell<?> cell = flow.getVisibleCell(index);
            if (cell != null && cell.isNeedsLayout()) {
                cell.layout();
            }
        }
    }
}
