package io.socketdeck.ui.app;

import io.socketdeck.ui.fx.Fxml;
import io.socketdeck.ui.tcpclient.TcpClientController;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Builds the main window's content and owns the tabs' view models, so a language switch can
 * shut them down and build everything again.
 */
public final class MainWindow {

    private final TcpClientViewModel tcpClient = new TcpClientViewModel();
    private final Parent root;

    public MainWindow(Consumer<Locale> languageSwitcher) {
        root = Fxml.loadView(MainWindow.class, "MainWindow.fxml", type -> {
            if (type == MainWindowController.class) {
                return new MainWindowController(languageSwitcher, tcpClient);
            }
            if (type == TcpClientController.class) {
                return new TcpClientController(tcpClient);
            }
            throw new IllegalArgumentException("no controller factory for " + type);
        });
    }

    public Parent root() {
        return root;
    }

    public TcpClientViewModel tcpClient() {
        return tcpClient;
    }

    /** Closes every session; their workers then end on their own. */
    public void shutdown() {
        tcpClient.shutdown();
    }

    public static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("socketdeck.css")).toExternalForm());
    }
}
