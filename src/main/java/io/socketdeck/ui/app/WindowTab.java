package io.socketdeck.ui.app;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.fx.ViewIds;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.tab.TabContext;
import io.socketdeck.ui.tab.TabKind;
import io.socketdeck.ui.tab.TabModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;

/**
 * One tab of the window: its kind, its number among the tabs of that kind (1 for the first, which
 * keeps the kind's automation ids and settings key; 2, 3... for the others), the name the user
 * gave it, and its view model with the tick jobs that model registered, so closing the tab ends
 * all of them.
 */
final class WindowTab {

    private final TabKind<?> kind;
    private final int number;
    private final TabModel model;
    private final Function<QuickCommandsModel, Parent> view;
    private final List<UiTick.Handle> jobs;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");

    private WindowTab(TabKind<?> kind, int number, TabModel model, Function<QuickCommandsModel, Parent> view,
                      List<UiTick.Handle> jobs) {
        this.kind = kind;
        this.number = number;
        this.model = model;
        this.view = view;
        this.jobs = jobs;
    }

    /** A new tab of {@code kind} with a new model: its settings are the defaults until restored. */
    static <M extends TabModel> WindowTab open(TabKind<M> kind, int number, TabContext context) {
        List<UiTick.Handle> jobs = new ArrayList<>();
        M model = context.tick().collecting(jobs, () -> kind.createModel(context));
        return new WindowTab(kind, number, model, commands -> kind.createView(model, commands), jobs);
    }

    TabKind<?> kind() {
        return kind;
    }

    int number() {
        return number;
    }

    TabModel model() {
        return model;
    }

    /** The tab's automation id: the kind's for the first tab, numbered for the others (tabTcpClient2). */
    String id() {
        return ViewIds.numbered(kind.id(), number);
    }

    /** The automation id of its status in the status bar (clientStatus, clientStatus2). */
    String statusId() {
        return ViewIds.numbered(kind.statusId(), number);
    }

    /** Where its settings live: the model's key for the first tab, "key.n" for the others. */
    String settingsPath() {
        return number == 1 ? model.settingsKey() : model.settingsKey() + "." + number;
    }

    /** The name the user gave it; empty for the default title. */
    StringProperty nameProperty() {
        return name;
    }

    /** The kind's title, with the number from the second tab of a kind on: "TCP Client 2". */
    String defaultTitle() {
        String title = I18n.text(kind.titleKey());
        return number == 1 ? title : title + " " + number;
    }

    /** What its tab says: the user's name, or the default title. */
    String title() {
        String given = name.get() == null ? "" : name.get().strip();
        return given.isEmpty() ? defaultTitle() : given;
    }

    /** Builds its view in the current language, every id numbered as the tab is. */
    Parent buildView(QuickCommandsModel quickCommands) {
        Parent built = view.apply(quickCommands);
        ViewIds.number(built, number);
        return built;
    }

    /** Closes its sessions without waiting and ends its tick jobs: the tab is gone. */
    void close() {
        model.shutdown();
        jobs.forEach(UiTick.Handle::remove);
    }
}
