package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** A second view's ids: every one numbered, also where no skin has shown it yet. */
@ExtendWith(ApplicationExtension.class)
class ViewIdsTest {

    @Test
    void theNumberGoesAfterTheIdAndAfterAnUnderscoreWhenItEndsInADigit() {
        assertEquals("clientHost", ViewIds.numbered("clientHost", 1));
        assertEquals("clientHost2", ViewIds.numbered("clientHost", 2));
        assertEquals("clientQuickSend1_2", ViewIds.numbered("clientQuickSend1", 2));
        assertEquals("clientHost12", ViewIds.numbered("clientHost", 12));
    }

    @Test
    void everyIdOfAViewIsNumberedIncludingMenusTabsTableColumnsScrolledContentAndPopups() {
        List<String> ids = onFx(() -> {
            TextField inScroll = node(new TextField(), "host");
            TextField inSplit = node(new TextField(), "port");
            TextField inTab = node(new TextField(), "input");
            Label inPopup = node(new Label(), "tlsStatus");
            Button withMenu = node(new Button(), "send");
            MenuItem contextItem = new MenuItem();
            contextItem.setId("copy");
            withMenu.setContextMenu(new ContextMenu(contextItem));
            MenuItem moreItem = new MenuItem();
            moreItem.setId("export");
            MenuButton more = node(new MenuButton(null, null, moreItem), "more");
            TableColumn<String, String> group = new TableColumn<>("group");
            group.setId("addresses");
            TableColumn<String, String> nested = new TableColumn<>("nested");
            nested.setId("rxColumn");
            group.getColumns().add(nested);
            TableView<String> table = node(new TableView<>(), "clients");
            table.getColumns().add(group);
            Tab tab = new Tab("t", inTab);
            tab.setId("side");
            VBox view = node(new VBox(new ScrollPane(inScroll), new SplitPane(inSplit), new TabPane(tab), withMenu, more,
                    table),
                    "view");
            ViewIds.detached(view, inPopup);
            ViewIds.number(view, 3);
            Label late = new Label();
            return List.of(view.getId(), inScroll.getId(), inSplit.getId(), tab.getId(), inTab.getId(),
                    inPopup.getId(), withMenu.getId(), contextItem.getId(), more.getId(), moreItem.getId(),
                    table.getId(), group.getId(), nested.getId(),
                    ViewIds.late(view, "quickSend1"), String.valueOf(ViewIds.late(late, "alone")));
        });
        assertEquals(List.of("view3", "host3", "port3", "side3", "input3", "tlsStatus3", "send3", "copy3", "more3",
                "export3", "clients3", "addresses3", "rxColumn3", "quickSend1_3", "alone"), ids);
    }

    private static <T extends javafx.scene.Node> T node(T node, String id) {
        node.setId(id);
        return node;
    }
}
