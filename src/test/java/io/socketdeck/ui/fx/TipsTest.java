package io.socketdeck.ui.fx;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Help texts from FXML, and their tooltips made only when the pointer comes. */
@ExtendWith(ApplicationExtension.class)
class TipsTest {

    private static final String VIEW = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?import io.socketdeck.ui.fx.Tips?>
            <?import javafx.scene.control.Button?>
            <?import javafx.scene.control.Label?>
            <?import javafx.scene.layout.VBox?>
            <VBox xmlns="http://javafx.com/javafx" xmlns:fx="http://javafx.com/fxml" spacing="40">
              <Button fx:id="helped" text="Connect" Tips.text="%connect.tooltip"/>
              <Label fx:id="note" text="a note" Tips.text="%note.tooltip"/>
            </VBox>
            """;

    private Button helped;
    private Label note;

    @Start
    void start(Stage stage) throws Exception {
        ResourceBundle texts = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"connect.tooltip", "Opens the connection"}, {"note.tooltip", "Says more"}};
            }
        };
        FXMLLoader loader = new FXMLLoader();
        loader.setResources(texts);
        VBox view = loader.load(new ByteArrayInputStream(VIEW.getBytes(StandardCharsets.UTF_8)));
        helped = (Button) loader.getNamespace().get("helped");
        note = (Label) loader.getNamespace().get("note");
        stage.setScene(new Scene(view, 300, 200));
        stage.show();
    }

    @Test
    void fxmlGivesTheTranslatedTextAndNoTooltipIsMadeBeforeThePointerComes() {
        assertEquals("Opens the connection", onFx(() -> Tips.getText(helped)));
        assertEquals("Opens the connection", onFx(() -> helped.getAccessibleHelp()), "a screen reader has it at once");
        assertNull(onFx(() -> helped.getTooltip()));
        assertEquals("Says more", onFx(() -> Tips.getText(note)));
    }

    @Test
    void thePointerOverAControlOrAnyNodeShowsItsTipWrapped(FxRobot robot) {
        robot.moveTo(FxTesting.pointOf(() -> helped));
        awaitFx(() -> showing("Opens the connection"), "the button's tip shows");
        Tooltip made = onFx(() -> helped.getTooltip());
        assertTrue(onFx(made::isWrapText));
        assertEquals(Tips.MAX_WIDTH, onFx(made::getMaxWidth));

        robot.moveTo(FxTesting.pointOf(() -> note));
        awaitFx(() -> showing("Says more"), "the label's tip shows");
    }

    @Test
    void aNewTextReachesAMadeTooltipAndNoTextTakesItAway() {
        runFx(() -> Tips.made(helped));
        runFx(() -> Tips.setText(helped, "Connecting needs a port"));
        assertEquals("Connecting needs a port", onFx(() -> helped.getTooltip().getText()));

        runFx(() -> Tips.setText(helped, " "));
        assertNull(onFx(() -> helped.getTooltip()));
        assertNull(onFx(() -> Tips.getText(helped)));
        assertNull(onFx(() -> helped.getAccessibleHelp()));
        assertNull(onFx(() -> Tips.made(helped)), "nothing to show, nothing made");

        runFx(() -> Tips.setText(helped, "Back"));
        assertEquals("Back", onFx(() -> Tips.made(helped).getText()));
    }

    private static boolean showing(String text) {
        return Window.getWindows().stream()
                .anyMatch(window -> window instanceof Tooltip tip && tip.isShowing() && text.equals(tip.getText()));
    }
}
