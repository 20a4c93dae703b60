package io.socketdeck.ui.fx;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Lays out the cells a list shows right after it scrolled to follow its tail, so that the pulse's
 * layout pass does not style every shown row a second time.
 *
 * <p>Why: the scroll ({@code ListView.scrollTo}) has JavaFX's {@code VirtualFlow} give its shown
 * cells their new rows at once, sizing them but leaving each cell's own layout to the pass. The
 * pass then lays out the flow again and hands each shown cell its row once more; a cell that
 * still needs layout is styled again there (a CSS pass over the whole row), one that does not is
 * left as it is. With the cells laid out here (work the pass would do anyway) it styles none of
 * them. That is what a flood does once the log is at its limit, rows leaving at the top as fast
 * as they come; while the list grows the pass scrolls it further and its cells take new rows
 * anyway. Bench group {@code ui}, the client flood, profiled twice: the FX thread's CPU over its
 * 25 s 3.6 and 4.7 s instead of 4.2 and 5.3 s, CSS on rows 0.18 and 0.26 s instead of 0.41 and
 * 0.68 s.
 */
public final class ShownCells {

    private ShownCells() {
    }

    /** Lays out each cell {@code list} shows that still needs it; nothing when it has no flow yet. FX thread. */
    public static void layOut(ListView<?> list) {
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
