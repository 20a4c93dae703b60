package io.socketdeck.ui.app;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommandFormatException;
import io.socketdeck.core.send.QuickCommandJson;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.IoWorkers;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.relay.RelayTab;
import io.socketdeck.ui.tab.TabContext;
import io.socketdeck.ui.tab.TabKind;
import io.socketdeck.ui.tab.TabModel;
import io.socketdeck.ui.tcpclient.TcpClientTab;
import io.socketdeck.ui.tcpserver.TcpServerTab;
import io.socketdeck.ui.udp.UdpTab;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's models and views. The models (every tab's, the quick commands, the log size)
 * live as long as the window; the views are built from FXML in the current language and can be
 * built again around the same models, so switching the language closes nothing: connections,
 * servers with their clients, captures, repeat sends and the logs go on.
 */
public final class MainWindow {

    /** The kinds of tab, in the order shown: a new kind joins with one line here. */
    private static final List<TabKind<?>> KINDS = List.of(new TcpClientTab(), new TcpServerTab(), new UdpTab(),
            new RelayTab());

    private static final Logger LOGGER = LoggerFactory.getLogger(MainWindow.class);
    private static final String QUICK_COMMANDS = "quickCommands";
    private static final String VIEW_OPTIONS = "ui";

    /** Two I/O threads serve every session of the window, a flood on one tab leaving the other free. */
    private static final int IO_LOOPS = 2;

    private final UiTick tick = new UiTick();
    private final LoopGroup loops = new LoopGroup(IO_LOOPS, IoWorkers.TASKS);
    private final QuickCommandsModel quickCommands = new QuickCommandsModel();
    private final ViewOptions viewOptions = new ViewOptions();
    private final List<OpenTab<?>> tabs = new ArrayList<>();
    private final Consumer<Locale> languageSwitcher;
    private Parent root;

    /** A window with default settings, e.g. for tests. */
    public MainWindow(Consumer<Locale> languageSwitcher) {
        this(languageSwitcher, new Settings());
    }

    public MainWindow(Consumer<Locale> languageSwitcher, Settings settings) {
        this.languageSwitcher = languageSwitcher;
        TabContext context = new TabContext(tick, loops);
        for (TabKind<?> kind : KINDS) {
            tabs.add(OpenTab.of(kind, context));
        }
        viewOptions.logLimitProperty().addListener((obs, old, now) ->
                models().forEach(tab -> tab.traffic().log().setMaxEntries(now.intValue())));
        viewOptions.monospaceTextProperty().addListener((obs, old, on) ->
                models().forEach(tab -> tab.traffic().log().monospaceTextProperty().set(on)));
        viewOptions.themeProperty().addListener((obs, old, now) -> now.apply());
        viewOptions.zoomProperty().addListener((obs, old, now) -> {
            if (root != null) { // restoring the settings comes before the first view
                zoom(root);
            }
        });
        restoreFrom(settings);
        viewOptions.themeProperty().get().apply();
        root = buildView();
    }

    public Parent root() {
        return root;
    }

    /**
     * Speaks {@code locale} from now on: the views are built again around the same models, so
     * nothing open is closed and nothing typed is lost. The caller shows the new root.
     */
    public Parent useLanguage(Locale locale) {
        I18n.use(locale);
        models().forEach(TabModel::languageChanged);
        String shown = selectedTabId(root);
        root = buildView();
        if (root.lookup(".session-tabs") instanceof TabPane tabs) { // the same tab stays in front
            tabs.getTabs().stream().filter(tab -> tab.getId().equals(shown)).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        }
        return root;
    }

    private static String selectedTabId(Parent view) {
        return view != null && view.lookup(".session-tabs") instanceof TabPane tabs
                && tabs.getSelectionModel().getSelectedItem() != null
                ? tabs.getSelectionModel().getSelectedItem().getId() : "";
    }

    private Parent buildView() {
        List<MainWindowController.TabView> views = new ArrayList<>();
        for (OpenTab<?> tab : tabs) {
            views.add(new MainWindowController.TabView(tab.kind().id(), tab.kind().statusId(),
                    I18n.text(tab.kind().titleKey()), tab.kind().icon(), () -> tab.view(quickCommands), tab.model()));
        }
        Parent view = Fxml.loadView(MainWindow.class, "MainWindow.fxml",
                type -> new MainWindowController(languageSwitcher, views, viewOptions));
        zoom(view);
        return view;
    }

    /** The zoom is the root's font size (what is sized in em follows) and the icons' size. */
    private void zoom(Parent view) {
        view.setStyle(viewOptions.zoomStyle());
        view.getStylesheets().setAll(viewOptions.zoomStylesheet());
    }

    /** Theme, zoom, log size and fixed-width text: the View menu's choices for the whole window. */
    public ViewOptions viewOptions() {
        return viewOptions;
    }

    /** The window's one heartbeat: every engine-to-window update runs on it. */
    public UiTick tick() {
        return tick;
    }

    /** The view model of the tab of type {@code type}. */
    public <M extends TabModel> M tab(Class<M> type) {
        return models().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tab of " + type));
    }

    public List<TabModel> models() {
        return tabs.stream().<TabModel>map(OpenTab::model).toList();
    }

    public QuickCommandsModel quickCommands() {
        return quickCommands;
    }

    /** Shows a problem with the application itself (a settings file) in the first tab's log. */
    public void note(String message) {
        models().get(0).traffic().log().note(LogEntry.Kind.ERROR, message);
    }

    /** Writes what every tab and the window should remember. */
    public void saveTo(Settings settings) {
        models().forEach(tab -> tab.saveTo(settings));
        settings.put(QUICK_COMMANDS, QuickCommandJson.toTree(quickCommands.items()));
        viewOptions.persisted().saveTo(settings, VIEW_OPTIONS);
    }

    /** Everything {@link #saveTo} writes, to watch for changes: the tabs' fields, the commands, the view options. */
    public List<Observable> remembered() {
        List<Observable> all = new ArrayList<>();
        for (TabModel tab : models()) {
            all.addAll(tab.persisted().observables());
        }
        all.add(quickCommands.items());
        all.addAll(viewOptions.persisted().observables());
        return all;
    }

    private void restoreFrom(Settings settings) {
        models().forEach(tab -> tab.restoreFrom(settings));
        viewOptions.persisted().restoreFrom(settings, VIEW_OPTIONS);
        settings.get(QUICK_COMMANDS).ifPresent(tree -> {
            try {
                quickCommands.setAll(QuickCommandJson.fromTree(tree).commands());
            } catch (QuickCommandFormatException e) {
                LOGGER.warn("stored quick commands unreadable, starting without them", e);
                note(I18n.format("settings.quickCommandsLost", e.getMessage()));
            }
        });
    }

    /** Closes every session, stops background work and the I/O loops: on exit only. */
    public void shutdown() {
        models().forEach(TabModel::shutdown);
        loops.close(); // runs the closes just queued, then ends
    }

    public static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("socketdeck.css")).toExternalForm());
    }

    /** A kind of tab with its model, keeping the two types together. */
    private record OpenTab<M extends TabModel>(TabKind<M> kind, M model) {
        static <M extends TabModel> OpenTab<M> of(TabKind<M> kind, TabContext context) {
            return new OpenTab<>(kind, kind.createModel(context));
        }

        Parent view(QuickCommandsModel quickCommands) {
            return kind.createView(model, quickCommands);
        }
    }
}
