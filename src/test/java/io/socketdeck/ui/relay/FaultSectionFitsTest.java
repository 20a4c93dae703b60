package io.socketdeck.ui.relay;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.Leg;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.LayoutCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fault panel fits, in English and Chinese, with messages under some of its fields and the
 * badges of every fault shown in the bar: nothing cut, nothing on top of another, in the popup
 * or in the tab. (The window-size test sees the tab with no fault on, its default.)
 */
@ExtendWith(ApplicationExtension.class)
class FaultSectionFitsTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        runFx(() -> MainWindowFixture.shutDown(window));
    }

    @ParameterizedTest(name = "{0} x {1}, {2}")
    @CsvSource({
        "900, 520, en",
        "900, 520, zh",
        "1024, 768, en",
        "1024, 768, zh",
    })
    void theFaultPanelAndTheBadgesFit(int width, int height, String language) {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> {
            MainWindow shown = MainWindowFixture.showSized(stage, Locale.forLanguageTag(language), width, height);
            MainWindowFixture.showTab(stage.getScene().getRoot(), "tabRelay");
            RelayViewModel relay = shown.tab(RelayViewModel.class);
            LegFaultFields up = relay.faultFields(Leg.UP);
            up.latency.textProperty().set("5000");
            up.jitter.textProperty().set("100");
            up.bandwidth.textProperty().set("1000000");
            up.resetAfter.textProperty().set("123456");
            LegFaultFields down = relay.faultFields(Leg.DOWN);
            down.slice.textProperty().set("16");
            down.sliceDelay.textProperty().set("5");
            down.stallProperty().set(true);
            relay.holdProperty().set(true);
            down.corrupt.textProperty().set("many"); // messages under two fields
            up.drop.textProperty().set("5");
            ((Button) stage.getScene().lookup("#relayFaults")).fire();
            return shown;
        });
        WaitForAsyncUtils.waitForFxEvents();
        runFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        Scene section = DialogDriver.awaitShowing("relayUpLatency");
        runFx(() -> section.getRoot().layout());
        List<String> problems = new ArrayList<>(onFx(() -> LayoutCheck.problems(stage.getScene())));
        onFx(() -> LayoutCheck.problems(section)).forEach(problem -> problems.add("fault panel: " + problem));
        assertEquals(List.of(), problems, String.join("\n", problems));
        assertEquals(true, onFx(() -> section.lookup("#relayDownCorruptError").isVisible()), "the message shown");
    }
}
