package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.LayoutCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With TLS on, the server tab still fits the window's minimum size and 1024 x 768, in English
 * and Chinese, and so does its TLS section (every field, a message under the certificate) in the
 * popup it opens in: nothing cut, nothing on top of another. (The window-size test sees the tab
 * with TLS off, its default.)
 */
@ExtendWith(ApplicationExtension.class)
class TlsSectionFitsTest {

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
    void theTlsSectionFits(int width, int height, String language) {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> {
            MainWindow shown = MainWindowFixture.showSized(stage, Locale.forLanguageTag(language), width, height);
            MainWindowFixture.showTab(stage.getScene().getRoot(), "tabTcpServer");
            shown.tab(TcpServerViewModel.class).bindAddressProperty().set("127.0.0.1");
            shown.tab(TcpServerViewModel.class).portProperty().set("0"); // only the TLS field is wrong
            ServerTls tls = shown.tab(TcpServerViewModel.class).tls();
            tls.enabledProperty().set(true);
            tls.requireClientCertProperty().set(true);
            tls.certificateProperty().set("/no/such/folder/server.p12");
            shown.tab(TcpServerViewModel.class).listen(); // a message under the certificate field
            return shown;
        });
        WaitForAsyncUtils.waitForFxEvents();
        runFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        Scene section = DialogDriver.awaitShowing("serverTlsCert");
        runFx(() -> section.getRoot().layout());
        List<String> problems = new ArrayList<>(onFx(() -> LayoutCheck.problems(stage.getScene())));
        onFx(() -> LayoutCheck.problems(section)).forEach(problem -> problems.add("TLS section: " + problem));
        assertEquals(List.of(), problems, String.join("\n", problems));
        assertEquals(true, onFx(() -> section.lookup("#serverTlsCertError").isVisible()), "the message shown");
    }
}
