package io.socketdeck.ui.tcpserver;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.testsupport.LowPorts;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.common.I18n;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Child-JVM half of the UI permission test, for machines where the tests run as root: shows the
 * real window headless (Monocle), listens on 127.0.0.1:1 with the Listen button and prints the
 * port field's message once the tab is idle again: {@code FIELD <text>}.
 */
public final class LowPortFieldProbe {

    private LowPortFieldProbe() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no FX toolkit");
        }
        Scene scene = onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
            I18n.use(Locale.ENGLISH);
            MainWindow window = new MainWindow(locale -> { });
            Stage stage = new Stage();
            stage.setScene(new Scene(window.root(), 1100, 700));
            stage.show();
            io.socketdeck.ui.app.MainWindowFixture.showTab(stage.getScene().getRoot(), "tabTcpServer");
            ((ComboBox<?>) stage.getScene().lookup("#serverBind")).getEditor().setText("127.0.0.1");
            ((TextField) stage.getScene().lookup("#serverPort")).setText(Integer.toString(LowPorts.PRIVILEGED_PORT));
            ((Button) stage.getScene().lookup("#serverListen")).fire();
            return stage.getScene();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String message = "";
        while (System.nanoTime() < deadline) {
            message = onFx(() -> {
                String text = ((Label) scene.lookup("#serverPortError")).getText();
                boolean idle = ((Button) scene.lookup("#serverListen")).getText().equals(I18n.text("server.listen"));
                return idle && !text.isEmpty() ? text : "";
            });
            if (!message.isEmpty()) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // poll interval of a condition wait
        }
        System.out.println("FIELD " + message);
        System.out.flush();
        System.exit(0);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
