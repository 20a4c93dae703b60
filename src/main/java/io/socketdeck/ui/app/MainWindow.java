package io.socketdeck.ui.app;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandJson;
import io.socketdeck.core.settings.EntriesRead;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.AfterFrames;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
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

    /**
     * The kinds of tab, in the order of a first start and of File → New: a new kind joins with one
     * line here, and gets its New item, numbered tabs and saved tab list with it.
     */
    private static final List<TabKind<?>> KINDS = List.of(new TcpClientTab(), new TcpServerTab(), new UdpTab(),
            new RelayTab());

    private static final Logger LOGGER = LoggerFactory.getLogger(MainWindow.class);
    private static final String QUICK_COMMANDS = "quickCommands";
    private static final String VIEW_OPTIONS = "ui";

    /** Two I/O threads serve every session of the window, a flood on one tab leaving the other free. */
    private static final int IO_LOOPS = 2;
    /** How long the exit waits for captures to flush and close their files (a slow disk, a network mount). */
    private static final long EXIT_FILES_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final UiTick tick = new UiTick();
    private final LoopGroup loops = new LoopGroup(IO_LOOPS, IoWorkers.TASKS);
    private final TabContext context = new TabContext(tick, loops);
    private final QuickCommandsModel quickCommands = new QuickCommandsModel(tick);
    private final ViewOptions viewOptions = new ViewOptions();
    /** The open tabs in the order shown: the one truth the views follow. */
    private final ObservableList<WindowTab> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<WindowTab> selected = new SimpleObjectProperty<>(this, "selected");
    /** Fires when anything the tabs remember changes: a field of any tab, a tab opened, closed, moved, renamed. */
    private final ChangeSignal tabChanges = new ChangeSignal();
    private final InvalidationListener tabChanged = observable -> tabChanges.fire();
    /** Stored quick commands this version cannot read: written back as they were, in their places. */
    private List<EntriesRead.Unread> unreadCommands = List.of();
    /** Saved tabs of kinds this version does not have (a newer version's): written back as they were. */
    private SavedTabs.Foreign foreignTabs = SavedTabs.Foreign.NONE;
    /** Every kind's settings key seen, to drop the settings of tabs closed since (see {@link #saveTo}). */
    private final Map<TabKind<?>, String> settingsKeys = new LinkedHashMap<>();
    private final Consumer<Locale> languageSwitcher;
    /** True until the window's first frame is out, when it was built to show that frame first. */
    private final BooleanProperty firstFrameWait = new SimpleBooleanProperty(this, "firstFrameWait");
    /** True while a view is built off the FX thread ({@link ViewInAdvance}): no other is built meanwhile. */
    private final BooleanProperty buildingInAdvance = new SimpleBooleanProperty(this, "buildingInAdvance");
    private final BooleanBinding viewsWait = firstFrameWait.or(buildingInAdvance);
    private Parent root;

    /** A window with default settings, e.g. for tests. */
    public MainWindow(Consumer<Locale> languageSwitcher) {
        this(languageSwitcher, new Settings());
    }

    public MainWindow(Consumer<Locale> languageSwitcher, Settings settings) {
        this(languageSwitcher, settings, false);
    }

    /**
     * The window of a start: its first frame (menu, tab headers, status bar) goes out while the
     * tab in front builds its view off the FX thread ({@link ViewInAdvance}); the view joins the
     * window after that frame. On a cold start the window appears about a second sooner than when
     * the view, the largest part, is built first (bench group coldstart under Xvfb: 1.1 to 1.25 s
     * against 2.2 s to the first frame) and answers meanwhile: the FX thread's longest pulse after
     * the first frame is the view joining, 75 to 112 ms, where building it there took 0.5 to 0.6 s
     * (bench group idle). The view is whole 0.15 to 0.3 s later than when the FX thread built it
     * (group coldstart, alternating): both cores are busy in the first seconds, and it is styled
     * twice.
     */
    public static MainWindow showingFirstFrameFirst(Consumer<Locale> languageSwitcher, Settings settings) {
        return new MainWindow(languageSwitcher, settings, true);
    }

    private MainWindow(Consumer<Locale> languageSwitcher, Settings settings, boolean firstFrameFirst) {
        this.languageSwitcher = languageSwitcher;
        firstFrameWait.set(firstFrameFirst);
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
        tabs.addListener(tabChanged);
        selected.addListener(tabChanged);
        viewOptions.themeProperty().get().apply();
        root = buildView();
        if (firstFrameFirst) {
            releaseViewsAfterFirstFrame(root);
        }
    }

    /** Once {@code view} is in a scene, lets the views be built after that scene's first frame. */
    private void releaseViewsAfterFirstFrame(Parent view) {
        view.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> observable, Scene old, Scene scene) {
                if (scene != null) {
                    view.sceneProperty().removeListener(this);
                    AfterFrames.schedule(scene, 1, () -> firstFrameWait.set(false));
                }
            }
        });
    }

    /**
     * Whether the views still wait: for the window's first frame (see {@link #showingFirstFrameFirst})
     * or for the view of the tab in front, built off the FX thread meanwhile; false for good once
     * they may be built.
     */
    public BooleanExpression viewsWaitProperty() {
        return viewsWait;
    }

    /**
     * Whether a view may be built off the FX thread now: only while the first frame is made, and
     * one at a time. If so, the views wait for it until {@link #builtInAdvance}. FX thread.
     */
    boolean startBuildingInAdvance() {
        if (!firstFrameWait.get() || buildingInAdvance.get()) {
            return false;
        }
        buildingInAdvance.set(true);
        return true;
    }

    /** The view built off the FX thread is done (or failed): the views wait no longer for it. FX thread. */
    void builtInAdvance() {
        buildingInAdvance.set(false);
    }

    public Parent root() {
        return root;
    }

    /**
     * Speaks {@code locale} from now on: the views are built again around the same models, so
     * nothing open is closed and nothing typed is lost; the tabs keep their order, names and the
     * one in front. The caller shows the new root.
     */
    public Parent useLanguage(Locale locale) {
        models().forEach(TabModel::keepViewPlace);
        I18n.use(locale);
        models().forEach(TabModel::languageChanged);
        root = buildView();
        return root;
    }

    private Parent buildView() {
        Parent view = Fxml.loadView(MainWindow.class, "MainWindow.fxml",
                type -> new MainWindowController(languageSwitcher, this, viewOptions));
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

    /** The view model of the first tab of type {@code type}, in the order shown. */
    public <M extends TabModel> M tab(Class<M> type) {
        return models().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tab of " + type));
    }

    /** The view model of the tab with automation id {@code tabId} (tabTcpClient2), if it is open. */
    public Optional<TabModel> tab(String tabId) {
        return tabs.stream().filter(tab -> tab.id().equals(tabId)).map(WindowTab::model).findFirst();
    }

    /** Every open tab's view model, in the order shown. */
    public List<TabModel> models() {
        return tabs.stream().map(WindowTab::model).toList();
    }

    /** The automation ids of the open tabs, in the order shown. */
    public List<String> tabIds() {
        return tabs.stream().map(WindowTab::id).toList();
    }

    /** The kinds of tab the window offers, in the order of its File menu. */
    static List<TabKind<?>> kinds() {
        return KINDS;
    }

    ObservableList<WindowTab> tabs() {
        return tabs;
    }

    /** The tab in front; the views follow it and set it. */
    ObjectProperty<WindowTab> selectedProperty() {
        return selected;
    }

    /**
     * Opens another tab of {@code kind} at the end, with the lowest number no open tab of that
     * kind has (closing tab 2 and opening one gives a new tab 2), and its own model with default
     * settings. The caller brings it to the front.
     */
    WindowTab openTab(TabKind<?> kind) {
        WindowTab tab = create(kind, lowestFreeNumber(kind));
        tabs.add(tab);
        return tab;
    }

    /**
     * Closes {@code tab}: its sessions end (a connection gets its FIN, a server stops listening),
     * its background work stops. The last tab of the window is never closed: false then.
     */
    boolean closeTab(WindowTab tab) {
        if (tabs.size() <= 1 || !tabs.contains(tab)) {
            return false;
        }
        int at = tabs.indexOf(tab);
        if (selected.get() == tab) {
            selected.set(tabs.get(at + 1 < tabs.size() ? at + 1 : at - 1));
        }
        tabs.remove(tab);
        unwatch(tab);
        tab.close();
        return true;
    }

    /** The tabs in the order the user dragged them to; the same tabs, only moved. */
    void reorder(List<WindowTab> order) {
        if (!order.equals(tabs) && order.size() == tabs.size() && order.containsAll(tabs)) {
            tabs.setAll(order);
        }
    }

    private int lowestFreeNumber(TabKind<?> kind) {
        int number = 1;
        while (true) {
            int candidate = number;
            if (tabs.stream().noneMatch(tab -> tab.kind() == kind && tab.number() == candidate)) {
                return candidate;
            }
            number++;
        }
    }

    /** A tab with its own model, given the window's current log size and text font, and watched for saving. */
    private WindowTab create(TabKind<?> kind, int number) {
        WindowTab tab = WindowTab.open(kind, number, context);
        tab.model().traffic().log().setMaxEntries(viewOptions.logLimitProperty().get());
        tab.model().traffic().log().monospaceTextProperty().set(viewOptions.monospaceTextProperty().get());
        settingsKeys.put(kind, tab.model().settingsKey());
        tab.model().persisted().observables().forEach(observable -> observable.addListener(tabChanged));
        tab.nameProperty().addListener(tabChanged);
        return tab;
    }

    private void unwatch(WindowTab tab) {
        tab.model().persisted().observables().forEach(observable -> observable.removeListener(tabChanged));
        tab.nameProperty().removeListener(tabChanged);
    }

    public QuickCommandsModel quickCommands() {
        return quickCommands;
    }

    /** Shows a problem with the application itself (a settings file) in the first tab's log. */
    public void note(String message) {
        models().get(0).traffic().log().note(LogEntry.Kind.ERROR, message);
    }

    /**
     * Writes what every tab and the window should remember: each tab's fields under its settings
     * path, the list of tabs; a tab closed since the last save leaves no settings behind. What this
     * version could not read (quick commands, tabs of unknown kinds, and their settings) is written
     * back as it was.
     */
    public void saveTo(Settings settings) {
        tabs.forEach(tab -> tab.model().saveTo(settings, tab.settingsPath()));
        dropClosedTabs(settings);
        SavedTabs.save(settings, tabs, selected.get(), KINDS, foreignTabs);
        settings.put(QUICK_COMMANDS, EntriesRead.withUnread(QuickCommandJson.toTree(quickCommands.items()),
                unreadCommands));
        viewOptions.persisted().saveTo(settings, VIEW_OPTIONS);
    }

    /** Removes "key.n" of every kind for each n no open tab of the kind has. */
    private void dropClosedTabs(Settings settings) {
        settingsKeys.forEach((kind, key) -> {
            if (settings.get(key).orElse(null) instanceof Map<?, ?> fields) {
                for (Object name : List.copyOf(fields.keySet())) {
                    String child = String.valueOf(name);
                    if (child.matches("[1-9][0-9]*") && tabs.stream().noneMatch(tab -> tab.kind() == kind
                            && Integer.toString(tab.number()).equals(child))) {
                        settings.remove(key + "." + child);
                    }
                }
            }
        });
    }

    /**
     * Everything {@link #saveTo} writes, to watch for changes: the tabs (their fields, and tabs
     * opened, closed, moved, renamed or brought to the front), the commands, the view options.
     */
    public List<Observable> remembered() {
        List<Observable> all = new ArrayList<>();
        all.add(tabChanges);
        all.add(quickCommands.items());
        all.addAll(viewOptions.persisted().observables());
        return all;
    }

    private void restoreFrom(Settings settings) {
        viewOptions.persisted().restoreFrom(settings, VIEW_OPTIONS);
        for (SavedTabs.Entry entry : SavedTabs.restore(settings, KINDS)) {
            WindowTab tab = create(entry.kind(), entry.number());
            tab.nameProperty().set(entry.name());
            tab.model().restoreFrom(settings, tab.settingsPath());
            tabs.add(tab);
        }
        String shown = SavedTabs.selected(settings);
        selected.set(tabs.stream().filter(tab -> tab.id().equals(shown)).findFirst().orElse(tabs.get(0)));
        foreignTabs = SavedTabs.foreign(settings, KINDS);
        if (!foreignTabs.tabs().isEmpty()) {
            LOGGER.warn("{} saved tabs of kinds this version does not have ({}), kept in the settings",
                    foreignTabs.tabs().size(), foreignTabs.kinds());
            note(I18n.format("settings.tabsUnknown", foreignTabs.tabs().size()));
        }
        settings.get(QUICK_COMMANDS).ifPresent(tree -> {
            EntriesRead<QuickCommand> stored = QuickCommandJson.readEach(tree);
            quickCommands.setAll(stored.read());
            unreadCommands = stored.unread();
            if (!unreadCommands.isEmpty()) {
                LOGGER.warn("{} stored quick commands cannot be read, kept in the settings as they are: {}",
                        unreadCommands.size(), unreadCommands.stream().map(EntriesRead.Unread::problem).toList());
                note(I18n.format("settings.quickCommandsUnread", unreadCommands.size()));
            }
        });
    }

    /**
     * Closes every session, stops background work and the I/O loops: on exit only. Waits a while
     * for captures to write their last bytes, never for a file that does not open.
     */
    public void shutdown() {
        quickCommands.shutdown(); // an import or export under way is not waited for
        models().forEach(TabModel::shutdown);
        loops.close(); // runs the closes just queued, then ends
        long deadline = System.nanoTime() + EXIT_FILES_NANOS;
        models().forEach(model -> model.traffic().awaitShutdown(deadline));
    }

    public static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("socketdeck.css")).toExternalForm());
    }
}
