package io.socketdeck.ui.tab;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where the user left the dividers of a tab's split panes (between the log and the send box, and
 * beside a server's clients or the relay's connections), kept by the tab's model so that a view
 * built again around it (a language switch) puts them back rather than where a new view starts.
 * One array of positions per split pane, in the view's order (outer before inner), which every
 * build of one kind of view shares. Not kept across restarts. FX thread.
 */
final class DividerPlaces {

    /** Asks the view in the window now where its dividers are; null until a view is bound. */
    private Supplier<List<double[]>> shown = () -> null;
    private List<double[]> kept;

    /** {@code view} is the tab's view now: {@link #keep} asks it. */
    void shownBy(Supplier<List<double[]>> view) {
        shown = view;
    }

    /**
     * Notes where the view's dividers are now, before the views are built again. The view is
     * asked no more: it is being replaced, and a tab not in front builds its next one only when
     * shown, so holding on to it here would keep the whole old window alive until then.
     */
    void keep() {
        List<double[]> now = shown.get();
        if (now != null) {
            kept = now;
        }
        shown = () -> null;
    }

    /** Where the last view's dividers were when kept, once (the view built next shows them); null if none. */
    List<double[]> takeKept() {
        List<double[]> last = kept;
        kept = null;
        return last;
    }
}
