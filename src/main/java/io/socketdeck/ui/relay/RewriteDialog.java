package io.socketdeck.ui.relay;

import static io.socketdeck.ui.fx.DialogFields.named;
import static io.socketdeck.ui.fx.DialogFields.textField;
import static io.socketdeck.ui.fx.DialogFields.withMessage;

import io.socketdeck.core.relay.RewriteRule;
import io.socketdeck.core.session.Leg;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.FormGrid;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The rewrite rules of one direction: match text, a regular expression or hex with {@code ??}
 * wildcards, replace with what is typed. Adding or removing applies at once, also to live
 * connections; each rule shows how often it matched in the running relay. A rule that cannot work
 * (a regex that does not compile, bad hex) is refused with the reason under its field.
 */
final class RewriteDialog extends Dialog<Void> {

    private final ComboBox<RewriteRule.Kind> kind = new ComboBox<>();
    private final TextField match = textField("relayRewriteMatch", 16);
    private final TextField replacement = textField("relayRewriteReplace", 16);
    private final StringProperty matchError = new SimpleStringProperty();
    private final ListView<LegFaultFields.RuleSpec> list = new ListView<>();

    /**
     * @param charset the traffic's encoding: text rules are its bytes
     * @param hits    the rules' hits in the running relay, in order; empty when stopped
     * @param revision moves when the relay's counts moved: the hits are read again
     */
    RewriteDialog(Window owner, Leg leg, ObservableList<LegFaultFields.RuleSpec> rules, Supplier<Charset> charset,
                  Supplier<List<Long>> hits, javafx.beans.value.ObservableValue<Number> revision) {
        setTitle(I18n.format("relay.rewrite.title", I18n.text("relay.way." + leg.name())));
        initOwner(owner); // above the window, and closed with it
        DialogStyle.like(this, owner);
        kind.setId("relayRewriteKind");
        kind.getItems().setAll(RewriteRule.Kind.values());
        kind.setValue(RewriteRule.Kind.TEXT);
        kind.setConverter(named(value -> I18n.text("relay.rewrite.kind." + value.name())));
        match.textProperty().addListener((obs, old, now) -> matchError.set(null));
        kind.valueProperty().addListener((obs, old, now) -> matchError.set(null));
        replacement.textProperty().addListener((obs, old, now) -> matchError.set(null));

        Button add = new Button(I18n.text("relay.rewrite.add"), new FontIcon("fth-plus"));
        add.setId("relayRewriteAdd");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setDefaultButton(true);
        add.setOnAction(event -> add(rules, charset.get()));
        Button remove = new Button(I18n.text("relay.rewrite.remove"), new FontIcon("fth-trash-2"));
        remove.setId("relayRewriteRemove");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.disableProperty().bind(Bindings.isNull(list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(event -> rules.remove(list.getSelectionModel().getSelectedIndex()));

        list.setId("relayRewriteRules");
        list.setItems(rules);
        list.setPrefHeight(160);
        list.setPlaceholder(new Label(I18n.text("relay.rewrite.empty")));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(LegFaultFields.RuleSpec rule, boolean empty) {
                super.updateItem(rule, empty);
                if (empty || rule == null) {
                    setText(null);
                    return;
                }
                List<Long> counts = hits.get();
                int index = getIndex();
                long hit = counts.size() == rules.size() && index < counts.size() ? counts.get(index) : 0;
                setText(I18n.text("relay.rewrite.kind." + rule.kind().name()) + "  "
                        + I18n.format("relay.rewrite.hits", rule.match(), rule.replacement(), hit));
            }
        });
        ChangeListener<Number> refresh = (obs, old, now) -> list.refresh();
        revision.addListener(refresh);
        setOnHidden(event -> revision.removeListener(refresh));

        FormGrid form = new FormGrid()
                .row(I18n.text("relay.rewrite.kind"), kind)
                .row(I18n.text("relay.rewrite.match"), withMessage(match, matchError, "relayRewriteError"))
                .row(I18n.text("relay.rewrite.replace"), replacement);
        HBox buttons = new HBox(8, add, remove);
        VBox content = new VBox(10, list, form, buttons);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        setResultConverter(button -> null);
    }

    private void add(ObservableList<LegFaultFields.RuleSpec> rules, Charset charset) {
        RewriteRule.Problem problem = RewriteRule.check(kind.getValue(), match.getText(), replacement.getText(), charset);
        if (problem != null) {
            matchError.set(problem == RewriteRule.Problem.EMPTY_MATCH ? I18n.text("relay.rewrite.error.empty")
                    : I18n.format("relay.rewrite.error", I18n.text("relay.rewrite.problem." + problem.name())));
            return;
        }
        rules.add(new LegFaultFields.RuleSpec(kind.getValue(), match.getText(), replacement.getText()));
        match.clear();
        replacement.clear();
    }
}
