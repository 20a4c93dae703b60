package io.socketdeck.ui.fx;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs an action after a scene has laid out a number of frames, once the last of those pulses is
 * over: for work that must not lengthen a frame that is already long (a window's first frame, or
 * the pulse after it, which carries the CSS and layout the first one queued). It asks for each
 * pulse it waits for past the first, since an idle window has none of its own.
 */
public final class AfterFrames implements Runnable {

    private final Scene scene;
    private final Runnable action;
    private int framesLeft;

    private AfterFrames(Scene scene, int frames, Runnable action) {
        this.scene = scene;
        this.framesLeft = frames;
        this.action = action;
    }

    /** Runs {@code action} on the FX thread after {@code scene}'s next {@code frames} laid-out pulses. */
    public static void schedule(Scene scene, int frames, Runnable action) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1: " + frames);
        }
        scene.addPostLayoutPulseListener(new AfterFrames(scene, frames, action));
    }

    @Override
    public void run() {
        if (--framesLeft > 0) {
            Platform.requestNextPulse();
            return;
        }
        scene.removePostLayoutPulseListener(this); // a copy-on-write list: safe while it runs
        Platform.runLater(action); // after this pulse, so its frame goes out first
    }
}
