package io.socketdeck.ui.app;

import io.socketdeck.ui.fx.Fxml;
import io.socketdeck.ui.session.SessionTab;
import io.socketdeck.ui.tcpclient.TcpClientController;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.tcpserver.TcpServerController;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Builds the main window's content and owns the tabs' view models, so a language switch can
 * shut them down and build everything again. A tab joins by adding its view model and its
 * controller's constructor here, and a {@code <Tab>} with an {@code fx:include} to the FXML.
 */
public final class MainWindow {

    private final TcpClientViewModel tcpClient = new TcpClientViewModel();
    private final TcpServerViewModel tcpServer = new TcpServerViewModel();
    /** Tab fx:id to its view model, in tab order. */
    private final Map<String, SessionTab> tabs = new LinkedHashMap<>();
    private final Map<Class<?>, Supplier<Object>> controllers = new LinkedHashMap<>();
    private final Parent root;

    public MainWindow(Consumer<Locale> languageSwitcher) {
        tabs.put("tabTcpClient", tcpClient);
        controllers.put(TcpClientController.class, () -> new TcpClientController(tcpClient));
        tabs.put("tabTcpServer", tcpServer);
        controllers.put(TcpServerController.class, () -> new TcpServerController(tcpServer));
        controllers.put(MainWindowController.class, () -> new MainWindowController(languageSwitcher, tabs));
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

    public TcpServerViewModel tcpServer() {
        return tcpServer;
    }

    /** Closes every session; their workers then end on their own. */
    public void shutdown() {
        tabs.values().forEach(SessionTab::shutdown);
    }

    public static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("socketdeck.css")).toExternalForm());
    }
}
