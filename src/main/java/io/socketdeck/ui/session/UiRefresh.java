package io.socketdeck.ui.session;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * A slow repaint for numbers that change on another thread (sends made, bytes of a file):
 * four times a second while something runs, never once per packet.
 */
final class UiRefresh {

    private final Timeline timeline;

    UiRefresh(Runnable refresh) {
        timeline = new Timeline(new KeyFrame(Duration.millis(250), event -> refresh.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
    }
}
