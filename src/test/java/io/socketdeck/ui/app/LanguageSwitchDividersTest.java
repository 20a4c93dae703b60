package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.pointOf;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A language switch builds the views again around the same models: the dividers stay where the
 * user left them (dragged, or moved some other way), in the tab in front and in a tab shown later,
 * rather than going back to the positions the views start with.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchDividersTest {

    /** A divider's position as a fraction: within this of where it was left, it stayed. */
    private static final double NEAR = 0.01;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> MainWindowFixture.shutDown(window));
    }

    @Test
    void theDividersStayWhereTheUserLeftThem(FxRobot robot) {
        // The client's divider between the log and the send box, dragged up by the mouse.
        click(robot, "#tabTcpClient");
        SplitPane clientSplit = onFx(() -> splits(robot, "#clientView").get(0));
        double clientAtFirst = onFx(() -> clientSplit.getDividerPositions()[0]);
        robot.drag(pointOf(() -> divider(clientSplit))).dropBy(0, -90);
        awaitFx(() -> clientSplit.getDividerPositions()[0] < clientAtFirst - 0.05,
                () -> "dragged up, at " + onFx(() -> clientSplit.getDividerPositions()[0]));
        double[] clientLeft = onFx(clientSplit::getDividerPositions);

        // The server's two: above and below the log, and between its clients and its send box.
        click(robot, "#tabTcpServer");
        List<SplitPane> serverSplits = onFx(() -> splits(robot, "#serverView"));
        assertEquals(List.of(Orientation.VERTICAL, Orientation.HORIZONTAL),
                onFx(() -> serverSplits.stream().map(SplitPane::getOrientation).toList()), "the outer split, then the inner");
        runFx(() -> {
            serverSplits.get(0).setDividerPositions(0.4);
            serverSplits.get(1).setDividerPositions(0.45);
        });
        awaitFx(() -> near(positions(serverSplits), new double[] {0.4, 0.45}),
                () -> "the server's dividers moved, at " + onFx(() -> Arrays.toString(positions(serverSplits))));
        double[] serverLeft = onFx(() -> positions(serverSplits));

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));

        // The server, in front, at once; the client when shown again.
        awaitFx(() -> FxTesting.lookup(robot, "#serverView").tryQuery().filter(view -> !serverSplits.contains(
                splitsIn(view).get(0))).isPresent(), "the server's view built again");
        List<SplitPane> serverAfter = onFx(() -> splits(robot, "#serverView"));
        awaitFx(() -> near(positions(serverAfter), serverLeft), () -> "the server's dividers where they were left, "
                + Arrays.toString(serverLeft) + ", not at " + onFx(() -> Arrays.toString(positions(serverAfter))));
        click(robot, "#tabTcpClient");
        awaitFx(() -> FxTesting.lookup(robot, "#clientView").tryQuery()
                .filter(view -> splitsIn(view).get(0) != clientSplit).isPresent(), "the client's view built again");
        SplitPane clientAfter = onFx(() -> splits(robot, "#clientView").get(0));
        awaitFx(() -> near(clientAfter.getDividerPositions(), clientLeft), () -> "the client's divider where it was left, "
                + Arrays.toString(clientLeft) + ", not at " + onFx(() -> Arrays.toString(clientAfter.getDividerPositions())));
    }

    /** The split panes of the view {@code query} finds, outer before inner. FX thread. */
    private static List<SplitPane> splits(FxRobot robot, String query) {
        return splitsIn(FxTesting.lookup(robot, query).query());
    }

    private static List<SplitPane> splitsIn(Node view) {
        return view.lookupAll(".session-split").stream().map(SplitPane.class::cast).toList();
    }

    /** The divider the user drags: the skin's, among the split pane's own children. */
    private static Node divider(SplitPane split) {
        return split.getChildrenUnmodifiable().stream().filter(node -> node.getStyleClass().contains("split-pane-divider"))
                .findFirst().orElseThrow();
    }

    private static double[] positions(List<SplitPane> splits) {
        return splits.stream().flatMapToDouble(split -> Arrays.stream(split.getDividerPositions())).toArray();
    }

    private static boolean near(double[] shown, double[] left) {
        if (shown.length != left.length) {
            return false;
        }
        for (int i = 0; i < shown.length; i++) {
            if (Math.abs(shown[i] - left[i]) > NEAR) {
                return false;
            }
        }
        return true;
    }
}
