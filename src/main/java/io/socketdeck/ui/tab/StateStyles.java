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
    private static final PseudoClass INSECURE = PseudoClass.getPseudoClass("insecure");

    private StateStyles() {
    }

    /**
     * A tab's status for the window's status bar: its words, coloured by state (grey idle, amber
     * opening or closing, green open; red while {@link TabModel#insecureProperty insecure}), with
     * the automation id {@code id}.
     */
    public static Label pill(TabModel model, String id) {
        Label pill = new Label();
        pill.setId(id);
        pill.getStyleClass().add("status-pill");
        pill.setMinWidth(Label.USE_PREF_SIZE); // never cut: the status bar gives way elsewhere
        pill.textProperty().bind(model.statusProperty());
        ObservableValue<ConnectionState> state = model.stateProperty();
        Runnable apply = () -> {
            ConnectionState now = state.getValue();
            pill.pseudoClassStateChanged(OPEN, now == ConnectionState.OPEN);
            pill.pseudoClassStateChanged(OPENING, now == ConnectionState.OPENING || now == ConnectionState.CLOSING);
        };
        ViewListeners.onChange(pill, state, (obs, old, now) -> apply.run());
        apply.run();
        ObservableValue<Boolean> insecure = model.insecureProperty();
        ViewListeners.onChange(pill, insecure, (obs, old, now) -> pill.pseudoClassStateChanged(INSECURE, now));
        pill.pseudoClassStateChanged(INSECURE, insecure.getValue());
        return pill;
    }

    /** Accent while idle (it opens), danger otherwise (it closes). */
    public static void bind(Button toggle, ObservableValue<ConnectionState> state) {
        Runnable apply = () -> {
            toggle.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
            toggle.getStyleClass().add(state.getValue() == ConnectionState.IDLE ? Styles.ACCENT : Styles.DANGER);
        };
        ViewListeners.onChange(toggle, state, (obs, old, now) -> apply.run());
        apply.run();
    }
}
