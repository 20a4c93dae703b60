package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9: a save that failed at exit was a console warning only, so the user's changes were lost
 * without a word. Now a dialog says where and why, and offers to try again or quit without saving.
 * The store here cannot write because a file stands where its folder should be (root included).
 */
@ExtendWith(ApplicationExtension.class)
class ExitSaveTest {

    @TempDir
    Path dir;
    private Path blocker;
    private SettingsStore store;
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void unwritableStore() throws IOException {
        I18n.use(Locale.ENGLISH);
        blocker = Files.writeString(dir.resolve("config"), "a file where the settings folder belongs");
        store = new SettingsStore(blocker.resolve("settings.json"));
    }

    private Optional<String> save() {
        attempts.incrementAndGet();
        try {
            store.save(new Settings().put("language", "en"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }

    private Future<Boolean> exit() {
        return WaitForAsyncUtils.asyncFx(() -> ExitSave.run(this::save, store.file(), null));
    }

    private DialogPane awaitDialog(FxRobot robot) {
        FxTesting.awaitFx(() -> FxTesting.lookup(robot, "#settingsSaveFailed").tryQuery().isPresent(),
                "the save-failed dialog");
        return FxTesting.lookup(robot, "#settingsSaveFailed").queryAs(DialogPane.class);
    }

    @Test
    void aFailedSaveAtExitIsToldAndTheUserMayQuitWithoutSaving(FxRobot robot) throws Exception {
        Future<Boolean> exit = exit();
        DialogPane dialog = awaitDialog(robot);
        String text = onFx(dialog::getContentText);
        assertTrue(text.startsWith("The settings could not be saved to " + store.file() + ":"), text);
        assertTrue(text.contains("FileSystemException") || text.contains("Exception"), "names the reason: " + text);
        assertEquals("Your settings were not saved", onFx(dialog::getHeaderText));

        click(robot, "Quit without saving");
        assertFalse(exit.get(10, TimeUnit.SECONDS), "not saved");
        assertEquals(1, attempts.get());
    }

    @Test
    void afterTheCauseIsFixedTryAgainSaves(FxRobot robot) throws Exception {
        Future<Boolean> exit = exit();
        awaitDialog(robot);
        Files.delete(blocker); // the user frees the path

        click(robot, "Try again");
        assertTrue(exit.get(10, TimeUnit.SECONDS), "saved on the second try");
        assertEquals(2, attempts.get());
        assertEquals("en", store.load().getString("language", ""));
    }
}
