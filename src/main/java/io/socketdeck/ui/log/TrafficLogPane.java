package io.socketdeck.ui.log;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.LogExport;
import io.socketdeck.core.log.ViewMode;
import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.SendOptionChoices;
import io.socketdeck.ui.fx.CellPrimer;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.ShownCells;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.timeline.TimelineStrip;
import java.io.File;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The traffic log every tab shows: encoding, views, pause, filter, copy, save, counters and the
 * bounded, virtualized list. Each tab names it with {@code idPrefix}, which gives its controls
 * stable automation ids such as {@code clientLog} and {@code serverEncoding}.
 */
public final class TrafficLogPane extends VBox {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    /** On the list while payloads are shown in a fixed-width font (see socketdeck.css). */
    private static final PseudoClass MONOSPACE = PseudoClass.getPseudoClass("monospace");
    /** What the log's cells are made with before its first rows (never drawn): a received row. */
    private static final LogEntry PRIMER_ROW = LogEntry.event(0, LogEntry.Kind.RX, "127.0.0.1:0", "");

    @FXML private ComboBox<Charset> encoding;
    @FXML private ToggleGroup viewModes;
    @FXML private ToggleButton textView;
    @FXML private ToggleButton hexView;
    @FXML private ToggleButton hexTextView;
    @FXML private ToggleButton dumpView;
    @FXML private ToggleButton pause;
    @FXML private CheckBox autoScroll;
    @FXML private CheckBox wrap;
    @FXML private CheckBox timestamps;
    @FXML private Label rxBytes;
    @FXML private Label rxMessages;
    @FXML private Label txBytes;
    @FXML private Label txMessages;
    @FXML private Label rxMessagesUnit;
    @FXML private Label txMessagesUnit;
    @FXML private Label wire;
    @FXML private Button resetCounters;
    @FXML private HBox roundTrips;
    @FXML private Label rtt;
    @FXML private Button rttReset;
    @FXML private TextField filter;
    @FXML private CheckBox filterHex;
    @FXML private Label filterCount;
    @FXML private TimelineStrip timeline;
    @FXML private Label filterError;
    @FXML private ToggleButton capture;
    @FXML private ToggleButton echo;
    @FXML private Label captureStatus;
    @FXML private Label held;
    @FXML private Button copy;
    @FXML private Button save;
    @FXML private Button clear;
    @FXML private ListView<LogEntry> log;

    private String idPrefix = "";
    private String messageUnitKey = "counters.messages";
    private TrafficLog model;
    /** Lays out the shown rows after each follow of the tail when that spares the layout pass work. */
    private final ShownCells shownCells;
    /** Puts the newest row at the bottom when a follow's frame left it short (rows of mixed heights). */
    private final TailCheck tailCheck;

    public TrafficLogPane() {
        Fxml.loadComponent(this);
        shownCells = new ShownCells(log);
        tailCheck = new TailCheck(log, () -> model.revisionProperty().get(), this::followsTail);
        encoding.getItems().setAll(SupportedCharsets.all());
        encoding.setConverter(SendOptionChoices.charsetNames());
        log.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    /** Gives the controls their automation ids: prefix + Log, Encoding, HexView, Clear, RxBytes, ... */
    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        encoding.setId(prefix + "Encoding");
        textView.setId(prefix + "TextView");
        hexView.setId(prefix + "HexView");
        hexTextView.setId(prefix + "HexTextView");
        dumpView.setId(prefix + "DumpView");
        pause.setId(prefix + "Pause");
        autoScroll.setId(prefix + "AutoScroll");
        wrap.setId(prefix + "Wrap");
        timestamps.setId(prefix + "Timestamps");
        rxBytes.setId(prefix + "RxBytes");
        rxMessages.setId(prefix + "RxMessages");
        txBytes.setId(prefix + "TxBytes");
        txMessages.setId(prefix + "TxMessages");
        wire.setId(prefix + "Wire");
        resetCounters.setId(prefix + "ResetCounters");
        rtt.setId(prefix + "Rtt");
        rttReset.setId(prefix + "RttReset");
        filter.setId(prefix + "Filter");
        filterHex.setId(prefix + "FilterHex");
        filterError.setId(prefix + "FilterError");
        filterCount.setId(prefix + "FilterCount");
        capture.setId(prefix + "Capture");
        echo.setId(prefix + "Echo");
        captureStatus.setId(prefix + "CaptureStatus");
        held.setId(prefix + "Held");
        copy.setId(prefix + "Copy");
        save.setId(prefix + "Save");
        timeline.setIds(prefix + "Timeline");
        clear.setId(prefix + "Clear");
        log.setId(prefix + "Log");
    }

    public String getMessageUnitKey() {
        return messageUnitKey;
    }

    /**
     * The bundle key of what the message counters count, a pattern of the count so it is plural
     * when it should be: e.g. {@code messageUnitKey="counters.datagrams"} in FXML for a UDP tab;
     * {@code counters.messages} by default. Set before {@link #bind}.
     */
    public void setMessageUnitKey(String key) {
        messageUnitKey = key;
    }

    /** Shows {@code traffic} and {@code counters}; the capture button is wired by whoever owns the capture. */
    public void bind(TrafficLog traffic, CountersModel counters) {
        bindLog(traffic, counters);
    }

    /** The capture toggle and its status label, for the capture feature to drive. */
    /** The connection timeline beside the counters; the tab binds it to its own. */
    public TimelineStrip timelineStrip() {
        return timeline;
    }

    public ToggleButton captureButton() {
        return capture;
    }

    /** Shows {@code answers}' statistics on the status line, with their reset; hidden until the first answer. */
    public void bindRoundTrips(RoundTripModel answers) {
        rtt.textProperty().bind(answers.textProperty());
        roundTrips.visibleProperty().bind(answers.textProperty().isNotEmpty());
        roundTrips.managedProperty().bind(roundTrips.visibleProperty());
        rttReset.setOnAction(event -> answers.reset());
    }

    /** The echo switch, for the answering feature to drive. */
    public ToggleButton echoButton() {
        return echo;
    }

    public Label captureStatusLabel() {
        return captureStatus;
    }

    private void bindLog(TrafficLog traffic, CountersModel counters) {
        model = traffic;
        encoding.valueProperty().bindBidirectional(traffic.charsetProperty());
        bindViewModes(traffic);
        pause.selectedProperty().bindBidirectional(traffic.pausedProperty());
        wrap.selectedProperty().bindBidirectional(traffic.wrapProperty());
        timestamps.selectedProperty().bindBidirectional(traffic.showTimeProperty());
        held.textProperty().bind(Bindings.createStringBinding(() -> traffic.pausedProperty().get()
                        ? I18n.format("log.paused", traffic.heldCountProperty().get()) : "",
                traffic.pausedProperty(), traffic.heldCountProperty()));

        log.setItems(traffic.shownEntries());
        log.setCellFactory(list -> new LogCell(traffic));
        CellPrimer.prime(log, PRIMER_ROW);
        log.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                copySelection();
                event.consume();
            }
        });
        clear.setOnAction(event -> traffic.clear());
        copy.setOnAction(event -> copySelection());
        save.setOnAction(event -> chooseFileAndSave());
        resetCounters.setOnAction(event -> counters.reset());
        ViewListeners.onChange(this, traffic.revisionProperty(), (obs, old, now) -> followTail());
        ViewListeners.onChange(this, traffic.renderRevisionProperty(), (obs, old, now) -> log.refresh());
        Runnable font = () -> log.pseudoClassStateChanged(MONOSPACE, traffic.isMonospace());
        ViewListeners.onChange(this, traffic.viewModeProperty(), (obs, old, now) -> font.run());
        ViewListeners.onChange(this, traffic.monospaceTextProperty(), (obs, old, now) -> font.run());
        font.run();
        OneLineRows.keep(log, traffic, filterCount); // after the font's listeners: it measures in the new font
        keepsPlace(traffic.place());

        filter.textProperty().bindBidirectional(traffic.filter().patternProperty());
        filterHex.selectedProperty().bindBidirectional(traffic.filter().hexProperty());
        FieldErrorBinding.bind(traffic.filter().errorProperty(), filterError, filter);
        filterCount.textProperty().bind(Bindings.createStringBinding(() -> traffic.busyProperty().get()
                        ? I18n.text("log.working")
                        : traffic.filter().isActive()
                        ? I18n.format("log.filter.count", traffic.shownEntries().size(), traffic.entries().size())
                        : "",
                traffic.shownEntries(), traffic.entries(), traffic.busyProperty()));

        bindCount(rxBytes, counters.rxBytesProperty());
        bindCount(rxMessages, counters.rxMessagesProperty());
        bindCount(txBytes, counters.txBytesProperty());
        bindCount(txMessages, counters.txMessagesProperty());
        bindWire(counters);
        bindUnit(rxMessagesUnit, counters.rxMessagesProperty());
        bindUnit(txMessagesUnit, counters.txMessagesProperty());
    }

    /** One toggle per view; clicking the selected one again returns to text, so Hex is a toggle. */
    private void bindViewModes(TrafficLog traffic) {
        Map<ViewMode, ToggleButton> buttons = new EnumMap<>(ViewMode.class);
        buttons.put(ViewMode.TEXT, textView);
        buttons.put(ViewMode.HEX, hexView);
        buttons.put(ViewMode.HEX_TEXT, hexTextView);
        buttons.put(ViewMode.DUMP, dumpView);
        buttons.forEach((mode, button) -> button.setUserData(mode));
        Runnable showMode = () -> viewModes.selectToggle(buttons.get(traffic.viewModeProperty().get()));
        ViewListeners.onChange(this, traffic.viewModeProperty(), (obs, old, now) -> showMode.run());
        viewModes.selectedToggleProperty().addListener((obs, old, now) ->
                traffic.viewModeProperty().set(now == null ? ViewMode.TEXT : (ViewMode) now.getUserData()));
        showMode.run();
    }

    private static void bindCount(Label label, javafx.beans.value.ObservableLongValue value) {
        label.textProperty().bind(Bindings.createStringBinding(() -> I18n.count(value.get()), value));
    }

    /** Over TLS, the bytes on the wire beside the application's: shown once there are any. */
    private void bindWire(CountersModel counters) {
        wire.textProperty().bind(Bindings.createStringBinding(() -> I18n.format("counters.wire",
                        I18n.count(counters.wireRxBytesProperty().get()), I18n.count(counters.wireTxBytesProperty().get())),
                counters.wireRxBytesProperty(), counters.wireTxBytesProperty()));
        wire.visibleProperty().bind(counters.wireRxBytesProperty().greaterThan(0)
                .or(counters.wireTxBytesProperty().greaterThan(0)));
        wire.managedProperty().bind(wire.visibleProperty());
    }

    /** "1 datagram", "2 datagrams": the unit follows its count. */
    private void bindUnit(Label label, javafx.beans.value.ObservableLongValue value) {
        label.textProperty().bind(Bindings.createStringBinding(() -> I18n.format(messageUnitKey, value.get()), value));
    }

    /** Whether the log keeps its newest row in view now: auto-scroll on and not paused. */
    private boolean followsTail() {
        return model.place().followProperty().get() && !model.pausedProperty().get();
    }

    /**
     * Shows where the user was in the rows when this view replaces another (a language switch):
     * auto-scroll, the selected rows, the row at the top; and answers the place where it is.
     */
    private void keepsPlace(LogPlace place) {
        autoScroll.selectedProperty().bindBidirectional(place.followProperty());
        LogPlace.Kept kept = place.takeKept();
        if (kept != null) {
            showAgain(kept);
        }
        followTail();
        place.shownBy(() -> {
            LogEntry top = topRow();
            return new LogPlace.Kept(top != null || kept == null ? top : kept.top(), // not laid out yet: as it came
                    log.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList());
        });
    }

    /** Selects the kept rows and scrolls the kept top row to the top, where they still are. */
    private void showAgain(LogPlace.Kept kept) {
        Set<LogEntry> selected = Collections.newSetFromMap(new IdentityHashMap<>());
        selected.addAll(kept.selected());
        List<LogEntry> rows = log.getItems();
        int top = -1;
        int[] chosen = new int[selected.size()];
        int count = 0;
        for (int i = 0; i < rows.size(); i++) { // one pass: a selection of every row costs no more
            LogEntry row = rows.get(i);
            if (row == kept.top()) {
                top = i;
            }
            if (count < chosen.length && selected.contains(row)) {
                chosen[count++] = i;
            }
        }
        if (count > 0) {
            log.getSelectionModel().selectIndices(chosen[0], Arrays.copyOfRange(chosen, 1, count));
        }
        if (top >= 0 && !followsTail()) {
            scrollToTopOnceLaidOut(top);
        }
    }

    /**
     * Puts row {@code row} at the top, and again after the first layout that shows rows: before
     * it the list places rows by estimated heights (rows that wrap differ), which its first
     * layout corrects, moving the row (three rows up in a test).
     */
    private void scrollToTopOnceLaidOut(int row) {
        log.scrollTo(row);
        new AfterFirstLayout(log, () -> topRow() != null, () -> log.scrollTo(row));
    }

    /** The row at the top of the list as last laid out; null before its first layout. */
    private LogEntry topRow() {
        if (log.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first != null && first.getIndex() >= 0 && first.getIndex() < log.getItems().size()) {
                return log.getItems().get(first.getIndex());
            }
        }
        return null;
    }

    private void followTail() {
        int size = log.getItems().size();
        if (size > 0 && followsTail()) {
            log.scrollTo(size - 1);
            shownCells.scrolledToTail();
            tailCheck.followed();
        }
    }

    /** Copies the selected rows, whole, as text lines; all rows when none is selected. */
    private void copySelection() {
        var selected = log.getSelectionModel().getSelectedItems();
        model.copyText(selected.isEmpty() ? log.getItems() : selected, text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private void chooseFileAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("log.save.title"));
        FileChooser.ExtensionFilter text = new FileChooser.ExtensionFilter(I18n.text("log.save.text"), "*.txt", "*.log");
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(I18n.text("log.save.csv"), "*.csv");
        chooser.getExtensionFilters().setAll(text, csv);
        chooser.setInitialFileName("socketdeck-" + idPrefix + ".txt");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            boolean asCsv = chooser.getSelectedExtensionFilter() == csv || file.getName().toLowerCase().endsWith(".csv");
            model.saveAs(file.toPath(), asCsv ? LogExport.Format.CSV : LogExport.Format.TEXT);
        }
    }

}
