package io.socketdeck.ui.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Finds what a user would see cut: a control with an automation id that sticks out of any of its
 * ancestors or of the window, two such controls on top of each other, a label or button whose
 * text ends in an ellipsis it does not have, a field too narrow for its hint. FX thread.
 */
public final class LayoutCheck {

    /** Sub-pixel rounding of layout; anything bigger is a real overhang. */
    private static final double TOLERANCE = 1.0;

    private final Scene scene;
    private final List<String> problems = new ArrayList<>();

    private LayoutCheck(Scene scene) {
        this.scene = scene;
    }

    /** Every problem in the window as it is laid out now, each as one line naming the node. */
    public static List<String> problems(Scene scene) {
        LayoutCheck check = new LayoutCheck(scene);
        check.run();
        return check.problems;
    }

    /**
     * Lays {@code scene} out now and says each of the nodes {@code ids} ({@code "#clientSend"})
     * that does not lie across the window's width, with its bounds; empty when all do. FX thread.
     */
    public static List<String> outsideWindowWidth(Scene scene, String... ids) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        List<String> outside = new ArrayList<>();
        for (String id : ids) {
            Bounds bounds = sceneBounds(scene.lookup(id));
            if (!inside(bounds, window, true)) {
                outside.add(id + " " + format(bounds) + " does not lie in the window, " + scene.getWidth() + " px wide");
            }
        }
        return outside;
    }

    private void run() {
        List<Node> controls = new ArrayList<>();
        collect(scene.getRoot(), controls);
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        for (Node node : controls) {
            Bounds bounds = sceneBounds(node);
            if (bounds.getWidth() <= 0 && hasContent(node)) {
                problems.add(name(node) + " is squeezed to nothing");
                continue;
            }
            if (!inside(bounds, window, false)) {
                problems.add(name(node) + " " + format(bounds) + " is outside the window " + format(window));
                continue;
            }
            for (Parent ancestor = node.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
                boolean virtual = ancestor instanceof ListView<?> || ancestor instanceof TableView<?>;
                if (!inside(bounds, sceneBounds(ancestor), virtual)) {
                    problems.add(name(node) + " " + format(bounds) + " sticks out of " + name(ancestor) + " "
                            + format(sceneBounds(ancestor)));
                    break;
                }
            }
        }
        for (int i = 0; i < controls.size(); i++) {
            for (int j = i + 1; j < controls.size(); j++) {
                Node a = controls.get(i);
                Node b = controls.get(j);
                if (isAncestor(a, b) || isAncestor(b, a)) {
                    continue;
                }
                Bounds overlap = intersection(sceneBounds(a), sceneBounds(b));
                if (overlap != null && overlap.getWidth() > TOLERANCE && overlap.getHeight() > TOLERANCE) {
                    problems.add(name(a) + " and " + name(b) + " overlap by " + format(overlap));
                }
            }
        }
        checkTexts(scene.getRoot());
    }

    /** Visible nodes with an automation id, outside popups. */
    private void collect(Node node, List<Node> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collectScrolled(scroll, into);
            return;
        }
        if (node instanceof javafx.scene.control.IndexedCell<?>) {
            return; // a row of a list or table may be half scrolled out; its text is checked apart
        }
        if (node.getId() != null && node.getId().matches("[a-z][A-Za-z0-9]*") && node instanceof Control) {
            into.add(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    /**
     * In a scroll pane, a control scrolled partly or wholly out of its viewport is where the user
     * scrolls to, not cut: only those in view are checked like the others. Every one must fit
     * across, as the pane scrolls only up and down.
     */
    private void collectScrolled(ScrollPane scroll, List<Node> into) {
        if (scroll.getId() != null && scroll.getId().matches("[a-z][A-Za-z0-9]*")) {
            into.add(scroll);
        }
        List<Node> inside = new ArrayList<>();
        collect(scroll.getContent(), inside);
        Bounds view = sceneBounds(scroll);
        for (Node node : inside) {
            Bounds bounds = sceneBounds(node);
            if (!inside(bounds, view, true)) {
                problems.add(name(node) + " " + format(bounds) + " sticks out of " + name(scroll) + " " + format(view));
            } else if (inside(bounds, view, false)) {
                into.add(node);
            }
        }
    }

    /**
     * Labels, buttons and table cells whose text is cut, fields whose hint is cut; not inside
     * lists (the log's and the quick commands' previews are cut on purpose).
     */
    private void checkTexts(Node node) {
        if (!node.isVisible() || node instanceof ListView<?>) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String shown = shownText(labeled);
            if (shown != null && !shown.equals(labeled.getText()) && !labeled.getText().endsWith("\u2026")
                    && shown.endsWith(labeled.getEllipsisString())) {
                problems.add(name(node) + " shows \"" + shown + "\" of \"" + labeled.getText() + "\"");
            }
        }
        if (node instanceof TextInputControl field && field.getPromptText() != null && !field.getPromptText().isEmpty()
                && (field.getText() == null || field.getText().isEmpty()) && !(field.getParent() instanceof ComboBoxBase<?>)) {
            Text measure = new Text(field.getPromptText());
            measure.setFont(field.getFont());
            double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
            if (field instanceof javafx.scene.control.TextField && measure.getLayoutBounds().getWidth() > room + TOLERANCE) {
                problems.add(name(node) + " cuts its hint \"" + field.getPromptText() + "\" (" + Math.round(measure.getLayoutBounds().getWidth())
                        + " px in " + Math.round(room) + ")");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                checkTexts(child);
            }
        }
    }

    /** The text the skin draws for {@code labeled}, or null before it has one. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }

    private static boolean hasContent(Node node) {
        return node instanceof Labeled labeled ? labeled.getText() != null && !labeled.getText().isEmpty()
                || labeled.getGraphic() != null : !(node instanceof Region region) || region.getMinWidth() != 0;
    }

    private static boolean inside(Bounds inner, Bounds outer, boolean acrossOnly) {
        boolean across = inner.getMinX() >= outer.getMinX() - TOLERANCE && inner.getMaxX() <= outer.getMaxX() + TOLERANCE;
        boolean down = inner.getMinY() >= outer.getMinY() - TOLERANCE && inner.getMaxY() <= outer.getMaxY() + TOLERANCE;
        return across && (acrossOnly || down);
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX > minX && maxY > minY ? new BoundingBox(minX, minY, maxX - minX, maxY - minY) : null;
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String format(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private static String name(Node node) {
        if (node.getId() != null) {
            return "#" + node.getId();
        }
        String text = node instanceof Labeled labeled ? " \"" + labeled.getText() + "\"" : "";
        Node owner = node;
        while (owner != null && owner.getId() == null) {
            owner = owner.getParent();
        }
        return node.getClass().getSimpleName() + text + (owner == null ? "" : " in #" + owner.getId());
    }
}
