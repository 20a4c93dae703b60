package io.socketdeck.ui.app;

import io.socketdeck.core.session.Faults;
import io.socketdeck.ui.fx.UiTick;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The view of the tab in front, built off the FX thread while the window's first frame is made:
 * its FXML loaded, its controllers bound to the tab's model, its skins made and its styles
 * matched in a scene of its own that never shows (JavaFX lets nodes be made and styled on any
 * thread until they join a showing window). The FX thread then only joins it to the window,
 * where its styles are matched again from a warm cache and it is laid out. On a cold start that
 * is most of the half second the window used to stop answering after its first frame.
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
    /** Swallows the input that comes while the view builds. */
    private static final EventHandler<InputEvent> SWALLOW = Event::consume;

    private final WindowTab tab;
    private final Runnable releaseTick;
    private final Window window;
    private final Runnable whenDone;
    /** Written by the builder before it hands over to the FX thread; read after. */
    private volatile Node view;

    private ViewInAdvance(WindowTab tab, Runnable releaseTick, Window window, Runnable whenDone) {
        this.tab = tab;
        this.releaseTick = releaseTick;
        this.window = window;
        this.whenDone = whenDone;
    }

    /**
     * Starts building {@code tab}'s view with {@code views} on a thread of its own, styled as in
     * {@code scene}; {@code whenDone} runs on the FX thread once it ends. FX thread.
     */
    static ViewInAdvance start(WindowTab tab, Function<WindowTab, Node> views, Scene scene, UiTick tick,
                               Runnable whenDone) {
        ViewInAdvance advance = new ViewInAdvance(tab, tick.hold(), scene.getWindow(), whenDone);
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
                advance.view = styled(views.apply(tab), rootStyle, rootSheets, sceneSheets);
            } catch (RuntimeException | LinkageError fault) {
                Faults.log("the view could not be built in advance; it is built when shown", fault);
            } finally {
                Platform.runLater(advance::finish);
            }
        }, "socketdeck-view-build");
        builder.setDaemon(true);
        builder.start();
        return advance;
    }

    /** {@code view} with its skins made and styles matched, out of the scene that did it. */
    private static Node styled(Node view, String rootStyle, List<String> rootSheets, List<String> sceneSheets) {
        StackPane stand = new StackPane(view);
        stand.setStyle(rootStyle);
        stand.getStylesheets().setAll(rootSheets);
        Scene offscreen = new Scene(stand);
        offscreen.getStylesheets().setAll(sceneSheets);
        view.applyCss();
        stand.getChildren().clear();
        view.getProperties().put(MARK, Boolean.TRUE);
        return view;
    }

    private void finish() {
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
