package io.socketdeck.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Supplier;
import javafx.application.Application;

/**
 * The looks offered in View &gt; Theme: AtlantaFX's Primer, light and dark. Every colour of our own
 * stylesheets is one of the theme's looked-up colours, so a theme recolours all of it; switching
 * changes the application's user-agent stylesheet, live, for every window.
 */
public enum Theme {
    // The binary form of the same stylesheets (AtlantaFX ships both): read without parsing CSS,
    // which is a part of the cold start a user waits for.
    LIGHT("themeLight", () -> new PrimerLight().getUserAgentStylesheetBSS()),
    DARK("themeDark", () -> new PrimerDark().getUserAgentStylesheetBSS());

    private final String menuId;
    private final Supplier<String> stylesheet;

    Theme(String menuId, Supplier<String> stylesheet) {
        this.menuId = menuId;
        this.stylesheet = stylesheet;
    }

    /** The automation id of its View &gt; Theme item. */
    public String menuId() {
        return menuId;
    }

    /** Makes this the look of every window; FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet.get());
    }
}
