package io.socketdeck.ui.tab;

import io.socketdeck.ui.common.I18n;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The connect / listen / open button every connection tab has, bound to its
 * {@link ConnectionTabModel} in one call: the words and icon follow the state, the button waits
 * (disabled) while closing, its colour follows the state, and the fields that say what to open
 * are locked while something is open. The tab's status shows in the window's status bar.
 */
public final class ConnectButton {

    private ConnectButton() {
    }

    /**
     * @param textKey   the bundle key of the button's words in each state
     * @param idleIcon  Feather icon literal while idle (e.g. {@code fth-link})
     * @param busyIcon  Feather icon literal otherwise
     * @param fields    locked (read-only or disabled) unless idle
     */
    public static void bind(Button button, ConnectionTabModel model,
                            Function<ConnectionState, String> textKey, String idleIcon, String busyIcon,
                            Control... fields) {
        var state = model.stateProperty();
        button.setOnAction(event -> model.toggle());
        button.textProperty().bind(Bindings.createStringBinding(() -> I18n.text(textKey.apply(state.get())), state));
        button.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(state.get() == ConnectionState.IDLE ? idleIcon : busyIcon), state));
        button.disableProperty().bind(Bindings.equal(state, ConnectionState.CLOSING));
        StateStyles.bind(button, state);
        BooleanBinding idle = Bindings.equal(state, ConnectionState.IDLE);
        for (Control field : fields) {
            if (field instanceof TextInputControl text) {
                text.editableProperty().bind(idle); // still selectable and copyable while locked
            } else {
                field.disableProperty().bind(idle.not());
            }
        }
    }
}
