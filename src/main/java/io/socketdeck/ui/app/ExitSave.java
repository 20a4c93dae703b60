package io.socketdeck.ui.app;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogStyle;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The last save, at exit, and what the user is told when it fails: a dialog, while the user can
 * still act on it (free some disk space, fix the folder's permissions) and try again, or quit
 * knowing what is lost. Not a note for the next start: the disk that refused the settings would
 * most likely refuse that note too, and a console warning nobody sees was all there was before.
 */
final class ExitSave {

    private ExitSave() {
    }

    /**
     * Runs {@code save} (empty when it worked, else the reason) until it works or the user gives
     * up; FX thread, blocks in a dialog while the user decides.
     *
     * @param look the window whose look the dialog takes, or null
     * @return true when the settings were saved
     */
    static boolean run(Supplier<Optional<String>> save, Path file, Window look) {
        while (true) {
            Optional<String> problem = save.get();
            if (problem.isEmpty()) {
                return true;
            }
            if (!askToRetry(file, problem.get(), look)) {
                return false;
            }
        }
    }

    private static boolean askToRetry(Path file, String problem, Window look) {
        ButtonType retry = new ButtonType(I18n.text("settings.saveFailed.retry"), ButtonBar.ButtonData.YES);
        ButtonType quit = new ButtonType(I18n.text("settings.saveFailed.quit"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.ERROR,
                I18n.format("settings.saveFailed.atExit", file.toString(), problem), retry, quit);
        alert.setTitle(I18n.text("app.title"));
        alert.setHeaderText(I18n.text("settings.saveFailed.header"));
        alert.getDialogPane().setId("settingsSaveFailed");
        DialogStyle.like(alert, look); // the window's theme and zoom, although the window is closing
        return alert.showAndWait().orElse(quit) == retry;
    }
}
