package io.socketdeck.tools;

import io.socketdeck.Launcher;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Starts the real app for a demo (screenshots, not tests) with a settings file of its own, never
 * the user's, and lets the demo drive the window on the FX thread.
 */
final class DemoWindow {

    private DemoWindow() {
    }

    /**
     * Launches the app and returns its scene once the node {@code readyId} is in it. The system
     * property {@code demo.theme} ({@code LIGHT} or {@code DARK}) picks the theme.
     */
    static Scene launch(String[] args, String readyId, Settings settings) throws Exception {
        settings.put("ui.theme", System.getProperty("demo.theme", "LIGHT"));
        useSettings(settings);
        Thread app = new Thread(() -> Launcher.main(args), "app");
        app.start();
        for (int i = 0; i < 300; i++) {
            CompletableFuture<Scene> found = new CompletableFuture<>();
            try {
                Platform.runLater(() -> found.complete(Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(s -> s != null && s.lookup(readyId) != null)
                        .findFirst().orElse(null)));
                Scene scene = found.get(1, TimeUnit.SECONDS);
                if (scene != null) {
                    return scene;
                }
            } catch (IllegalStateException | TimeoutException notYetUp) {
                // the toolkit is starting, or busy building the window: keep polling
            }
            Thread.sleep(100); // a demo polls the wall clock; tests wait on conditions instead
        }
        throw new IllegalStateException("the window did not appear");
    }

    private static void useSettings(Settings settings) throws IOException {
        Path file = Files.createTempDirectory("socketdeck-demo").resolve("settings.json");
        new SettingsStore(file).save(settings);
        System.setProperty(SettingsStore.PATH_PROPERTY, file.toString());
    }

    static void onFx(Scene scene, Consumer<Scene> action) throws Exception {
        query(scene, s -> {
            action.accept(s);
            return null;
        });
    }

    static <T> T query(Scene scene, Function<Scene, T> question) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(question.apply(scene));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(5, TimeUnit.SECONDS);
    }
}
