package io.socketdeck.ui.tab;

import io.socketdeck.ui.fx.UiTick;

/**
 * What the window gives each tab it builds: the window's one {@link UiTick}, on which every
 * engine-to-window update runs.
 */
public record TabContext(UiTick tick) {
}
