package io.socketdeck.ui.app;

import io.socketdeck.core.session.Faults;
import io.socketdeck.ui.fx.CellPrimer;
import io.socketdeck.ui.fx.UiTick;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The view of the tab in front, built off the FX thread while the window's first frame is made:
 * its FXML loaded, its controllers bound to the tab's model, its skins made and its styles
 * matched in a scene of its own that never shows (JavaFX lets nodes be made, styled and laid out
 * on any thread until they join a showing window), laid out at the size the window's first layout
 * gives its tab, and its lists' first cells made ({@link CellPrimer}). The FX thread then only
 * joins it to the window: its styles are matched again there (JavaFX keeps its matches per
 * scene), its layout mostly stands. Bench group idle, the FX thread's longest pulse after the
 * first frame: 0.50 to 0.63 s when the view was built there, 75 to 112 ms now.
 *
 * <p>While it builds, nothing may change what it binds to, so the window's tick is held (the
 * engine's rows and events wait in their queues, as on any busy pulse) and the window takes no
 * input: before the view is there, input could only reach the menus, whose actions change the
 * models (the language, the log's size, a tab opened or closed). Both come back when the build
 * ends, however it ends; a build that failed leaves the view to be built on the FX thread as a
 * tab's view always was.
 */
final class ViewInAdvance {

    /** The built view's mark (its properties' key): it was built here. */
    private static final String MARK = "socketdeck.builtInAdvance";
    /** How long the builder waits for the window's first layout to learn the view's size. */
    private static final long SIZE_WAIT_SECONDS = 5;
    /** Swallows the input that comes while the view builds. */
    private static final EventHandler<InputEvent> SWALLOW = Event::consume;

    private final WindowTab tab;
    private final Runnable releaseTick;
    private final Window window;
    private final Runnable whenDone;
    /** The size of the tab's content, from the window's first layout (see {@link #contentSize}). */
    private final CompletableFuture<Dimension2D> size = new CompletableFuture<>();
    /** Written by the builder before it hands over to the FX thread; read after. */
    private volatile Node view;

    private ViewInAdvance(WindowTab tab, Runnable releaseTick, Window window, Runnable whenDone) {
        this.tab = tab;
        this.releaseTick = releaseTick;
        this.window = window;
        this.whenDone = whenDone;
    }

    /**
     * Starts building {@code tab}'s view with {@code views} on a thread of its own, to be shown in
     * {@code pane}, which is in its window's scene; {@code whenDone} runs on the FX thread once it
     * ends. FX thread.
     */
    static ViewInAdvance start(WindowTab tab, Function<WindowTab, Node> views, TabPane pane, UiTick tick,
                               Runnable whenDone) {
        Scene scene = pane.getScene();
        ViewInAdvance advance = new ViewInAdvance(tab, tick.hold(), scene.getWindow(), whenDone);
        advance.contentSize(pane);
        if (advance.window != null) {
            advance.window.addEventFilter(InputEvent.ANY, SWALLOW);
        }
        // What styles the view in the window: its stylesheets and the root's (the zoom's font size).
        Parent root = scene.getRoot();
        String rootStyle = root.getStyle();
        List<String> rootSheets = List.copyOf(root.getStylesheets());
        List<String> sceneSheets = List.copyOf(scene.getStylesheets());
        Thread builder = new Thread(() -> {
            try {
                advance.view = styled(views.apply(tab), rootStyle, rootSheets, sceneSheets, advance.size);
            } catch (RuntimeException | LinkageError fault) {
                Faults.log("the view could not be built in advance; it is built when shown", fault);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                Platform.runLater(advance::finish);
            }
        }, "socketdeck-view-build");
        builder.setDaemon(true);
        builder.start();
        return advance;
    }

    /**
     * Learns the size of {@code pane}'s content once its scene's first layout (the first frame's)
     * gives it one; stops looking when the build has ended without it.
     */
    private void contentSize(TabPane pane) {
        Scene scene = pane.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (size.isDone()) {
                    scene.removePostLayoutPulseListener(this); // a copy-on-write list: safe while it runs
                } else if (pane.lookup(".tab-content-area") instanceof Region area && area.getHeight() > 0) {
                    scene.removePostLayoutPulseListener(this);
                    Insets insets = area.getInsets();
                    size.complete(new Dimension2D(area.getWidth() - insets.getLeft() - insets.getRight(),
                            area.getHeight() - insets.getTop() - insets.getBottom()));
                }
            }
        });
    }

    /**
     * {@code view} with its skins made and styles matched, laid out at the {@code size} it will
     * have in the window (once the window's first layout tells), its lists' first cells made, out
     * of the scene that did it.
     */
    private static Node styled(Node view, String rootStyle, List<String> rootSheets, List<String> sceneSheets,
                               Future<Dimension2D> size) throws InterruptedException {
        StackPane stand = new StackPane(view);
        stand.setStyle(rootStyle);
        stand.getStylesheets().setAll(rootSheets);
        Scene offscreen = new Scene(stand);
        offscreen.getStylesheets().setAll(sceneSheets);
        view.applyCss();
        try {
            Dimension2D area = size.get(SIZE_WAIT_SECONDS, TimeUnit.SECONDS);
            stand.resize(area.getWidth(), area.getHeight());
            stand.layout();
            CellPrimer.primeLaidOut(view);
        } catch (ExecutionException | TimeoutException | CancellationException unknown) {
            // laid out in the window only: slower to join, the same once there
        }
        stand.getChildren().clear();
        view.getProperties().put(MARK, Boolean.TRUE);
        return view;
    }

    private void finish() {
        size.cancel(false); // no one waits for it any more
        if (window != null) {
            window.removeEventFilter(InputEvent.ANY, SWALLOW);
        }
        releaseTick.run();
        whenDone.run();
    }

    /** Whether {@code view} was built off the FX thread here. */
    static boolean builtInAdvance(Node view) {
        return view.getProperties().containsKey(MARK);
    }

    WindowTab tab() {
        return tab;
    }

    /** The view built, or null when the build failed. FX thread, once it has ended. */
    Node view() {
        return view;
    }
}
