package io.socketdeck.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {

    @Test
    void theDefaultFitsAndIsCentredOnABigScreen() {
        assertEquals(new Rectangle2D(320, 140, 1280, 800), WindowBounds.fit(1280, 800, new Rectangle2D(0, 0, 1920, 1080)));
    }

    @Test
    void onA1024By768ScreenItIsNoBiggerThanTheVisualBoundsAndStartsInsideThem() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1024, 740); // a task bar takes 28 px
        assertEquals(new Rectangle2D(0, 0, 1024, 740), WindowBounds.fit(1280, 800, screen));
    }

    @Test
    void aScreenThatDoesNotStartAtZeroIsHonoured() {
        Rectangle2D second = new Rectangle2D(1920, 24, 1366, 744);
        Rectangle2D bounds = WindowBounds.fit(1280, 800, second);
        assertEquals(new Rectangle2D(1920 + 43, 24, 1280, 744), bounds);
    }

    @Test
    void aRememberedSizeBelowTheMinimumOrNonsenseIsRepaired() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1920, 1080);
        assertEquals(900, WindowBounds.fit(300, 200, screen).getWidth());
        assertEquals(520, WindowBounds.fit(300, 200, screen).getHeight());
        assertEquals(1920, WindowBounds.fit(Double.NaN, 800, screen).getWidth());
    }

    @Test
    void aScreenSmallerThanTheMinimumGetsAWindowItsOwnSize() {
        Rectangle2D tiny = new Rectangle2D(0, 0, 800, 480);
        assertEquals(new Rectangle2D(0, 0, 800, 480), WindowBounds.fit(1280, 800, tiny));
        assertEquals(800, WindowBounds.minWidth(tiny));
    }
}
