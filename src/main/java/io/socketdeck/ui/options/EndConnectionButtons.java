package io.socketdeck.ui.options;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.Tips;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The ways to end a connection besides Disconnect: Reset (an RST) and Half-close (our FIN, still
 * receiving). In the client tab they end its connection ({@code clientReset},
 * {@code clientHalfClose}); in the server tab the selected clients'
 * ({@code serverResetSelected}, {@code serverHalfCloseSelected}).
 */
public final class EndConnectionButtons extends HBox {

    private final Button reset = new Button();
    private final Button halfClose = new Button();
    private String idPrefix = "";
    private boolean selectedClients;

    public EndConnectionButtons() {
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("end-connection");
        reset.setGraphic(new FontIcon("fth-zap-off"));
        halfClose.setGraphic(new FontIcon("fth-log-out"));
        for (Button button : new Button[] {reset, halfClose}) {
            button.getStyleClass().add("flat");
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(halfClose, reset);
        label();
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        label();
    }

    /** True in the server tab: the buttons end the selected clients' connections. */
    public boolean isSelectedClients() {
        return selectedClients;
    }

    public void setSelectedClients(boolean on) {
        selectedClients = on;
        label();
    }

    private void label() {
        String suffix = selectedClients ? "Selected" : "";
        // Beside Disconnect in the narrow client list: icons, their words in the tooltips.
        ContentDisplay display = selectedClients ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        reset.setContentDisplay(display);
        halfClose.setContentDisplay(display);
        reset.setId(idPrefix + "Reset" + suffix);
        halfClose.setId(idPrefix + "HalfClose" + suffix);
        reset.setText(I18n.text("end.reset" + suffix));
        halfClose.setText(I18n.text("end.halfClose" + suffix));
        Tips.setText(reset, I18n.text("end.reset" + suffix + ".tooltip"));
        Tips.setText(halfClose, I18n.text("end.halfClose" + suffix + ".tooltip"));
    }

    /**
     * Enables the buttons while {@code usable} (connected; clients selected) and runs the actions.
     * Shown only while usable, so an idle tab's bar keeps its room.
     */
    public void bind(ObservableBooleanValue usable, Runnable onReset, Runnable onHalfClose) {
        reset.disableProperty().bind(javafx.beans.binding.Bindings.not(usable));
        halfClose.disableProperty().bind(javafx.beans.binding.Bindings.not(usable));
        reset.setOnAction(event -> onReset.run());
        halfClose.setOnAction(event -> onHalfClose.run());
    }
}
