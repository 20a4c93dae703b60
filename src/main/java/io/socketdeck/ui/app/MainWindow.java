package io.socketdeck.ui.app;

import io.socketdeck.core.send.QuickCommandFormatException;
import io.socketdeck.core.send.QuickCommandJson;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.log.LogEntry;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.tab.SessionTab;
import io.socketdeck.ui.log.TrafficLog;
import io.socketdeck.ui.tcpclient.TcpClientController;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.udp.UdpController;
import io.socketdeck.ui.udp.UdpViewModel;
import io.socketdeck.ui.tcpserver.TcpServerController;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the main window's content and owns the tabs' view models, so a language switch can
 * shut them down and build everything again. A tab joins by adding its view model and its
 * controller's constructor here, and a {@code <Tab>} with an {@code fx:include} to the FXML.
 */
public final class MainWindow {

    private static final Logger LOGGER = LoggerFactory.getLogger(MainWindow.class);
    private static final String QUICK_COMMANDS = "quickCommands";
    private static final String LOG_LIMIT = "ui.logLimit";

    private final QuickCommandsModel quickCommands = new QuickCommandsModel();
    private final IntegerProperty logLimit = new SimpleIntegerProperty(this, "logLimit", TrafficLog.DEFAULT_MAX_ENTRIES);
    private final TcpClientViewModel tcpClient = new TcpClientViewModel();
    private final TcpServerViewModel tcpServer = new TcpServerViewModel();
    private final UdpViewModel udp = new UdpViewModel();
    /** Tab fx:id to its view model, in tab order. */
    private final Map<String, SessionTab> tabs = new LinkedHashMap<>();
    private final Map<Class<?>, Supplier<Object>> controllers = new LinkedHashMap<>();
    private final Parent root;

    /** A window with default settings, e.g. for tests. */
    public MainWindow(Consumer<Locale> languageSwitcher) {
        this(languageSwitcher, new Settings());
    }

    public MainWindow(Consumer<Locale> languageSwitcher, Settings settings) {
        tabs.put("tabTcpClient", tcpClient);
        controllers.put(TcpClientController.class, () -> new TcpClientController(tcpClient, quickCommands));
        tabs.put("tabTcpServer", tcpServer);
        controllers.put(TcpServerController.class, () -> new TcpServerController(tcpServer, quickCommands));
        tabs.put("tabUdp", udp);
        controllers.put(UdpController.class, () -> new UdpController(udp, quickCommands));
        controllers.put(MainWindowController.class, () -> new MainWindowController(languageSwitcher, tabs, logLimit));
        logLimit.addListener((obs, old, now) -> tabs.values().forEach(tab -> tab.traffic().log().setMaxEntries(now.intValue())));
        restoreFrom(settings);
        root = Fxml.loadView(MainWindow.class, "MainWindow.fxml", type -> {
            Supplier<Object> factory = controllers.get(type);
            if (factory == null) {
                throw new IllegalArgumentException("no controller factory for " + type);
            }
            return factory.get();
        });
    }

    public Parent root() {
        return root;
    }

    public TcpClientViewModel tcpClient() {
        return tcpClient;
    }

    public QuickCommandsModel quickCommands() {
        return quickCommands;
    }

    /** Shows a problem with the application itself (a settings file) in the first tab's log. */
    public void note(String message) {
        tabs.values().iterator().next().traffic().log().note(LogEntry.Kind.ERROR, message);
    }

    /** Writes what every tab and the window should remember. */
    public void saveTo(Settings settings) {
        tabs.values().forEach(tab -> tab.saveTo(settings));
        settings.put(QUICK_COMMANDS, QuickCommandJson.toTree(quickCommands.items()));
        settings.put(LOG_LIMIT, logLimit.get());
    }

    private void restoreFrom(Settings settings) {
        tabs.values().forEach(tab -> tab.restoreFrom(settings));
        int limit = settings.getInt(LOG_LIMIT, TrafficLog.DEFAULT_MAX_ENTRIES);
        logLimit.set(TrafficLog.ENTRY_LIMITS.contains(limit) ? limit : TrafficLog.DEFAULT_MAX_ENTRIES);
        settings.get(QUICK_COMMANDS).ifPresent(tree -> {
            try {
                quickCommands.setAll(QuickCommandJson.fromTree(tree).commands());
            } catch (QuickCommandFormatException e) {
                LOGGER.warn("stored quick commands unreadable, starting without them", e);
                tcpClient.traffic().log().note(LogEntry.Kind.ERROR, I18n.format("settings.quickCommandsLost", e.getMessage()));
            }
        });
    }

    public TcpServerViewModel tcpServer() {
        return tcpServer;
    }

    public UdpViewModel udp() {
        return udp;
    }

    /** Closes every session; their workers then end on their own. */
    public void shutdown() {
        tabs.values().forEach(SessionTab::shutdown);
    }

    public static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("socketdeck.css")).toExternalForm());
    }
}
