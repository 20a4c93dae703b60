package io.socketdeck.ui.tcpclient;

import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogFields;
import io.socketdeck.ui.fx.FormGrid;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.tls.TlsSectionPopup;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The client bar's auto-reconnect part: the switch ({@code clientReconnect}), "Reconnect…" for its
 * settings ({@code clientReconnectSettings}, shown while it is on) and the countdown
 * ({@code clientReconnectStatus}). The settings open in a popup under the bar, as TLS's do, so the
 * bar keeps its one row at the window's minimum size.
 */
public final class ReconnectPart extends HBox {

    private final CheckBox toggle = new CheckBox();
    private final Button settings = new Button();
    private final Label status = new Label();

    public ReconnectPart() {
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        toggle.setId("clientReconnect");
        toggle.setText(I18n.text("client.reconnect"));
        toggle.setMinWidth(USE_PREF_SIZE);
        Tips.setText(toggle, I18n.text("client.reconnect.tooltip"));
        settings.setId("clientReconnectSettings");
        settings.setText(I18n.text("client.reconnect.settings"));
        settings.getStyleClass().add("flat");
        settings.setGraphic(new FontIcon("fth-refresh-cw"));
        settings.setMinWidth(USE_PREF_SIZE);
        status.setId("clientReconnectStatus");
        status.getStyleClass().add("reconnect-status");
        status.setMinWidth(USE_PREF_SIZE);
        getChildren().setAll(toggle, settings, status);
    }

    /** Binds to {@code model}; the popup takes {@code view}'s looks. FX thread, once per view. */
    void bind(ClientReconnect model, QuickCommandsModel commands, Parent view) {
        toggle.selectedProperty().bindBidirectional(model.enabledProperty());
        settings.visibleProperty().bind(model.enabledProperty());
        settings.managedProperty().bind(model.enabledProperty());
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        TlsSectionPopup popup = new TlsSectionPopup(section(model, commands), view);
        Runnable show = () -> popup.showUnder(settings, getParent() == null ? this : getParent());
        settings.setOnAction(event -> show.run());
        // A wrong setting is shown where it is: the popup opens on its message (while this view is
        // shown: the model outlives it).
        for (var error : List.of(model.initialErrorProperty(), model.maxErrorProperty(), model.jitterErrorProperty())) {
            ViewListeners.onChange(this, error, (obs, old, now) -> {
                if (now != null) {
                    show.run();
                }
            });
        }
    }

    private VBox section(ClientReconnect model, QuickCommandsModel commands) {
        TextField initial = DialogFields.textField("clientReconnectInitial", 7);
        initial.textProperty().bindBidirectional(model.initialDelayProperty());
        TextField max = DialogFields.textField("clientReconnectMax", 7);
        max.textProperty().bindBidirectional(model.maxDelayProperty());
        TextField jitter = DialogFields.textField("clientReconnectJitter", 4);
        jitter.textProperty().bindBidirectional(model.jitterProperty());
        ComboBox<String> command = new ComboBox<>();
        command.setId("clientReconnectCommand");
        command.setConverter(DialogFields.named(name -> name.isEmpty() ? I18n.text("client.reconnect.command.none") : name));
        command.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : command.getConverter().toString(item));
            }
        });
        Runnable refill = () -> {
            List<String> names = new ArrayList<>();
            names.add("");
            for (QuickCommand quick : commands.items()) {
                names.add(quick.name());
            }
            command.getItems().setAll(names);
        };
        refill.run();
        command.setOnShowing(event -> refill.run()); // the quick commands may have changed since
        command.valueProperty().bindBidirectional(model.onConnectCommandProperty());

        FormGrid form = new FormGrid()
                .row(I18n.text("client.reconnect.initial"),
                        DialogFields.withMessage(initial, model.initialErrorProperty(), "clientReconnectInitialError"))
                .row(I18n.text("client.reconnect.max"),
                        DialogFields.withMessage(max, model.maxErrorProperty(), "clientReconnectMaxError"))
                .row(I18n.text("client.reconnect.jitter"),
                        DialogFields.withMessage(jitter, model.jitterErrorProperty(), "clientReconnectJitterError"))
                .row(I18n.text("client.reconnect.command"), command);
        VBox section = new VBox(8, form, DialogFields.hint(I18n.text("client.reconnect.hint")));
        section.setId("clientReconnectSection");
        section.getStyleClass().add("tls-section"); // the popup's looks: a panel with a border
        section.setPadding(new Insets(10));
        section.setPrefWidth(440);
        return section;
    }
}
