package io.socketdeck.ui.quick;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.testsupport.Await;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.LayoutCheck;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The quick command dialog shows every caption whole, in both languages. */
@ExtendWith(ApplicationExtension.class)
class QuickCommandDialogTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        runFx(() -> {
            Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage).toList()
                    .forEach(w -> ((Stage) w).close());
            window.shutdown();
            I18n.use(Locale.ENGLISH);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void itsCaptionsAreNotCut(String language) {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> MainWindowFixture.show(stage, Locale.forLanguageTag(language)));
        Button add = onFx(() -> (Button) stage.getScene().lookup("#clientQuickAdd"));
        Platform.runLater(add::fire); // not waited for: the dialog waits for its OK
        Scene dialog = Await.value(() -> onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(scene -> scene.lookup("#quickName") != null).findFirst().orElse(null)),
                Objects::nonNull, FxTesting.TIMEOUT, "the quick command dialog");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), onFx(() -> LayoutCheck.problems(dialog)));
    }
}
