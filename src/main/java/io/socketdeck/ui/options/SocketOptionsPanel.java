package io.socketdeck.ui.options;

import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.Tips;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The fields of a tab's socket options, in the popup its {@link SocketOptionsPane} opens. Made
 * when first opened: a dozen fields and their labels that most sessions never show.
 */
final class SocketOptionsPanel extends VBox {

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

    /**
     * @param idPrefix          the tab's ({@code client}): the panel is {@code clientOptions}, its
     *                          fields {@code clientNoDelay}, {@code clientRcvBuf}…
     * @param title             what is set, in a line
     * @param connectionLocked  true while the fields that apply only before connecting (the local
     *                          address) cannot change
     */
    SocketOptionsPanel(String idPrefix, SocketOptionsModel model, ObservableStringValue title,
                       ObservableBooleanValue connectionLocked) {
        Fxml.loadComponent(this);
        name(idPrefix);
        this.title.textProperty().bind(title);
        bind(model);
        for (Node field : new Node[] {localAddress, localPort, reusePort}) {
            field.disableProperty().bind(connectionLocked);
        }
    }

    private void name(String prefix) {
        setId(prefix + "Options");
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

    /** Shows {@code model}'s fields and the rows its kind has. */
    private void bind(SocketOptionsModel model) {
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
    }

    private static void bindText(TextField field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
