package io.socketdeck.ui.session;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.ui.fx.Fxml;
import io.socketdeck.ui.i18n.I18n;
import java.nio.charset.Charset;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The traffic log every tab shows: encoding, hex view, clear, counters and the bounded,
 * virtualized list. Each tab names it with {@code idPrefix}, which gives its controls stable
 * automation ids such as {@code clientLog} and {@code serverEncoding}.
 */
public final class TrafficLogPane extends VBox {

    @FXML private ComboBox<Charset> encoding;
    @FXML private CheckBox hexView;
    @FXML private CheckBox autoScroll;
    @FXML private Button clear;
    @FXML private Label rxBytes;
    @FXML private Label rxMessages;
    @FXML private Label txBytes;
    @FXML private Label txMessages;
    @FXML private Label rxMessagesUnit;
    @FXML private Label txMessagesUnit;
    @FXML private Button resetCounters;
    @FXML private ListView<LogEntry> log;

    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private String idPrefix = "";

    public TrafficLogPane() {
        Fxml.loadComponent(this);
        encoding.getItems().setAll(SupportedCharsets.all());
        encoding.setConverter(new StringConverter<>() {
            @Override
            public String toString(Charset charset) {
                return charset == null ? "" : charset.name();
            }

            @Override
            public Charset fromString(String name) {
                return SupportedCharsets.byName(name);
            }
        });
        autoScroll.selectedProperty().bindBidirectional(follow);
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    /** Gives the controls their automation ids: prefix + Log, Encoding, HexView, Clear, RxBytes, ... */
    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        encoding.setId(prefix + "Encoding");
        hexView.setId(prefix + "HexView");
        autoScroll.setId(prefix + "AutoScroll");
        clear.setId(prefix + "Clear");
        rxBytes.setId(prefix + "RxBytes");
        rxMessages.setId(prefix + "RxMessages");
        txBytes.setId(prefix + "TxBytes");
        txMessages.setId(prefix + "TxMessages");
        resetCounters.setId(prefix + "ResetCounters");
        log.setId(prefix + "Log");
    }

    public String getMessageUnit() {
        return rxMessagesUnit.getText();
    }

    /**
     * What the message counters count, e.g. {@code messageUnit="%counters.datagrams"} in FXML for
     * a UDP tab; "msg" by default.
     */
    public void setMessageUnit(String unit) {
        rxMessagesUnit.setText(unit);
        txMessagesUnit.setText(unit);
    }

    public void bind(TrafficLog model, CountersModel counters) {
        encoding.valueProperty().bindBidirectional(model.charsetProperty());
        hexView.selectedProperty().bindBidirectional(model.hexViewProperty());
        log.setItems(model.entries());
        log.setCellFactory(list -> new LogCell(model.hexViewProperty()));
        clear.setOnAction(event -> model.clear());
        resetCounters.setOnAction(event -> counters.reset());
        model.revisionProperty().addListener((obs, old, now) -> followTail());
        model.renderRevisionProperty().addListener((obs, old, now) -> log.refresh());
        rxBytes.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.count(counters.rxBytesProperty().get()), counters.rxBytesProperty()));
        rxMessages.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.count(counters.rxMessagesProperty().get()), counters.rxMessagesProperty()));
        txBytes.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.count(counters.txBytesProperty().get()), counters.txBytesProperty()));
        txMessages.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.count(counters.txMessagesProperty().get()), counters.txMessagesProperty()));
    }

    private void followTail() {
        int size = log.getItems().size();
        if (follow.get() && size > 0) {
            log.scrollTo(size - 1);
        }
    }

    public BooleanProperty autoScrollProperty() {
        return follow;
    }
}
