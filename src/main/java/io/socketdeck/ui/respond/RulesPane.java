package io.socketdeck.ui.respond;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.fx.ViewIds;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.quick.ImportExportMenu;
import java.io.File;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A tab's auto-reply rules beside the send box: the master switch, the rules in the order they
 * are tried (each with its own switch and its hits), and add, edit, delete, reorder, import and
 * export. Ids: prefix + RulesEnabled, Rules, RuleAdd, RuleEdit, RuleDelete, RuleUp, RuleDown,
 * RuleMore, RuleImport, RuleExport, and a row's switch prefix + RuleOn + its number from 1
 * ({@code clientRuleOn1}), as a quick command's button is numbered.
 */
public final class RulesPane extends VBox {

    private final CheckBox enabled = new CheckBox(I18n.text("rule.enabled"));
    private final ListView<Rule> list = new ListView<>();
    private final ResponsesModel model;
    private final BiConsumer<LogEntry.Kind, String> notes;
    private final String idPrefix;

    /** @param notes shows a line in the tab's log (import and export results) */
    public RulesPane(String idPrefix, ResponsesModel model, BiConsumer<LogEntry.Kind, String> notes) {
        super(4);
        this.model = model;
        this.notes = notes;
        this.idPrefix = idPrefix;
        getStyleClass().add("rules-pane");
        enabled.setId(idPrefix + "RulesEnabled");
        Tips.setText(enabled, I18n.text("rule.enabled.tooltip"));
        enabled.selectedProperty().bindBidirectional(model.rulesOnProperty());
        list.setId(idPrefix + "Rules");
        list.getStyleClass().add("quick-list");
        list.setMinHeight(30);
        Label empty = new Label(I18n.text("rule.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().addAll("log-placeholder", "quick-placeholder");
        list.setPlaceholder(empty);
        list.setItems(model.rules());
        list.setCellFactory(view -> new RuleCell());
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                editSelected();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        // Counts move while the rules stay: the rows redraw, not the list.
        ViewListeners.onChange(list, model.hitsRevisionProperty(), (obs, old, now) -> list.refresh());

        Button add = tool(idPrefix + "RuleAdd", "fth-plus", "rule.add");
        Button edit = tool(idPrefix + "RuleEdit", "fth-edit-2", "rule.edit");
        Button delete = tool(idPrefix + "RuleDelete", "fth-trash-2", "rule.delete");
        Button up = tool(idPrefix + "RuleUp", "fth-arrow-up", "quick.up");
        Button down = tool(idPrefix + "RuleDown", "fth-arrow-down", "quick.down");
        var nothingSelected = list.getSelectionModel().selectedItemProperty().isNull();
        for (Button button : new Button[] {edit, delete, up, down}) {
            button.disableProperty().bind(nothingSelected);
        }
        add.setOnAction(event -> new RuleDialog(getScene().getWindow(), null).showAndWait().ifPresent(model.rules()::add));
        edit.setOnAction(event -> editSelected());
        delete.setOnAction(event -> model.rules().remove(list.getSelectionModel().getSelectedIndex()));
        up.setOnAction(event -> move(-1));
        down.setOnAction(event -> move(+1));
        MenuItem importItem = new MenuItem(I18n.text("quick.import"));
        importItem.setId(idPrefix + "RuleImport");
        MenuItem exportItem = new MenuItem(I18n.text("quick.export"));
        exportItem.setId(idPrefix + "RuleExport");
        MenuButton more = new MenuButton(null, new FontIcon("fth-more-horizontal"), importItem, exportItem);
        more.setId(idPrefix + "RuleMore");
        more.getStyleClass().addAll("flat", "small", "no-arrow");
        ImportExportMenu.bind(more, importItem, exportItem, model.importingProperty(), model.exportingProperty(),
                this::importFile, model::giveUpImport, this::exportFile);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox tools = new HBox(0, add, edit, delete, up, down, gap, more);
        tools.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(enabled, list, tools);
    }

    private static Button tool(String id, String icon, String tooltipKey) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll("flat", "small");
        Tips.setText(button, I18n.text(tooltipKey));
        return button;
    }

    private void editSelected() {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index >= 0) {
            new RuleDialog(getScene().getWindow(), model.rules().get(index)).showAndWait()
                    .ifPresent(changed -> model.rules().set(index, changed));
            list.getSelectionModel().select(index);
        }
    }

    private void move(int step) {
        int index = list.getSelectionModel().getSelectedIndex();
        int to = index + step;
        if (index < 0 || to < 0 || to >= model.rules().size()) {
            return;
        }
        Rule moving = model.rules().get(index);
        model.rules().set(index, model.rules().get(to));
        model.rules().set(to, moving);
        list.getSelectionModel().select(to);
    }

    private FileChooser jsonChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text(titleKey));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON", "*.json"));
        return chooser;
    }

    private void importFile() {
        File file = jsonChooser("rule.import").showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.importFrom(file.toPath(), notes);
        }
    }

    private void exportFile() {
        FileChooser chooser = jsonChooser("rule.export");
        chooser.setInitialFileName("socketdeck-rules.json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportTo(file.toPath(), notes);
        }
    }

    /** Row: its switch, name, what it matches and answers, and its hits. */
    private final class RuleCell extends ListCell<Rule> {
        private final CheckBox on = new CheckBox();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label hits = new Label();
        private final HBox row;

        RuleCell() {
            name.getStyleClass().add("quick-name");
            detail.getStyleClass().add("quick-detail");
            hits.getStyleClass().add("quick-detail");
            hits.setMinWidth(Region.USE_PREF_SIZE);
            on.setOnAction(event -> {
                int index = getIndex();
                if (getItem() != null && index >= 0 && index < model.rules().size()) {
                    model.rules().set(index, getItem().withEnabled(on.isSelected()));
                }
            });
            VBox text = new VBox(name, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            row = new HBox(6, on, text, hits);
            row.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Rule rule, boolean empty) {
            super.updateItem(rule, empty);
            if (empty || rule == null) {
                setGraphic(null);
                return;
            }
            on.setSelected(rule.enabled());
            on.setId(ViewIds.late(getListView(), idPrefix + "RuleOn" + (getIndex() + 1)));
            name.setText(rule.name());
            detail.setText(I18n.text("rule.match." + rule.match().name()) + " " + rule.pattern() + " \u2192 "
                    + rule.reply().payload().replace('\n', ' '));
            long count = model.hits(getIndex());
            hits.setText(count == 0 ? "" : "\u00d7" + I18n.count(count));
            setGraphic(row);
        }
    }
}
