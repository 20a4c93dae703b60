package io.socketdeck.ui.fx;

import io.socketdeck.testsupport.Await;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.robot.Motion;
import org.testfx.service.query.NodeQuery;
import org.testfx.service.query.PointQuery;
import org.testfx.service.query.impl.CallableBoundsPointQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads FX state from a test thread, and points at nodes, safely: every check and every measuring
 * runs on the FX thread.
 */
public final class FxTesting {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FxTesting() {
    }

    /** Time for heavy work on the FX thread, such as building a whole window, on a loaded machine. */
    public static final Duration SLOW_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Whether {@code list}'s last item is its last shown cell, wholly in the viewport (the flow's
     * clipped area, above any horizontal scroll bar) and at its bottom: less than a row of space
     * under it. FX thread.
     */
    public static boolean lastRowWhollyAtTheBottom(ListView<?> list) {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)
                || !(flow.lookup(".clipped-container") instanceof Region viewport)) {
            return false;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null || last.getIndex() != list.getItems().size() - 1) {
            return false;
        }
        double cellBottom = last.localToScene(last.getBoundsInLocal()).getMaxY();
        double viewBottom = viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
        return cellBottom <= viewBottom + 0.5 && cellBottom >= viewBottom - last.getHeight();
    }

    /** Whether {@code node} is drawn: it and every parent visible (a list hides the rows of its empty cells). */
    public static boolean isShown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code query} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> query) {
        return onFx(TIMEOUT, query);
    }

    /** Runs {@code query} on the FX thread and returns its result, waiting up to {@code timeout}. */
    public static <T> T onFx(Duration timeout, Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("FX query failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + timeout, e);
        }
    }

    /**
     * TestFX's {@code robot.lookup(query)}, walked on the FX thread. TestFX walks the scene graph on
     * the calling thread, and a pulse adding or removing children meanwhile (a list's cells, a
     * skin's parts) made the walk throw: an {@code IndexOutOfBoundsException} in
     * {@code Parent.lookupAll}, once in a clean-clone CI run. The query returned holds the nodes
     * found then; what is asked of those nodes afterwards belongs on the FX thread too.
     */
    public static NodeQuery lookup(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query));
    }

    /** {@link #lookup(FxRobot, String)} for the nodes that {@code predicate} accepts. */
    public static <T extends Node> NodeQuery lookup(FxRobot robot, Predicate<T> predicate) {
        return onFx(() -> robot.lookup(predicate));
    }

    /** Puts {@code text} into the text field {@code query} finds, as typing it whole would; FX thread. */
    public static void setText(FxRobot robot, String query, String text) {
        runFx(() -> lookup(robot, query).queryAs(TextField.class).setText(text));
    }

    /** The text of the label {@code query} finds, read on the FX thread. */
    public static String labelText(FxRobot robot, String query) {
        return onFx(() -> lookup(robot, query).queryAs(Label.class).getText());
    }

    /**
     * Clicks the middle of the first shown node {@code query} finds, measured on the FX thread.
     * TestFX's own {@code clickOn(query)} measures the node on the calling thread, and bounds are
     * computed lazily and cached in the parents: measuring beside a pulse can corrupt that cache,
     * and the pulse fails with an IndexOutOfBoundsException in {@code Parent.updateCachedBounds}
     * (TestFX issue 813). The click itself is TestFX's, as the user's would be.
     */
    public static FxRobot click(FxRobot robot, String query) {
        return robot.clickOn(pointOf(() -> robot.lookup(query).match(FxTesting::isOnScreen).query()), Motion.DEFAULT);
    }

    /** {@link #click(FxRobot, String)} for a node already found. */
    public static FxRobot click(FxRobot robot, Node node) {
        return robot.clickOn(pointOf(() -> node), Motion.DEFAULT);
    }

    /** Double-clicks as {@link #click(FxRobot, String)} clicks. */
    public static FxRobot doubleClick(FxRobot robot, String query) {
        return robot.doubleClickOn(pointOf(() -> robot.lookup(query).match(FxTesting::isOnScreen).query()),
                Motion.DEFAULT);
    }

    /** {@link #doubleClick(FxRobot, String)} for a node already found. */
    public static FxRobot doubleClick(FxRobot robot, Node node) {
        return robot.doubleClickOn(pointOf(() -> node), Motion.DEFAULT);
    }

    /**
     * The middle of the node {@code find} gives, found and measured on the FX thread each time the
     * robot asks: when the mouse arrives it asks again, so a node that moved meanwhile (a tab
     * header sliding after a close) is still hit.
     */
    public static PointQuery pointOf(Callable<Node> find) {
        return new CallableBoundsPointQuery(() -> onFx(() -> {
            Node node = find.call();
            if (node == null) {
                throw new AssertionError("no such node on screen");
            }
            return node.localToScreen(node.getBoundsInLocal());
        })).atPosition(Pos.CENTER);
    }

    /** Shown and in a window that is showing: what TestFX's clickOn would pick. */
    private static boolean isOnScreen(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing() && isShown(node);
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void runFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    public static void awaitFx(Callable<Boolean> condition, String what) {
        Await.until(() -> onFx(condition), TIMEOUT, what);
    }

    /** Waits until {@code condition} holds; {@code what} describes the failure when it does not. */
    public static void awaitFx(Callable<Boolean> condition, Supplier<String> what) {
        Await.until(() -> onFx(condition), TIMEOUT, what);
    }

    /**
     * TestFX keeps every event fired through its registered stage, in a list that only grows, for
     * the whole test run; each event holds its target. A test that checks a node is released must
     * have it forget them first: a sort event left there on the server's old client table kept its
     * whole view reachable (found in a heap dump). Registering the same stage again starts a new,
     * empty list. FX thread.
     */
    public static void forgetFiredEvents() {
        FxToolkitContext context = FxToolkit.toolkitContext();
        context.setRegisteredStage(context.getRegisteredStage());
    }

    /**
     * Whether the FX thread runs a task handed to it now, within {@link #TIMEOUT}: it is not stuck
     * (in a file's open, say). Not on the FX thread.
     */
    public static boolean fxThreadFree() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Platform.runLater(ran::countDown);
        return ran.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
