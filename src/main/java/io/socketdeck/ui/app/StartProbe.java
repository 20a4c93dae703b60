package io.socketdeck.ui.app;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * The cold-start benchmark's probe (and the class-data-sharing training run's), on with
 * {@code -Dsocketdeck.startProbe=true}: prints {@value #FIRST_FRAME} when the window's first frame
 * is laid out, {@value #FIRST_VIEW} when the first frame with the view of the tab in front is, and
 * then exits. The lines and the property are public for the benchmark that reads them.
 */
public final class StartProbe {

    public static final String PROPERTY = "socketdeck.startProbe";
    public static final String FIRST_FRAME = "socketdeck: first frame";
    public static final String FIRST_VIEW = "socketdeck: first view";

    private StartProbe() {
    }

    /** {@code viewsWait}: true while the tab in front has not built its view (see MainWindow). */
    static void watch(Scene scene, ObservableBooleanValue viewsWait) {
        boolean[] frameSaid = new boolean[1];
        scene.addPostLayoutPulseListener(() -> {
            if (!frameSaid[0]) {
                frameSaid[0] = true;
                System.out.println(FIRST_FRAME);
            }
            if (!viewsWait.get()) {
                System.out.println(FIRST_VIEW);
                System.exit(0);
            }
        });
    }
}
