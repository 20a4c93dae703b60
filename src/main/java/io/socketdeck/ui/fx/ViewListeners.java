package io.socketdeck.ui.fx;

import java.lang.ref.WeakReference;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * Listeners a view puts on its model that last only while the view is in a window. Views are
 * rebuilt around the same models (a language switch), so a view must not stay subscribed to a
 * model, and be kept alive and updated by it, after its window dropped it.
 */
public final class ViewListeners {

    private ViewListeners() {
    }

    /** {@code listener} hears {@code value}'s changes while {@code owner} is in a scene. */
    public static <T> void onChange(Node owner, ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.when(shown(owner)).addListener(listener);
    }

    /** {@code listener} hears {@code list}'s changes while {@code owner} is in a scene. */
    public static <T> void onListChange(Node owner, ObservableList<T> list, ListChangeListener<? super T> listener) {
        ListChangeListener<T> relay = listener::onChanged;
        owner.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.removeListener(relay);
            } else if (old == null) {
                list.addListener(relay);
            }
        });
        if (owner.getScene() != null) {
            list.addListener(relay);
        }
    }

    /**
     * The window {@code owner} is shown in, or null: for a model that asks the user through its
     * view (a password prompt) without keeping the view alive once another is built.
     */
    public static Supplier<Window> window(Node owner) {
        WeakReference<Node> view = new WeakReference<>(owner);
        return () -> {
            Node node = view.get();
            return node == null || node.getScene() == null ? null : node.getScene().getWindow();
        };
    }

    /** True while {@code owner} is in a scene. */
    public static ObservableValue<Boolean> shown(Node owner) {
        return owner.sceneProperty().map(scene -> true).orElse(false);
    }
}
