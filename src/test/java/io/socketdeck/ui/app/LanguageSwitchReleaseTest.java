package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import java.lang.ref.WeakReference;
import java.util.Locale;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A language switch builds the views again around the same models: the old views must go, not
 * stay alive (and be updated) through a listener they left on a model that lives on.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchReleaseTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> {
            window.shutdown();
            I18n.use(Locale.ENGLISH);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tabTcpClient, clientView",
        "tabTcpServer, serverView",
        "tabUdp, udpView",
        "tabRelay, relayView",
    })
    void theOldViewIsReleased(String tabId, String viewId, FxRobot robot) {
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), tabId));
        awaitFx(() -> FxTesting.lookup(robot, "#" + viewId).tryQuery().isPresent(), "the tab shown");
        WeakReference<Node> old = new WeakReference<>(FxTesting.lookup(robot, "#" + viewId).query());

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));
        awaitFx(() -> FxTesting.lookup(robot, "#" + viewId).tryQuery().filter(view -> view != old.get()).isPresent(),
                "the new view is shown");
        // What the switch left to run (frames, queued runnables, timers) may hold the view for a
        // while, longer on a busy machine (once over 10 s beside stress-ng --cpu 2): wait for the end
        // state, released, as long as a slow one may take. A view kept for good still fails.
        long end = System.nanoTime() + FxTesting.SLOW_TIMEOUT.toNanos();
        while (old.get() != null && System.nanoTime() - end < 0) {
            WaitForAsyncUtils.waitForFxEvents();
            runFx(FxTesting::forgetFiredEvents); // TestFX's own list holds events fired on the old view
            System.gc();
        }
        assertNull(old.get(), "the old view is still reachable");
    }
}
