package io.socketdeck.ui.log;

import io.socketdeck.core.log.LogEntry;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Where the user is in a log, kept by the log's model so that a view built again around it (a
 * language switch) shows the same: whether it follows the newest row, the row at its top, the
 * rows selected. Rows are kept, not their numbers: a view built later (a tab shown after the
 * switch) finds them wherever the rows that came and went since have moved them. FX thread.
 */
public final class LogPlace {

    /** The row at the top of the view (null: none shown yet) and the rows selected, in order. */
    record Kept(LogEntry top, List<LogEntry> selected) {
    }

    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    /** Asks the view in the window now where it is; null until a view is bound. */
    private Supplier<Kept> shown = () -> null;
    private Kept kept;

    /** Auto-scroll: the view keeps the newest row in sight. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** {@code view} is the log's view now: {@link #keep} asks it. */
    void shownBy(Supplier<Kept> view) {
        shown = view;
    }

    /**
     * Notes where the view is now, before the views are built again. The view is asked no more:
     * it is being replaced, and holding on to it would keep the old window alive until a tab not
     * in front is shown again and builds its next one.
     */
    public void keep() {
        Kept now = shown.get();
        if (now != null) {
            kept = now;
        }
        shown = () -> null;
    }

    /** Where the last view was when kept, once (the view built next shows it); null if nothing was kept. */
    Kept takeKept() {
        Kept last = kept;
        kept = null;
        return last;
    }
}
