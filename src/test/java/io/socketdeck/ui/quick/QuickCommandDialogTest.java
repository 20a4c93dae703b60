package io.socketdeck.ui.quick;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.LayoutCheck;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
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
            DialogDriver.closeAllBut(stage);
            window.shutdown();
            I18n.use(Locale.ENGLISH);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void itsCaptionsAreNotCut(String language) {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> MainWindowFixture.show(stage, Locale.forLanguageTag(language)));
        Scene dialog = DialogDriver.open(onFx(() -> (Button) stage.getScene().lookup("#clientQuickAdd")), "quickName");
        runFx(() -> { // CSS and layout of the dialog as shown, now, rather than hoping for a pulse
            dialog.getRoot().applyCss();
            dialog.getRoot().layout();
        });
        assertEquals(List.of(), onFx(() -> LayoutCheck.problems(dialog)));
        assertEquals(List.of(), onFx(() -> Stream.of("quickName", "quickPayload", "quickEncoding", "quickHex",
                "quickEscapes", "quickLineEnding", "quickChecksum", "quickProblem")
                .filter(id -> dialog.lookup("#" + id) == null).toList()), "every control has its id");
    }
}
