package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.net.BindAddress;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.framing.FramingButton;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.send.SendPane;
import io.socketdeck.ui.tab.ConnectButton;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.TrafficPanes;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** Binds the TCP server view to its view model; no logic lives here. */
public final class TcpServerController {

    @FXML private ComboBox<BindAddress> serverBind;
    @FXML private TextField serverPort;
    @FXML private TextField serverMaxClients;
    @FXML private CheckBox serverReuseAddress;
    @FXML private Button serverListen;
    @FXML private FramingButton serverFraming;
    @FXML private Label serverBindError;
    @FXML private Label serverPortError;
    @FXML private Label serverMaxClientsError;
    @FXML private Label serverClientCount;
    @FXML private TableView<ClientRow> serverClients;
    @FXML private TableColumn<ClientRow, ClientRow> addressColumn;
    @FXML private TableColumn<ClientRow, Number> sinceColumn;
    @FXML private TableColumn<ClientRow, Number> rxColumn;
    @FXML private TableColumn<ClientRow, Number> txColumn;
    @FXML private Button serverDisconnect;
    @FXML private ComboBox<Recipients> serverTarget;
    @FXML private TrafficLogPane trafficPane;
    @FXML private SendPane sendPane;

    @FXML private BorderPane serverView;

    private final TcpServerViewModel viewModel;
    private final QuickCommandsModel quickCommands;

    public TcpServerController(TcpServerViewModel viewModel, QuickCommandsModel quickCommands) {
        this.viewModel = viewModel;
        this.quickCommands = quickCommands;
    }

    @FXML
    private void initialize() {
        serverFraming.framingProperty().bindBidirectional(viewModel.framingProperty());
        bindListening();
        bindClientTable();
        serverTarget.getItems().setAll(Recipients.values());
        serverTarget.setConverter(new StringConverter<>() {
            @Override
            public String toString(Recipients recipients) {
                return recipients == null ? "" : I18n.text("server.target." + recipients.name());
            }

            @Override
            public Recipients fromString(String text) {
                return null; // not editable
            }
        });
        serverTarget.valueProperty().bindBidirectional(viewModel.recipientsProperty());
        TrafficPanes.bind(trafficPane, sendPane, viewModel.traffic(), quickCommands, serverView);
    }

    private void bindListening() {
        BindAddressChoices.install(serverBind);
        serverBind.getEditor().textProperty().bindBidirectional(viewModel.bindAddressProperty());
        serverPort.textProperty().bindBidirectional(viewModel.portProperty());
        serverMaxClients.textProperty().bindBidirectional(viewModel.maxClientsProperty());
        serverReuseAddress.selectedProperty().bindBidirectional(viewModel.reuseAddressProperty());
        FieldErrorBinding.bind(viewModel.bindErrorProperty(), serverBindError, serverBind);
        FieldErrorBinding.bind(viewModel.portErrorProperty(), serverPortError, serverPort);
        FieldErrorBinding.bind(viewModel.maxClientsErrorProperty(), serverMaxClientsError, serverMaxClients);

        ConnectButton.bind(serverListen, viewModel,
                state -> state == ConnectionState.IDLE ? "server.listen" : "server.stop", "fth-play", "fth-square",
                serverBind, serverPort, serverMaxClients, serverReuseAddress);
        // Enter in a field listens, as Enter connects in the client tab.
        serverPort.setOnAction(event -> viewModel.listen());
        serverMaxClients.setOnAction(event -> viewModel.listen());
    }

    private void bindClientTable() {
        ClientColumns.address(addressColumn, viewModel.countsRevisionProperty());
        ClientColumns.since(sinceColumn);
        ClientColumns.count(rxColumn, row -> row.rxBytes().getAsLong(), viewModel.countsRevisionProperty());
        ClientColumns.count(txColumn, row -> row.txBytes().getAsLong(), viewModel.countsRevisionProperty());
        // The table does not sort a copy of the rows on the FX thread: the model keeps them in
        // the chosen order, sorting a big table on a worker and applying it as one permutation.
        serverClients.setItems(viewModel.clients());
        serverClients.setSortPolicy(table -> {
            viewModel.sortClients(ClientColumns.order(table.getSortOrder()));
            return true;
        });
        serverClients.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Bindings.bindContent(viewModel.selectedClients(), serverClients.getSelectionModel().getSelectedItems());
        serverClientCount.textProperty().bind(viewModel.clientSummary());
        serverDisconnect.disableProperty().bind(Bindings.isEmpty(viewModel.selectedClients()));
        serverDisconnect.setOnAction(event -> viewModel.disconnectSelected());
    }
}
