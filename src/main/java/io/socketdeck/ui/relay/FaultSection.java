package io.socketdeck.ui.relay;

import io.socketdeck.core.session.Leg;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.tab.ConnectionState;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The fault panel: one column per direction (client → target, target → client), one row per
 * fault, each field with its message under it; changes apply as typed. It is the content of a
 * popup under "Faults…", so the log keeps its room; its ids are {@code relayUp…} and
 * {@code relayDown…}.
 */
final class FaultSection {

    private FaultSection() {
    }

    /** @param editRules opens the rewrite rules of a direction */
    static VBox build(RelayViewModel model, Consumer<Leg> editRules) {
        HBox legs = new HBox(24, leg(model, Leg.UP, editRules), leg(model, Leg.DOWN, editRules));
        Button clear = new Button(I18n.text("relay.fault.clear"), new FontIcon("fth-slash"));
        clear.setId("relayFaultsClear");
        clear.getStyleClass().add("flat");
        Tips.setText(clear, I18n.text("relay.fault.clear.tooltip"));
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(event -> model.clearFaults());
        CheckBox reset = new CheckBox(I18n.text("relay.resetOnTargetFailure"));
        reset.setId("relayResetOnTargetFailure");
        Tips.setText(reset, I18n.text("relay.resetOnTargetFailure.tooltip"));
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.selectedProperty().bindBidirectional(model.resetOnTargetFailureProperty());
        reset.disableProperty().bind(Bindings.notEqual(model.stateProperty(), ConnectionState.IDLE)); // taken at Start
        HBox bottom = new HBox(24, clear, reset);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(8, legs, bottom);
        section.setId("relayFaultSection");
        section.getStyleClass().add("tls-section");
        return section;
    }

    private static GridPane leg(RelayViewModel model, Leg leg, Consumer<Leg> editRules) {
        LegFaultFields fields = model.faultFields(leg);
        String prefix = "relay" + (leg == Leg.UP ? "Up" : "Down");
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        Label title = new Label(I18n.text("relay.way." + leg.name()));
        title.getStyleClass().add("fault-leg-title");
        grid.add(title, 0, 0, 3, 1);
        Rows rows = new Rows(grid, prefix);
        rows.add("relay.fault.latency", fields.latency, "Latency", fields.jitter, "Jitter", "relay.fault.jitter.prompt");
        rows.add("relay.fault.bandwidth", fields.bandwidth, "Bandwidth", null, null, null);
        rows.add("relay.fault.slice", fields.slice, "Slice", fields.sliceDelay, "SliceDelay", "relay.fault.sliceDelay.prompt");
        rows.add("relay.fault.drop", fields.drop, "Drop", null, null, null);
        rows.add("relay.fault.corrupt", fields.corrupt, "Corrupt", null, null, null);
        rows.add("relay.fault.resetAfter", fields.resetAfter, "ResetAfter", null, null, null);
        rows.add("relay.fault.closeAfter", fields.closeAfter, "CloseAfter", null, null, null);
        CheckBox stall = new CheckBox(I18n.text("relay.fault.stall"));
        stall.setId(prefix + "Stall");
        Tips.setText(stall, I18n.text("relay.fault.stall.tooltip"));
        stall.setMinWidth(Region.USE_PREF_SIZE);
        stall.selectedProperty().bindBidirectional(fields.stallProperty());
        Button rewrite = new Button();
        rewrite.setId(prefix + "Rewrite");
        rewrite.setGraphic(new FontIcon("fth-edit-3"));
        Tips.setText(rewrite, I18n.text("relay.fault.rewrite.tooltip"));
        rewrite.setMinWidth(Region.USE_PREF_SIZE);
        rewrite.textProperty().bind(Bindings.createStringBinding(() -> fields.rules().isEmpty()
                ? I18n.text("relay.fault.rewrite") : I18n.format("relay.fault.rewrite.count", fields.rules().size()),
                fields.rules()));
        rewrite.setOnAction(event -> editRules.accept(leg));
        HBox last = new HBox(12, stall, rewrite);
        last.setAlignment(Pos.CENTER_LEFT);
        grid.add(last, 0, rows.next, 3, 1);
        return grid;
    }

    /** Adds a fault's caption, field (and a second field beside it) and the row of their messages. */
    private static final class Rows {
        private final GridPane grid;
        private final String prefix;
        private int next = 1;

        Rows(GridPane grid, String prefix) {
            this.grid = grid;
            this.prefix = prefix;
        }

        void add(String captionKey, LegFaultFields.Field field, String name, LegFaultFields.Field second,
                 String secondName, String secondPromptKey) {
            Label caption = new Label(I18n.text(captionKey));
            caption.setMinWidth(Region.USE_PREF_SIZE);
            Tips.setText(caption, I18n.text(captionKey + ".tooltip"));
            TextField input = field(prefix + name, field, I18n.text("relay.fault.off"));
            caption.setLabelFor(input);
            grid.add(caption, 0, next);
            grid.add(input, 1, next);
            Label error = message(prefix + name + "Error");
            FieldErrorBinding.bind(field.errorProperty(), error, input);
            VBox messages = new VBox(error);
            if (second != null) {
                TextField beside = field(prefix + secondName, second, I18n.text(secondPromptKey));
                grid.add(beside, 2, next);
                Label secondError = message(prefix + secondName + "Error");
                FieldErrorBinding.bind(second.errorProperty(), secondError, beside);
                messages.getChildren().add(secondError);
            }
            next++;
            grid.add(messages, 1, next, 2, 1);
            // Without a message the row takes no room: the panel stays compact.
            messages.managedProperty().bind(Bindings.createBooleanBinding(
                    () -> messages.getChildren().stream().anyMatch(Node::isManaged), error.managedProperty(),
                    messages.getChildren().size() > 1 ? messages.getChildren().get(1).managedProperty()
                            : error.managedProperty()));
            next++;
        }

        private static TextField field(String id, LegFaultFields.Field field, String prompt) {
            TextField input = new TextField();
            input.setId(id);
            input.setPrefColumnCount(6);
            input.setMinWidth(Region.USE_PREF_SIZE);
            input.setPromptText(prompt);
            input.textProperty().bindBidirectional(field.textProperty());
            return input;
        }

        private static Label message(String id) {
            Label label = new Label();
            label.setId(id);
            label.getStyleClass().add("field-error");
            label.setWrapText(true);
            return label;
        }
    }
}
