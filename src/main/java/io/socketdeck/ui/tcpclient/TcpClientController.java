package io.socketdeck.ui.tcpclient;

import io.socketdeck.ui.framing.FramingButton;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.send.SendPane;
import io.socketdeck.ui.tab.ConnectButton;
import io.socketdeck.ui.tab.TrafficPanes;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/** Binds the TCP client view to its view model; no logic lives here. */
public final class TcpClientController {

    @FXML private TextField clientHost;
    @FXML private TextField clientPort;
    @FXML private TextField clientTimeout;
    @FXML private Button clientConnect;
    @FXML private FramingButton clientFraming;
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
        clientFraming.framingProperty().bindBidirectional(viewModel.framingProperty());
        clientHost.textProperty().bindBidirectional(viewModel.hostProperty());
        clientPort.textProperty().bindBidirectional(viewModel.portProperty());
        clientTimeout.textProperty().bindBidirectional(viewModel.connectTimeoutProperty());
        FieldErrorBinding.bind(viewModel.hostErrorProperty(), clientHostError, clientHost);
        FieldErrorBinding.bind(viewModel.portErrorProperty(), clientPortError, clientPort);
        FieldErrorBinding.bind(viewModel.timeoutErrorProperty(), clientTimeoutError, clientTimeout);

        ConnectButton.bind(clientConnect, viewModel, state -> switch (state) {
            case IDLE -> "client.connect";
            case OPENING -> "client.cancel";
            case OPEN, CLOSING -> "client.disconnect";
        }, "fth-link", "fth-x-circle", clientHost, clientPort, clientTimeout);
        // Enter in any connection field connects, as in a browser's address bar.
        clientHost.setOnAction(event -> viewModel.connect());
        clientPort.setOnAction(event -> viewModel.connect());
        clientTimeout.setOnAction(event -> viewModel.connect());

        TrafficPanes.bind(trafficPane, sendPane, viewModel.traffic(), quickCommands, clientView);
    }
}
