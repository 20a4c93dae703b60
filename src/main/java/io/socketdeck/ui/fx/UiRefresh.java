package io.socketdeck.ui.fx;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * A slow repaint for numbers that change on another thread (sends made, bytes of a file):
 * four times a second while something runs, never once per packet.
 */
public final class UiRefresh {

    private final Timeline timeline;

    public UiRefresh(Runnable refresh) {
        timeline = new Timeline(new KeyFrame(Duration.millis(250), event -> refresh.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }
}
