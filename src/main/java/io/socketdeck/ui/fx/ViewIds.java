package io.socketdeck.ui.fx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Accordion;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeTableView;

/**
 * Automation ids of a second, third... view of one kind: the same ids as the first one's with the
 * view's number appended ({@code clientHost} becomes {@code clientHost2}; an id that already ends
 * in a digit gets an underscore first, {@code clientQuickSend1} becomes {@code clientQuickSend1_2},
 * so no two ids of the window can meet).
 *
 * <p>{@link #number} renames a view once it is built, everything it holds: its nodes, also those
 * a skin would only show later (scroll and split panes' contents, tabs, titled panes, tool bars,
 * table columns, whose headers take their ids),
 * its menu buttons' and context menus' items, and what it shows in popups it registered with
 * {@link #detached}. Ids given later (a list's cells) take the view's number with {@link #late}.
 */
public final class ViewIds {

    private static final String NUMBER = "socketdeck.viewNumber";
    private static final String DETACHED = "socketdeck.detachedContent";

    private ViewIds() {
    }

    /** {@code id} in view number {@code number}: unchanged for the first. */
    public static String numbered(String id, int number) {
        if (number <= 1 || id == null || id.isEmpty()) {
            return id;
        }
        return Character.isDigit(id.charAt(id.length() - 1)) ? id + "_" + number : id + number;
    }

    /** Gives every id in {@code view} its number (nothing for the first view). FX thread, before it is shown. */
    public static void number(Node view, int number) {
        if (number <= 1) {
            return;
        }
        view.getProperties().put(NUMBER, number);
        new Walk(number).node(view);
    }

    /** {@code id} numbered as the view that holds {@code node} is: for ids given after the view was built. */
    public static String late(Node node, String id) {
        return numbered(id, numberOf(node));
    }

    /** The number of the view that holds {@code node}: 1 for a first view, or a node in none. */
    private static int numberOf(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getProperties().get(NUMBER) instanceof Integer number) {
                return number;
            }
        }
        return 1;
    }

    /**
     * Records that {@code owner} shows {@code content} outside the scene graph (in a popup), so
     * {@link #number} reaches it; content recorded after its view was numbered is numbered now.
     */
    public static void detached(Node owner, Node content) {
        @SuppressWarnings("unchecked")
        List<Node> contents = (List<Node>) owner.getProperties().computeIfAbsent(DETACHED, key -> new ArrayList<Node>());
        contents.add(content);
        number(content, numberOf(owner)); // made after its view was numbered (a popup made when first opened)
    }

    /** One renaming pass; each node and item once, however many ways lead to it. */
    private static final class Walk {
        private final int number;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(int number) {
            this.number = number;
        }

        void node(Node node) {
            if (node == null || !seen.add(node)) {
                return;
            }
            node.setId(numbered(node.getId(), number));
            if (node.getProperties().get(DETACHED) instanceof List<?> contents) {
                contents.forEach(content -> node((Node) content));
            }
            if (node instanceof Parent parent) {
                parent.getChildrenUnmodifiable().forEach(this::node);
            }
            if (node instanceof Control control) {
                contextMenu(control.getContextMenu());
            }
            if (node instanceof Labeled labeled) {
                node(labeled.getGraphic());
            }
            unskinnedContent(node);
        }

        /** What a control holds but shows only once skinned: not yet among its children. */
        private void unskinnedContent(Node node) {
            if (node instanceof ScrollPane scroll) {
                node(scroll.getContent());
            } else if (node instanceof SplitPane split) {
                split.getItems().forEach(this::node);
            } else if (node instanceof TabPane tabs) {
                tabs.getTabs().forEach(this::tab);
            } else if (node instanceof TitledPane titled) {
                node(titled.getContent());
            } else if (node instanceof Accordion accordion) {
                accordion.getPanes().forEach(this::node);
            } else if (node instanceof ToolBar bar) {
                bar.getItems().forEach(this::node);
            } else if (node instanceof MenuButton button) {
                button.getItems().forEach(this::item);
            } else if (node instanceof TableView<?> table) {
                table.getColumns().forEach(this::column);
            } else if (node instanceof TreeTableView<?> table) {
                table.getColumns().forEach(this::column);
            }
        }

        /** A column is no node, but its header, built by the skin, takes the column's id. */
        private void column(TableColumnBase<?, ?> column) {
            if (column == null || !seen.add(column)) {
                return;
            }
            column.setId(numbered(column.getId(), number));
            node(column.getGraphic());
            contextMenu(column.getContextMenu());
            column.getColumns().forEach(this::column);
        }

        private void tab(Tab tab) {
            if (seen.add(tab)) {
                tab.setId(numbered(tab.getId(), number));
                node(tab.getContent());
                node(tab.getGraphic());
                contextMenu(tab.getContextMenu());
            }
        }

        private void contextMenu(ContextMenu menu) {
            if (menu != null && seen.add(menu)) {
                menu.setId(numbered(menu.getId(), number));
                menu.getItems().forEach(this::item);
            }
        }

        private void item(MenuItem item) {
            if (item == null || !seen.add(item)) {
                return;
            }
            item.setId(numbered(item.getId(), number));
            node(item.getGraphic());
            if (item instanceof Menu menu) {
                menu.getItems().forEach(this::item);
            }
            if (item instanceof CustomMenuItem custom) {
                node(custom.getContent());
            }
        }
    }
}
