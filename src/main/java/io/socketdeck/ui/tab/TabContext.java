package io.socketdeck.ui.tab;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.ui.fx.UiTick;

/**
 * What the window gives each tab it builds: the window's one {@link UiTick}, on which every
 * engine-to-window update runs, and the window's few I/O loops, which every session shares.
 */
public record TabContext(UiTick tick, LoopGroup loops) {
}
