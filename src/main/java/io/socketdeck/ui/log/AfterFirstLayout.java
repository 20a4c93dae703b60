package io.socketdeck.ui.log;

import java.util.function.BooleanSupplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs {@code action} once, after the first layout pass of {@code node}'s scene in which
 * {@code laidOut} holds, in whichever scene the node is by then: a view may be built in a scene
 * of its own and join the window later. FX thread.
 */
final class AfterFirstLayout implements Runnable, ChangeListener<Scene> {

    private final Node node;
    private final BooleanSupplier laidOut;
    private final Runnable action;

    AfterFirstLayout(Node node, BooleanSupplier laidOut, Runnable action) {
        this.node = node;
        this.laidOut = laidOut;
        this.action = action;
        node.sceneProperty().addListener(this);
        changed(node.sceneProperty(), null, node.getScene());
    }

    @Override
    public void changed(ObservableValue<? extends Scene> scene, Scene old, Scene now) {
        if (old != null) {
            old.removePostLayoutPulseListener(this);
        }
        if (now != null) {
            now.addPostLayoutPulseListener(this);
        }
    }

    /** After a layout pass of the node's scene. */
    @Override
    public void run() {
        if (laidOut.getAsBoolean()) {
            node.sceneProperty().removeListener(this);
            node.getScene().removePostLayoutPulseListener(this);
            action.run();
        }
    }
}
