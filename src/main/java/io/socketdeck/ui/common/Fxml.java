package io.socketdeck.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.util.Callback;

/** Loads FXML next to its class, with the current language's bundle. */
public final class Fxml {

    private Fxml() {
    }

    /** Loads {@code <SimpleName>.fxml} with {@code component} as both root and controller (fx:root). */
    public static void loadComponent(Object component) {
        FXMLLoader loader = new FXMLLoader(resource(component.getClass()), I18n.bundle());
        loader.setRoot(component);
        loader.setController(component);
        load(loader);
    }

    /** Loads a view whose controllers (including included views') come from {@code controllers}. */
    public static <T> T loadView(Class<?> anchor, String fxmlName, Callback<Class<?>, Object> controllers) {
        URL url = anchor.getResource(fxmlName);
        if (url == null) {
            throw new IllegalStateException("missing " + fxmlName + " next to " + anchor.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, I18n.bundle());
        loader.setControllerFactory(controllers);
        return load(loader);
    }

    private static URL resource(Class<?> type) {
        URL url = type.getResource(type.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalStateException("missing " + type.getSimpleName() + ".fxml next to " + type.getName());
        }
        return url;
    }

    private static <T> T load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + loader.getLocation(), e);
        }
    }
}
