package io.socketdeck.ui.tab;

import atlantafx.base.theme.Styles;
import io.socketdeck.ui.fx.ViewListeners;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Colours a tab's status pill and its connect button by connection state. */
public final class StateStyles {

    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final PseudoClass OPENING = PseudoClass.getPseudoClass("opening");

    private StateStyles() {
    }

    public static void bind(Label status, Button toggle, ObservableValue<ConnectionState> state) {
        Runnable apply = () -> {
            ConnectionState now = state.getValue();
            status.pseudoClassStateChanged(OPEN, now == ConnectionState.OPEN);
            status.pseudoClassStateChanged(OPENING, now == ConnectionState.OPENING || now == ConnectionState.CLOSING);
            toggle.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
            toggle.getStyleClass().add(now == ConnectionState.IDLE ? Styles.ACCENT : Styles.DANGER);
        };
        ViewListeners.onChange(status, state, (obs, old, now) -> apply.run());
        apply.run();
    }
}
