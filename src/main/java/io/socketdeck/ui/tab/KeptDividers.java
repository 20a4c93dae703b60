package io.socketdeck.ui.tab;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;

/**
 * A tab's view and the {@link DividerPlaces} its model keeps: the view puts its dividers where the
 * user left them in the view it replaces, and tells where they are whenever the views are built
 * again. Put back before the view's first layout, which is at its size in the window: a split
 * pane keeps them then, moving one only where a side would be under its minimum (a label longer
 * in the new language), as {@code FittingSplitPane} always does.
 */
final class KeptDividers {

    private KeptDividers() {
    }

    static void bind(DividerPlaces places, Node view) {
        List<SplitPane> splits = new ArrayList<>();
        collect(view, splits);
        List<double[]> kept = places.takeKept();
        if (kept != null && kept.size() == splits.size()) {
            for (int i = 0; i < splits.size(); i++) {
                if (splits.get(i).getDividers().size() == kept.get(i).length) {
                    splits.get(i).setDividerPositions(kept.get(i));
                }
            }
        }
        places.shownBy(() -> splits.stream().map(SplitPane::getDividerPositions).toList());
    }

    /** The split panes in {@code node}, outer before inner; a split pane's sides are its items until it is skinned. */
    private static void collect(Node node, List<SplitPane> into) {
        if (node instanceof SplitPane split) {
            into.add(split);
            split.getItems().forEach(item -> collect(item, into));
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }
}
