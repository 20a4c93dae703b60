package io.socketdeck.ui.options;

import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.tls.TlsSectionPopup;
import io.socketdeck.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A tab's socket options: a button in the connection bar whose tooltip says what is set, and the
 * panel it opens under the bar (collapsed, that is closed, by default). Each tab names it with
 * {@code idPrefix}, which gives its controls their ids ({@code clientOptions} the panel,
 * {@code clientOptionsButton} the button, {@code clientNoDelay}, {@code serverRcvBuf},
 * {@code udpTos}…); {@link #bind} shows the rows the tab's kind has.
 */
public final class SocketOptionsPane extends HBox {

    @FXML private Button toggle;
    @FXML private VBox panel;
    @FXML private Label title;
    @FXML private CheckBox noDelay;
    @FXML private HBox keepAliveRow;
    @FXML private CheckBox keepAlive;
    @FXML private HBox keepTimings;
    @FXML private TextField keepIdle;
    @FXML private TextField keepInterval;
    @FXML private TextField keepCount;
    @FXML private TextField rcvBuf;
    @FXML private Label rcvBufGranted;
    @FXML private TextField sndBuf;
    @FXML private Label sndBufGranted;
    @FXML private HBox lingerRow;
    @FXML private TextField linger;
    @FXML private TextField tos;
    @FXML private CheckBox reusePort;
    @FXML private HBox localRow;
    @FXML private TextField localAddress;
    @FXML private TextField localPort;
    @FXML private Button apply;
    @FXML private Label keepAliveError;
    @FXML private Label rcvBufError;
    @FXML private Label sndBufError;
    @FXML private Label lingerError;
    @FXML private Label tosError;
    @FXML private Label localError;
    @FXML private Label note;

    private String idPrefix = "";
    private TlsSectionPopup popup;

    public SocketOptionsPane() {
        Fxml.loadComponent(this);
    }

    /** True: the button shows its icon only (its words in the tooltip), for a bar with no room to spare. */
    public boolean isCompact() {
        return toggle.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
    }

    public void setCompact(boolean compact) {
        toggle.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    /** Names the panel {@code <prefix>Options} and its controls after it. */
    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        panel.setId(prefix + "Options");
        toggle.setId(prefix + "OptionsButton");
        noDelay.setId(prefix + "NoDelay");
        keepAlive.setId(prefix + "KeepAlive");
        keepIdle.setId(prefix + "KeepIdle");
        keepInterval.setId(prefix + "KeepInterval");
        keepCount.setId(prefix + "KeepCount");
        rcvBuf.setId(prefix + "RcvBuf");
        rcvBufGranted.setId(prefix + "RcvBufGranted");
        sndBuf.setId(prefix + "SndBuf");
        sndBufGranted.setId(prefix + "SndBufGranted");
        linger.setId(prefix + "Linger");
        tos.setId(prefix + "Tos");
        reusePort.setId(prefix + "ReusePort");
        localAddress.setId(prefix + "LocalAddress");
        localPort.setId(prefix + "LocalPort");
        apply.setId(prefix + "OptionsApply");
        keepAliveError.setId(prefix + "KeepAliveError");
        rcvBufError.setId(prefix + "RcvBufError");
        sndBufError.setId(prefix + "SndBufError");
        lingerError.setId(prefix + "LingerError");
        tosError.setId(prefix + "TosError");
        localError.setId(prefix + "LocalError");
        note.setId(prefix + "OptionsNote");
    }

    /** Shows {@code model}'s fields, the rows its kind has, and its title summary. */
    public void bind(SocketOptionsModel model) {
        SocketOptionsModel.Kind kind = model.kind();
        show(noDelay, kind != SocketOptionsModel.Kind.UDP);
        show(keepAliveRow, kind != SocketOptionsModel.Kind.UDP);
        show(lingerRow, kind != SocketOptionsModel.Kind.UDP);
        show(reusePort, kind == SocketOptionsModel.Kind.SERVER);
        show(localRow, kind == SocketOptionsModel.Kind.CLIENT);

        noDelay.selectedProperty().bindBidirectional(model.noDelayProperty());
        keepAlive.selectedProperty().bindBidirectional(model.keepAliveProperty());
        bindText(keepIdle, model.keepIdleProperty());
        bindText(keepInterval, model.keepIntervalProperty());
        bindText(keepCount, model.keepCountProperty());
        bindText(rcvBuf, model.receiveBufferProperty());
        bindText(sndBuf, model.sendBufferProperty());
        bindText(linger, model.lingerProperty());
        bindText(tos, model.trafficClassProperty());
        reusePort.selectedProperty().bindBidirectional(model.reusePortProperty());
        bindText(localAddress, model.localAddressProperty());
        bindText(localPort, model.localPortProperty());
        rcvBufGranted.textProperty().bind(model.receiveGrantedProperty());
        sndBufGranted.textProperty().bind(model.sendGrantedProperty());
        note.textProperty().bind(model.noteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());

        // Greyed out, saying why, where the platform lacks them: never silently ignored.
        if (model.keepAliveTimingsSupported()) {
            keepTimings.disableProperty().bind(keepAlive.selectedProperty().not());
        } else {
            keepTimings.setDisable(true);
            Tips.setText(keepTimings, I18n.text("options.keepAlive.unsupported"));
        }
        if (!model.reusePortSupported()) {
            reusePort.setDisable(true);
            Tips.setText(reusePort, I18n.text("options.reusePort.unsupported"));
        }
        FieldErrorBinding.bind(model.keepAliveErrorProperty(), keepAliveError, keepIdle, keepInterval, keepCount);
        FieldErrorBinding.bind(model.receiveBufferErrorProperty(), rcvBufError, rcvBuf);
        FieldErrorBinding.bind(model.sendBufferErrorProperty(), sndBufError, sndBuf);
        FieldErrorBinding.bind(model.lingerErrorProperty(), lingerError, linger);
        FieldErrorBinding.bind(model.trafficClassErrorProperty(), tosError, tos);
        FieldErrorBinding.bind(model.localErrorProperty(), localError, localAddress, localPort);
        apply.disableProperty().bind(model.liveProperty().not());
        apply.setOnAction(event -> model.applyNow());

        var summary = Bindings.createStringBinding(
                () -> I18n.format("options.title", model.summary()),
                model.noDelayProperty(), model.keepAliveProperty(), model.keepIdleProperty(),
                model.keepIntervalProperty(), model.keepCountProperty(), model.receiveBufferProperty(),
                model.sendBufferProperty(), model.lingerProperty(), model.trafficClassProperty(),
                model.reusePortProperty(), model.localAddressProperty(), model.localPortProperty(),
                model.revisionProperty());
        title.textProperty().bind(summary);
        Tips.setText(toggle, summary.get());
        summary.addListener((obs, old, now) -> Tips.setText(toggle, now));
        toggle.setOnAction(event -> open());
        // Something could not be set as asked: the button says so until the next grant.
        model.noteProperty().addListener((obs, old, now) ->
                toggle.pseudoClassStateChanged(WARNING, now != null && !now.isEmpty()));
        // A field's problem is shown where it is: the panel opens.
        for (var error : new javafx.beans.value.ObservableStringValue[] {model.keepAliveErrorProperty(),
                model.receiveBufferErrorProperty(), model.sendBufferErrorProperty(), model.lingerErrorProperty(),
                model.trafficClassErrorProperty(), model.localErrorProperty(), model.noteProperty()}) {
            if (error == model.noteProperty()) {
                continue;
            }
            error.addListener((obs, old, now) -> {
                if (now != null && !now.isEmpty()) {
                    open();
                }
            });
        }
    }

    /** Opens the panel under the tab's connection bar (or moves it there when open). */
    public void open() {
        if (popup == null) {
            popup = new TlsSectionPopup(panel, this);
        }
        popup.showUnder(toggle, bar());
    }

    /** Closes the panel; its fields keep their values. */
    public void close() {
        if (popup != null) {
            popup.hide();
        }
    }

    /** True while the panel is open. */
    public boolean isOpen() {
        return popup != null && popup.isShowing();
    }

    /** The connection bar this button sits in: the panel opens under all of it, never over Connect. */
    private Node bar() {
        for (Parent up = getParent(); up != null; up = up.getParent()) {
            if (up.getStyleClass().contains("connection-bar")) {
                return up;
            }
        }
        return this;
    }

    /** Fields that only apply before connecting (the local address) are locked while connected. */
    public Node[] connectionFields() {
        return new Node[] {localAddress, localPort, reusePort};
    }

    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private static void bindText(TextField field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
