package io.socketdeck.ui.quick;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.ViewIds;
import java.io.File;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The quick-send list beside the send box: named commands sent with one click (the ▶ on a row)
 * or Ctrl+1..9, added, edited, deleted, reordered, imported and exported.
 */
public final class QuickSendPane extends VBox {

    @FXML private Button add;
    @FXML private Button edit;
    @FXML private Button delete;
    @FXML private Button up;
    @FXML private Button down;
    @FXML private MenuButton more;
    @FXML private MenuItem importItem;
    @FXML private MenuItem exportItem;
    @FXML private ListView<QuickCommand> list;

    private QuickCommandsModel model;
    private String idPrefix = "";

    public QuickSendPane() {
        Fxml.loadComponent(this);
    }

    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        list.setId(prefix + "QuickList");
        add.setId(prefix + "QuickAdd");
        edit.setId(prefix + "QuickEdit");
        delete.setId(prefix + "QuickDelete");
        up.setId(prefix + "QuickUp");
        down.setId(prefix + "QuickDown");
        more.setId(prefix + "QuickMore");
        importItem.setId(prefix + "QuickImport");
        exportItem.setId(prefix + "QuickExport");
    }

    /**
     * @param send     sends one command through the tab's tools
     * @param notes    shows a line in the tab's log (import results, errors)
     */
    public void bind(QuickCommandsModel commands, Predicate<QuickCommand> send, Consumer<LogNote> notes) {
        model = commands;
        list.setItems(commands.items());
        list.setCellFactory(view -> new CommandCell(send));
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                editSelected();
            }
        });
        var nothingSelected = list.getSelectionModel().selectedItemProperty().isNull();
        edit.disableProperty().bind(nothingSelected);
        delete.disableProperty().bind(nothingSelected);
        up.disableProperty().bind(nothingSelected);
        down.disableProperty().bind(nothingSelected);
        add.setOnAction(event -> new QuickCommandDialog(getScene().getWindow(), null).showAndWait().ifPresent(model::add));
        edit.setOnAction(event -> editSelected());
        delete.setOnAction(event -> model.remove(list.getSelectionModel().getSelectedIndex()));
        up.setOnAction(event -> move(-1));
        down.setOnAction(event -> move(+1));
        ImportExportMenu.bind(more, importItem, exportItem, commands.importingProperty(), commands.exportingProperty(),
                () -> importFile(notes), commands::giveUpImport, () -> exportFile(notes));
    }

    private void editSelected() {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index >= 0) {
            new QuickCommandDialog(getScene().getWindow(), model.items().get(index)).showAndWait()
                    .ifPresent(changed -> model.replace(index, changed));
            list.getSelectionModel().select(index);
        }
    }

    private void move(int step) {
        int index = list.getSelectionModel().getSelectedIndex();
        boolean moved = step < 0 ? model.moveUp(index) : model.moveDown(index);
        list.getSelectionModel().select(moved ? index + step : index);
    }

    private FileChooser jsonChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text(titleKey));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON", "*.json"));
        return chooser;
    }

    private void importFile(Consumer<LogNote> notes) {
        File file = jsonChooser("quick.import").showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.importFrom(file.toPath(), (kind, text) -> notes.accept(new LogNote(kind, text)));
        }
    }

    private void exportFile(Consumer<LogNote> notes) {
        FileChooser chooser = jsonChooser("quick.export");
        chooser.setInitialFileName("socketdeck-commands.json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportTo(file.toPath(), (kind, text) -> notes.accept(new LogNote(kind, text)));
        }
    }

    /** A line for the tab's log. */
    public record LogNote(LogEntry.Kind kind, String message) {
    }

    /** Row: shortcut number, name, what it sends, and a send button. */
    private final class CommandCell extends ListCell<QuickCommand> {
        private final Label shortcut = new Label();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Button sendIt = new Button();
        private final HBox row;

        CommandCell(Predicate<QuickCommand> send) {
            shortcut.getStyleClass().add("quick-shortcut");
            name.getStyleClass().add("quick-name");
            detail.getStyleClass().add("quick-detail");
            sendIt.setGraphic(new FontIcon("fth-play"));
            sendIt.getStyleClass().addAll("flat", "small", "quick-send-button");
            sendIt.setOnAction(event -> {
                if (getItem() != null) {
                    send.test(getItem());
                }
            });
            VBox text = new VBox(name, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            row = new HBox(6, shortcut, text, sendIt);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(QuickCommand command, boolean empty) {
            super.updateItem(command, empty);
            if (empty || command == null) {
                setGraphic(null);
                return;
            }
            int index = getIndex();
            shortcut.setText(index < QuickCommandsModel.SHORTCUTS ? Integer.toString(index + 1) : "");
            name.setText(command.name());
            detail.setText((command.hex() ? "HEX " : command.charsetName() + " ") + command.payload().replace('\n', ' '));
            sendIt.setId(ViewIds.late(getListView(), idPrefix + "QuickSend" + (index + 1)));
            setGraphic(row);
        }
    }
}
