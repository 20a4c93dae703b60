package io.socketdeck.ui.app;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.StateStyles;
import io.socketdeck.ui.tab.TabKind;
import io.socketdeck.ui.tab.TabModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's tab pane and status pills, kept in step with the window's list of tabs: a tab
 * opened, closed or moved there shows here; a tab dragged here moves there. Each tab can be
 * renamed (double-click its title, or its context menu) and closed (its close button or context
 * menu; after a confirmation while it is connected, listening or open). The last tab has no close
 * button: a window always has a tab.
 */
final class TabStrip {

    private final TabPane pane;
    private final StackPane statuses;
    private final MainWindow window;
    private final Consumer<TabModel> showStatus;
    private final Function<WindowTab, Node> views;
    private final Map<WindowTab, Tab> shown = new IdentityHashMap<>();
    private final Map<WindowTab, Label> pills = new IdentityHashMap<>();
    /** True while this strip changes the pane itself: the pane's changes then are not the user's. */
    private boolean syncing;
    /** The view of the tab in front at the window's start, built off the FX thread; null when none. */
    private ViewInAdvance advance;

    /**
     * @param views      builds a tab's view, the first time the tab is shown
     * @param showStatus shows the rates of the tab in front (null: none)
     */
    TabStrip(TabPane pane, StackPane statuses, MainWindow window, Function<WindowTab, Node> views,
             Consumer<TabModel> showStatus) {
        this.pane = pane;
        this.statuses = statuses;
        this.window = window;
        this.views = views;
        this.showStatus = showStatus;
        pane.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        sync();
        ViewListeners.onListChange(pane, window.tabs(), change -> sync());
        ViewListeners.onChange(pane, window.selectedProperty(), (obs, old, now) -> select(now));
        ViewListeners.onChange(pane, window.viewsWaitProperty(), (obs, old, waits) -> {
            if (!waits) {
                showSelected();
                // Styled and laid out now, so the next frame shows the whole view, not a part whose
                // skins (split panes' content) would come a frame later.
                pane.applyCss();
                pane.layout();
            }
        });
        pane.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                sync(); // what changed while this view was not shown
            }
        });
        pane.getTabs().addListener((ListChangeListener<Tab>) change -> { // a drag moved a tab
            if (!syncing) {
                window.reorder(pane.getTabs().stream().map(this::entryOf).toList());
            }
        });
        pane.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                window.selectedProperty().set(entryOf(now));
            }
            showSelected();
        });
        pane.addEventFilter(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                headerOf(event.getTarget()).ifPresent(this::rename);
            }
        });
        showSelected();
        if (window.viewsWaitProperty().get()) {
            // Once the window is shown (after this runnable) with the tab that should be in front.
            Platform.runLater(this::buildSelectedInAdvance);
        }
    }

    /** Builds the view of the tab in front off the FX thread while the window's first frame is made. */
    private void buildSelectedInAdvance() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        if (tab == null || tab.getContent() != null || pane.getScene() == null || !window.startBuildingInAdvance()) {
            return; // built on the FX thread when shown, as any later tab's view
        }
        // When it is done the views stop waiting (unless for the first frame) and it joins its tab.
        advance = ViewInAdvance.start(entryOf(tab), views, pane, window.tick(), window::builtInAdvance);
    }

    /** Opens another tab of {@code kind} and brings it to the front. */
    void open(TabKind<?> kind) {
        window.selectedProperty().set(window.openTab(kind));
    }

    /** Another tab of the kind of the one in front (Ctrl+T). */
    void openLikeSelected() {
        WindowTab front = window.selectedProperty().get();
        open(front == null ? MainWindow.kinds().get(0) : front.kind());
    }

    void renameSelected() {
        Optional.ofNullable(window.selectedProperty().get()).ifPresent(this::rename);
    }

    void closeSelected() {
        Optional.ofNullable(window.selectedProperty().get()).ifPresent(this::close);
    }

    private void sync() {
        syncing = true;
        try {
            List<WindowTab> entries = List.copyOf(window.tabs());
            for (WindowTab gone : new ArrayList<>(shown.keySet())) {
                if (!entries.contains(gone)) {
                    shown.remove(gone);
                    statuses.getChildren().remove(pills.remove(gone));
                }
            }
            List<Tab> wanted = entries.stream().map(entry -> shown.computeIfAbsent(entry, this::tabOf)).toList();
            pane.getTabs().removeIf(tab -> !wanted.contains(tab));
            for (int i = 0; i < wanted.size(); i++) {
                if (!pane.getTabs().contains(wanted.get(i))) {
                    pane.getTabs().add(Math.min(i, pane.getTabs().size()), wanted.get(i));
                }
            }
            if (!pane.getTabs().equals(wanted)) {
                pane.getTabs().setAll(wanted);
            }
            wanted.forEach(tab -> tab.setClosable(wanted.size() > 1));
        } finally {
            syncing = false;
        }
        select(window.selectedProperty().get());
    }

    private void select(WindowTab entry) {
        Tab tab = entry == null ? null : shown.get(entry);
        if (tab != null && pane.getSelectionModel().getSelectedItem() != tab) {
            pane.getSelectionModel().select(tab);
        }
        showSelected();
    }

    /**
     * Builds the tab in front's view the first time it is shown (unless the views wait for the
     * window's first frame or for the view built in advance, which joins its tab then), and shows
     * its status.
     */
    private void showSelected() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        WindowTab entry = tab == null ? null : entryOf(tab);
        if (!window.viewsWaitProperty().get()) {
            if (advance != null) {
                adoptViewBuiltInAdvance();
            }
            if (tab != null && tab.getContent() == null) {
                tab.setContent(views.apply(entry));
            }
        }
        pills.forEach((owner, pill) -> {
            boolean visible = owner == entry;
            pill.setVisible(visible);
            pill.setManaged(visible);
        });
        showStatus.accept(entry == null ? null : entry.model());
    }

    /** The view built off the FX thread joins its tab (the one in front, unless code chose another). */
    private void adoptViewBuiltInAdvance() {
        Tab tab = shown.get(advance.tab());
        if (tab != null && tab.getContent() == null && advance.view() != null) {
            tab.setContent(advance.view());
        }
        advance = null;
    }

    private Tab tabOf(WindowTab entry) {
        Tab tab = new Tab();
        tab.setId(entry.id());
        tab.setUserData(entry);
        tab.textProperty().bind(Bindings.createStringBinding(entry::title, entry.nameProperty()));
        tab.setGraphic(new FontIcon(entry.kind().icon()));
        tab.setOnCloseRequest(event -> {
            event.consume(); // the window closes it, after asking when it is connected
            close(entry);
        });
        MenuItem rename = new MenuItem(I18n.text("tab.rename"));
        rename.setId("tabRename");
        rename.setOnAction(event -> rename(entry));
        MenuItem close = new MenuItem(I18n.text("tab.close"));
        close.setId("tabClose");
        close.setOnAction(event -> close(entry));
        close.disableProperty().bind(Bindings.size(window.tabs()).lessThan(2));
        tab.setContextMenu(new ContextMenu(rename, close));
        Label pill = StateStyles.pill(entry.model(), entry.statusId());
        pills.put(entry, pill);
        statuses.getChildren().add(pill);
        return tab;
    }

    private WindowTab entryOf(Tab tab) {
        return (WindowTab) tab.getUserData();
    }

    /** The tab whose header holds {@code target}: a header has its tab's id. */
    private Optional<WindowTab> headerOf(Object target) {
        for (Node node = target instanceof Node start ? start : null; node != null && node != pane; node = node.getParent()) {
            if (node.getStyleClass().contains("tab")) {
                String id = node.getId();
                return shown.keySet().stream().filter(entry -> entry.id().equals(id)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** Asks for a new name; an empty one gives the default title back. */
    private void rename(WindowTab entry) {
        TextInputDialog dialog = new TextInputDialog(entry.nameProperty().get());
        dialog.setTitle(I18n.text("tab.rename.title"));
        dialog.setHeaderText(I18n.format("tab.rename.header", entry.title()));
        dialog.setContentText(I18n.format("tab.rename.label", entry.defaultTitle()));
        dialog.getEditor().setId("tabName");
        dialog.getEditor().setPrefColumnCount(24);
        own(dialog);
        dialog.showAndWait().ifPresent(name -> entry.nameProperty().set(name.strip()));
    }

    /** Closes the tab; while it is connected, listening or open, only once the user agrees. */
    private void close(WindowTab entry) {
        if (window.tabs().size() < 2) {
            return;
        }
        if (entry.model().stateProperty().get() != ConnectionState.IDLE && !confirmClose(entry)) {
            return;
        }
        window.closeTab(entry);
    }

    private boolean confirmClose(WindowTab entry) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(I18n.text("tab.close.title"));
        alert.setHeaderText(I18n.format("tab.close.header", entry.title()));
        alert.setContentText(I18n.format("tab.close.text", entry.model().statusProperty().get()));
        alert.getDialogPane().setId("closeTabConfirm");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setText(I18n.text("tab.close"));
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        own(alert);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void own(Dialog<?> dialog) {
        if (pane.getScene() != null && pane.getScene().getWindow() != null) {
            dialog.initOwner(pane.getScene().getWindow());
            DialogStyle.like(dialog, pane.getScene().getWindow());
        }
    }
}
