package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;

import io.socketdeck.testsupport.Await;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the window's dialogs and works them as a user does, for the TestFX tests. */
public final class DialogDriver {

    private DialogDriver() {
    }

    /**
     * Fires {@code opener} (not waited for: a dialog waits for its OK) and returns the scene of the
     * dialog that shows a node with id {@code fieldId}.
     */
    public static Scene open(Button opener, String fieldId) {
        Platform.runLater(opener::fire);
        return awaitShowing(fieldId);
    }

    /**
     * The scene of the showing window (a dialog, a popup) that holds a node with id {@code nodeId},
     * once there is one; fails after {@link FxTesting#TIMEOUT}.
     */
    public static Scene awaitShowing(String nodeId) {
        return Await.value(() -> onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(scene -> scene.lookup("#" + nodeId) != null).findFirst()
                        .orElse(null)), Objects::nonNull, FxTesting.TIMEOUT, "a window with #" + nodeId);
    }

    public static void press(Scene dialog, ButtonType type) {
        runFx(() -> ((Button) ((DialogPane) dialog.getRoot()).lookupButton(type)).fire());
    }

    @SuppressWarnings("unchecked")
    public static <T> void choose(Scene dialog, String id, T value) {
        runFx(() -> ((ComboBox<T>) dialog.lookup(id)).setValue(value));
    }

    /** Closes every window but {@code main}: a dialog a failed test left open. FX thread. */
    public static void closeAllBut(Stage main) {
        Window.getWindows().stream().filter(w -> w != main && w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close());
    }
}
