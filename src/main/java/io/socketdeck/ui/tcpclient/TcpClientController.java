package io.socketdeck.ui.tcpclient;

import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.send.SendPane;
import io.socketdeck.ui.tab.StateStyles;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.tab.TrafficPanes;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the TCP client view to its view model; no logic lives here. */
public final class TcpClientController {

    @FXML private TextField clientHost;
    @FXML private TextField clientPort;
    @FXML private TextField clientTimeout;
    @FXML private Button clientConnect;
    @FXML private Label clientStatus;
    @FXML private Label clientHostError;
    @FXML private Label clientPortError;
    @FXML private Label clientTimeoutError;
    @FXML private TrafficLogPane trafficPane;
    @FXML private SendPane sendPane;

    @FXML private BorderPane clientView;

    private final TcpClientViewModel viewModel;
    private final QuickCommandsModel quickCommands;

    public TcpClientController(TcpClientViewModel viewModel, QuickCommandsModel quickCommands) {
        this.viewModel = viewModel;
        this.quickCommands = quickCommands;
    }

    @FXML
    private void initialize() {
        clientHost.textProperty().bindBidirectional(viewModel.hostProperty());
        clientPort.textProperty().bindBidirectional(viewModel.portProperty());
        clientTimeout.textProperty().bindBidirectional(viewModel.connectTimeoutProperty());
        FieldErrorBinding.bind(viewModel.hostErrorProperty(), clientHostError, clientHost);
        FieldErrorBinding.bind(viewModel.portErrorProperty(), clientPortError, clientPort);
        FieldErrorBinding.bind(viewModel.timeoutErrorProperty(), clientTimeoutError, clientTimeout);

        var idle = Bindings.equal(viewModel.stateProperty(), ConnectionState.IDLE);
        clientHost.editableProperty().bind(idle);
        clientPort.editableProperty().bind(idle);
        clientTimeout.editableProperty().bind(idle);
        clientConnect.setOnAction(event -> viewModel.toggleConnection());
        // Enter in any connection field connects, as in a browser's address bar.
        clientHost.setOnAction(event -> viewModel.connect());
        clientPort.setOnAction(event -> viewModel.connect());
        clientTimeout.setOnAction(event -> viewModel.connect());
        clientConnect.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text(switch (viewModel.stateProperty().get()) {
                    case IDLE -> "client.connect";
                    case OPENING -> "client.cancel";
                    case OPEN, CLOSING -> "client.disconnect";
                }), viewModel.stateProperty()));
        clientConnect.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(viewModel.stateProperty().get() == ConnectionState.IDLE ? "fth-link" : "fth-x-circle"),
                viewModel.stateProperty()));
        clientConnect.disableProperty().bind(Bindings.equal(viewModel.stateProperty(), ConnectionState.CLOSING));
        clientStatus.textProperty().bind(viewModel.statusProperty());
        StateStyles.bind(clientStatus, clientConnect, viewModel.stateProperty());

        TrafficPanes.bind(trafficPane, sendPane, viewModel.traffic(), quickCommands, clientView);
    }
}
