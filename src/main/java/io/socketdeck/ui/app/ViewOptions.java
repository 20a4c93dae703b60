package io.socketdeck.ui.app;

import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.log.TrafficLog;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the whole window looks and keeps its logs, the same for every tab, from the View menu:
 * theme, zoom, log size, fixed-width text. Remembered across restarts under {@code ui.}.
 */
public final class ViewOptions {

    /** Zoom steps in per cent of the theme's font size, for View &gt; Zoom and Ctrl+= / Ctrl+-. */
    public static final List<Integer> ZOOM_STEPS = List.of(80, 90, 100, 110, 125, 150, 175, 200);
    public static final int ACTUAL_SIZE = 100;
    /** The theme's own root font size (AtlantaFX: 14px); zoom scales it, and everything sized in em follows. */
    static final double BASE_FONT_PX = 14;
    /** The theme's icon size (AtlantaFX: 18px, in px, so it does not follow the font by itself). */
    static final double BASE_ICON_PX = 18;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom", ACTUAL_SIZE);
    private final IntegerProperty logLimit = new SimpleIntegerProperty(this, "logLimit", TrafficLog.DEFAULT_MAX_ENTRIES);
    private final BooleanProperty monospaceText = new SimpleBooleanProperty(this, "monospaceText");

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Per cent, one of {@link #ZOOM_STEPS}. */
    public IntegerProperty zoomProperty() {
        return zoom;
    }

    /** Rows each tab's log keeps, one of {@link TrafficLog#ENTRY_LIMITS}. */
    public IntegerProperty logLimitProperty() {
        return logLimit;
    }

    /** Text payloads in a fixed-width font too (hex and dump always are). */
    public BooleanProperty monospaceTextProperty() {
        return monospaceText;
    }

    /** The next bigger step; false at the biggest. */
    public boolean zoomIn() {
        int index = ZOOM_STEPS.indexOf(zoom.get());
        if (index < 0 || index == ZOOM_STEPS.size() - 1) {
            return false;
        }
        zoom.set(ZOOM_STEPS.get(index + 1));
        return true;
    }

    /** The next smaller step; false at the smallest. */
    public boolean zoomOut() {
        int index = ZOOM_STEPS.indexOf(zoom.get());
        if (index <= 0) {
            return false;
        }
        zoom.set(ZOOM_STEPS.get(index - 1));
        return true;
    }

    public void actualSize() {
        zoom.set(ACTUAL_SIZE);
    }

    /** The root's font size at the current zoom, as an inline style, e.g. {@code -fx-font-size: 17.5px;}. */
    public String zoomStyle() {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * zoom.get() / 100.0);
    }

    /**
     * A stylesheet for what an inline style cannot reach: the icons, sized in px by the theme,
     * scaled with the zoom. A data URL, so nothing is written anywhere.
     */
    public String zoomStylesheet() {
        String css = String.format(Locale.ROOT, ".ikonli-font-icon { -fx-icon-size: %.1fpx; }",
                BASE_ICON_PX * zoom.get() / 100.0);
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** Under {@code ui.}: {@code theme}, {@code zoom}, {@code logLimit}, {@code monospaceText}; odd values keep the defaults. */
    public PersistedFields persisted() {
        return new PersistedFields()
                .choice("theme", theme, Theme.class)
                .number("zoom", zoom, ZOOM_STEPS::contains)
                .number("logLimit", logLimit, TrafficLog.ENTRY_LIMITS::contains)
                .flag("monospaceText", monospaceText);
    }
}
