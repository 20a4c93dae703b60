package io.socketdeck.ui.send;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.SendOptionChoices;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.FieldMessageLane;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.log.TrafficLog;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.quick.QuickSendPane;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The send area every tab shows: multi-line input with history (Up/Down on its first or last
 * line), hex or escaped text, line ending and checksum, Send (also Ctrl+Enter), repeat send,
 * file send with progress, the quick-send list, and the reason a send could not happen.
 */
public final class SendPane extends VBox {

    @FXML private TextArea input;
    @FXML private CheckBox hexSend;
    @FXML private CheckBox escapes;
    @FXML private HBox sideSwitch;
    @FXML private ToggleButton quickTab;
    @FXML private StackPane sidePanes;
    private final ToggleGroup sides = new ToggleGroup();
    @FXML private Button send;
    @FXML private ComboBox<LineEnding> lineEnding;
    @FXML private ComboBox<Checksum> checksum;
    @FXML private TextField repeatInterval;
    @FXML private TextField repeatCount;
    @FXML private ToggleButton repeat;
    @FXML private Label repeatSent;
    @FXML private Button sendFile;
    @FXML private HBox chunkOptions;
    @FXML private TextField chunkSize;
    @FXML private TextField chunkDelay;
    @FXML private ProgressBar fileProgress;
    @FXML private Label fileStatus;
    @FXML private Button fileCancel;
    @FXML private HBox fileStall;
    @FXML private Label fileStallText;
    @FXML private Button fileWait;
    @FXML private Button fileSkip;
    @FXML private Label error;
    @FXML private QuickSendPane quickSend;

    private String idPrefix = "";
    /** The send box's model, once bound. */
    private SendModel box;
    private javafx.beans.binding.StringBinding shownError;

    public SendPane() {
        Fxml.loadComponent(this);
        SendOptionChoices.fillLineEndings(lineEnding);
        SendOptionChoices.fillChecksums(checksum);
        quickTab.setUserData(quickSend);
        quickTab.setToggleGroup(sides);
        sides.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one pane is always shown: clicking the shown one keeps it
            } else {
                showSide(now);
                if (box != null) {
                    box.shownSideProperty().set(sides.getToggles().indexOf(now));
                }
            }
        });
    }

    /**
     * Adds a pane in the quick-send list's place (the tab's auto-reply rules), shown by a switch
     * with id {@code id} beside the one of Quick send.
     */
    public void addSideTab(String id, String title, Node content) {
        ToggleButton show = new ToggleButton(title);
        show.setId(id);
        show.getStyleClass().addAll("flat", "small", "side-switch-button");
        show.setMinWidth(USE_PREF_SIZE);
        show.setUserData(content);
        show.setToggleGroup(sides);
        sideSwitch.getChildren().add(show);
        sidePanes.getChildren().add(content);
        showKeptSide();
    }

    /** The pane the user last chose beside the send box, once it is there (a view built again). */
    private void showKeptSide() {
        int kept = box == null ? 0 : box.shownSideProperty().get();
        if (kept > 0 && kept < sides.getToggles().size()) {
            sides.selectToggle(sides.getToggles().get(kept));
        }
        showSide(sides.getSelectedToggle());
    }

    /** Shows the pane of {@code selected}; the others are neither shown nor laid out. */
    private void showSide(Toggle selected) {
        for (Toggle toggle : sides.getToggles()) {
            Node pane = (Node) toggle.getUserData();
            pane.setVisible(toggle == selected);
            pane.setManaged(toggle == selected);
        }
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    /** Gives the controls their automation ids: prefix + Input, HexSend, Send, SendError, Repeat, ... */
    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        input.setId(prefix + "Input");
        hexSend.setId(prefix + "HexSend");
        escapes.setId(prefix + "Escapes");
        quickTab.setId(prefix + "QuickTab");
        send.setId(prefix + "Send");
        lineEnding.setId(prefix + "LineEnding");
        checksum.setId(prefix + "Checksum");
        repeatInterval.setId(prefix + "RepeatInterval");
        repeatCount.setId(prefix + "RepeatCount");
        repeat.setId(prefix + "Repeat");
        repeatSent.setId(prefix + "RepeatSent");
        sendFile.setId(prefix + "SendFile");
        chunkSize.setId(prefix + "ChunkSize");
        chunkDelay.setId(prefix + "ChunkDelay");
        fileProgress.setId(prefix + "FileProgress");
        fileStatus.setId(prefix + "FileStatus");
        fileCancel.setId(prefix + "FileCancel");
        fileStall.setId(prefix + "FileStall");
        fileStallText.setId(prefix + "FileStallText");
        fileWait.setId(prefix + "FileWait");
        fileSkip.setId(prefix + "FileSkip");
        error.setId(prefix + "SendError");
        quickSend.setIdPrefix(prefix);
    }

    /**
     * @param scope the tab's root: Ctrl+1..9 send the quick commands wherever the focus is in it
     */
    public void bind(SendToolkit tools, QuickCommandsModel commands, TrafficLog log, Node scope) {
        box = tools.box();
        showKeptSide();
        input.textProperty().bindBidirectional(box.textProperty());
        hexSend.selectedProperty().bindBidirectional(box.hexProperty());
        escapes.selectedProperty().bindBidirectional(box.escapesProperty());
        escapes.disableProperty().bind(box.hexProperty());
        lineEnding.valueProperty().bindBidirectional(box.lineEndingProperty());
        checksum.valueProperty().bindBidirectional(box.checksumProperty());
        send.setOnAction(event -> tools.send());
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> onInputKey(event, tools));

        bindRepeat(tools.periodic(), tools);
        bindFile(tools);
        // Held in a field: a binding only weakly listens to its sources and would be collected.
        shownError = Bindings.createStringBinding(
                () -> box.errorProperty().get() != null ? box.errorProperty().get() : tools.periodic().intervalErrorProperty().get(),
                box.errorProperty(), tools.periodic().intervalErrorProperty());
        FieldErrorBinding.bind(shownError, error, input);
        quickSend.bind(commands, tools::send, note -> log.note(note.kind(), note.message()));
        scope.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            int number = shortcutNumber(event);
            if (number > 0 && number <= commands.items().size()) {
                event.consume();
                tools.send(commands.items().get(number - 1));
            }
        });
    }

    /** 1..9 for Ctrl+1..Ctrl+9 (top row or keypad), else 0. */
    private static int shortcutNumber(KeyEvent event) {
        if (!event.isShortcutDown() || event.isAltDown() || event.isShiftDown()) {
            return 0;
        }
        KeyCode code = event.getCode();
        if (code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT1.ordinal() + 1;
        }
        if (code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD1.ordinal() + 1;
        }
        return 0;
    }

    private void onInputKey(KeyEvent event, SendToolkit tools) {
        if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
            event.consume();
            tools.send();
        } else if (event.getCode() == KeyCode.UP && onFirstLine()) {
            event.consume();
            tools.box().historyBack();
            input.positionCaret(input.getLength());
        } else if (event.getCode() == KeyCode.DOWN && onLastLine()) {
            event.consume();
            tools.box().historyForward();
            input.positionCaret(input.getLength());
        }
    }

    // Up and Down still move between lines of a multi-line message; history takes over at its edges.
    private boolean onFirstLine() {
        return input.getText().lastIndexOf('\n', Math.max(0, input.getCaretPosition() - 1)) < 0;
    }

    private boolean onLastLine() {
        return input.getText().indexOf('\n', input.getCaretPosition()) < 0;
    }

    private void bindRepeat(PeriodicSendModel periodic, SendToolkit tools) {
        repeatInterval.textProperty().bindBidirectional(periodic.intervalProperty());
        repeatCount.textProperty().bindBidirectional(periodic.countProperty());
        repeatInterval.disableProperty().bind(periodic.runningProperty());
        repeatCount.disableProperty().bind(periodic.runningProperty());
        FieldErrorBinding.bind(periodic.intervalErrorProperty(), new Label(), repeatInterval, repeatCount);
        repeat.textProperty().bind(Bindings.when(periodic.runningProperty())
                .then(I18n.text("periodic.stop")).otherwise(I18n.text("periodic.start")));
        // Not bound: a click flips a toggle; the state it shows comes from the model afterwards.
        ViewListeners.onChange(repeat, periodic.runningProperty(), (obs, old, now) -> repeat.setSelected(now));
        repeat.setOnAction(event -> {
            if (periodic.runningProperty().get()) {
                tools.stopPeriodic();
            } else {
                tools.startPeriodic();
            }
            repeat.setSelected(periodic.runningProperty().get());
        });
        repeatSent.managedProperty().bind(repeatSent.textProperty().isNotEmpty()); // takes room once it counts
        repeatSent.textProperty().bind(Bindings.createStringBinding(() -> periodic.runningProperty().get()
                        || periodic.sentProperty().get() > 0 ? I18n.format("periodic.sent", I18n.count(periodic.sentProperty().get())) : "",
                periodic.sentProperty(), periodic.runningProperty()));
    }

    private void bindFile(SendToolkit tools) {
        FileSendModel file = tools.file();
        chunkOptions.setVisible(tools.isDatagrams());
        chunkOptions.setManaged(tools.isDatagrams());
        chunkSize.textProperty().bindBidirectional(tools.chunkSizeProperty());
        chunkDelay.textProperty().bindBidirectional(tools.chunkDelayProperty());
        for (Node node : new Node[] {fileProgress, fileStatus, fileCancel}) {
            node.visibleProperty().bind(file.runningProperty());
            node.managedProperty().bind(file.runningProperty());
        }
        sendFile.disableProperty().bind(file.runningProperty());
        fileProgress.progressProperty().bind(file.fractionProperty());
        fileStatus.textProperty().bind(file.statusProperty());
        fileCancel.setOnAction(event -> tools.cancelFile());
        // A stalled send asks: wait, skip the client that is not reading (several clients only), or cancel.
        BooleanBinding stalled = file.stallProperty().isNotEmpty();
        fileStall.visibleProperty().bind(stalled);
        fileStall.managedProperty().bind(stalled);
        fileStallText.textProperty().bind(file.stallProperty());
        fileSkip.visibleProperty().bind(file.canSkipProperty());
        fileSkip.managedProperty().bind(file.canSkipProperty());
        FieldMessageLane.setAnchor(fileStall, sendFile); // under File…, in the lane of messages
        fileWait.setOnAction(event -> file.keepWaiting());
        fileSkip.setOnAction(event -> file.skipStalled());
        sendFile.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.text("file.choose"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                tools.sendFile(chosen.toPath());
            }
        });
    }
}
