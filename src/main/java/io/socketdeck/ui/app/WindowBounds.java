package io.socketdeck.ui.app;

import javafx.geometry.Rectangle2D;

/**
 * Where the first window goes: the size asked for (the default or the last session's), made to
 * fit the screen's visual bounds (without the task bar), and centred there, so on a 1024 x 768
 * screen it never opens larger than the screen or with its menu above the top edge.
 */
final class WindowBounds {

    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 520;
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    private WindowBounds() {
    }

    /** The window's bounds for a wish of {@code width} x {@code height} on a screen whose visual bounds are {@code screen}. */
    static Rectangle2D fit(double width, double height, Rectangle2D screen) {
        double w = clamp(width, minWidth(screen), screen.getWidth());
        double h = clamp(height, minHeight(screen), screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    /** The window's minimum width: 900, or the screen's width on a smaller screen. */
    static double minWidth(Rectangle2D screen) {
        return Math.min(MIN_WIDTH, screen.getWidth());
    }

    static double minHeight(Rectangle2D screen) {
        return Math.min(MIN_HEIGHT, screen.getHeight());
    }

    private static double clamp(double wish, double min, double max) {
        return Double.isFinite(wish) ? Math.max(min, Math.min(wish, max)) : max;
    }
}
