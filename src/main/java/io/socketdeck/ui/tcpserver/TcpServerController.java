package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.net.BindAddress;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.framing.FramingButton;
import io.socketdeck.ui.fx.CellPrimer;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.TableSelections;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.options.EndConnectionButtons;
import io.socketdeck.ui.options.SocketOptionsPane;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.send.SendPane;
import io.socketdeck.ui.tab.ConnectButton;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.TrafficPanes;
import io.socketdeck.ui.tls.PasswordPrompt;
import io.socketdeck.ui.tls.TlsSectionPopup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.binding.BooleanBinding;
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
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Binds the TCP server view to its view model; no logic lives here. */
public final class TcpServerController {

    /** What the client table's cells are made with before its first client (never drawn). */
    private static final ClientRow PRIMER_ROW = ClientRow.of(-1, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            0, () -> 0, () -> 0, () -> false);

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
    @FXML private SocketOptionsPane serverOptionsPane;
    @FXML private EndConnectionButtons serverEnd;
    @FXML private TrafficLogPane trafficPane;
    @FXML private SendPane sendPane;

    @FXML private TableColumn<ClientRow, ClientRow> tlsColumn;
    @FXML private CheckBox serverTls;
    @FXML private Button serverTlsSettings;
    @FXML private VBox serverTlsSection;
    @FXML private TextField serverTlsCert;
    @FXML private Button serverTlsCertBrowse;
    @FXML private TextField serverTlsKey;
    @FXML private Button serverTlsKeyBrowse;
    @FXML private Button serverTlsGenerate;
    @FXML private CheckBox serverTlsRequireClientCert;
    @FXML private TextField serverTlsClientCa;
    @FXML private Button serverTlsClientCaBrowse;
    @FXML private TextField serverTlsAlpn;
    @FXML private TextField serverTlsVersions;
    @FXML private Label serverTlsCertError;
    @FXML private Label serverTlsKeyError;
    @FXML private Label serverTlsClientCaError;
    @FXML private Label serverTlsAlpnError;
    @FXML private Label serverTlsVersionsError;

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
        bindTls();
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
                serverBind, serverPort, serverMaxClients, serverReuseAddress, serverTls, serverTlsCert, serverTlsKey,
                serverTlsRequireClientCert, serverTlsClientCa, serverTlsAlpn, serverTlsVersions);
        // Enter in a field listens, as Enter connects in the client tab.
        serverPort.setOnAction(event -> viewModel.listen());
        serverMaxClients.setOnAction(event -> viewModel.listen());
    }

    private void bindTls() {
        ServerTls tls = viewModel.tls();
        serverTls.selectedProperty().bindBidirectional(tls.enabledProperty());
        serverTlsSettings.visibleProperty().bind(tls.enabledProperty());
        serverTlsSettings.managedProperty().bind(tls.enabledProperty());
        TlsSectionPopup section = new TlsSectionPopup(serverTlsSection, serverView);
        serverTlsSettings.setOnAction(event -> section.showUnder(serverTlsSettings, serverView.getTop()));
        // Switched on, the fields it needs are shown at once; a problem opens them where it is said.
        // Heard while this view is shown: the model outlives it (a language switch builds another).
        ViewListeners.onChange(serverView, tls.enabledProperty(), (obs, old, now) -> {
            if (now) {
                Platform.runLater(() -> section.showUnder(serverTlsSettings, serverView.getTop())); // once the button is laid out
            } else {
                section.hide();
            }
        });
        // Once the server starts (Listen, Enter in a field, a script) the section's fields are locked
        // until Stop: it closes rather than cover the clients and the log the user now watches.
        ViewListeners.onChange(serverView, viewModel.stateProperty(), (obs, was, now) -> {
            if (was == ConnectionState.IDLE && now != ConnectionState.IDLE) {
                section.hide();
            }
        });
        for (ReadOnlyStringProperty error : List.of(tls.certificateErrorProperty(), tls.keyErrorProperty(),
                tls.clientCaErrorProperty(), tls.alpnErrorProperty(), tls.versionsErrorProperty())) {
            ViewListeners.onChange(serverView, error, (obs, old, now) -> {
                if (now != null) {
                    section.showUnder(serverTlsSettings, serverView.getTop());
                }
            });
        }
        serverTlsCert.textProperty().bindBidirectional(tls.certificateProperty());
        serverTlsKey.textProperty().bindBidirectional(tls.keyProperty());
        serverTlsRequireClientCert.selectedProperty().bindBidirectional(tls.requireClientCertProperty());
        serverTlsClientCa.textProperty().bindBidirectional(tls.clientCaProperty());
        serverTlsAlpn.textProperty().bindBidirectional(tls.alpnProperty());
        serverTlsVersions.textProperty().bindBidirectional(tls.versionsProperty());
        FieldErrorBinding.bind(tls.certificateErrorProperty(), serverTlsCertError, serverTlsCert);
        FieldErrorBinding.bind(tls.keyErrorProperty(), serverTlsKeyError, serverTlsKey);
        FieldErrorBinding.bind(tls.clientCaErrorProperty(), serverTlsClientCaError, serverTlsClientCa);
        FieldErrorBinding.bind(tls.alpnErrorProperty(), serverTlsAlpnError, serverTlsAlpn);
        FieldErrorBinding.bind(tls.versionsErrorProperty(), serverTlsVersionsError, serverTlsVersions);
        // The authorities matter only when a client certificate is required.
        serverTlsClientCa.disableProperty().bind(tls.requireClientCertProperty().not());

        BooleanBinding busy = Bindings.notEqual(viewModel.stateProperty(), ConnectionState.IDLE);
        serverTlsCertBrowse.disableProperty().bind(busy);
        serverTlsKeyBrowse.disableProperty().bind(busy);
        serverTlsGenerate.disableProperty().bind(busy);
        serverTlsClientCaBrowse.disableProperty().bind(busy.or(tls.requireClientCertProperty().not()));
        serverTlsCertBrowse.setOnAction(event -> KeyFiles.choose(serverTlsCert, "server.tls.cert.choose", true));
        serverTlsKeyBrowse.setOnAction(event -> KeyFiles.choose(serverTlsKey, "server.tls.key.choose", false));
        serverTlsClientCaBrowse.setOnAction(event -> KeyFiles.choose(serverTlsClientCa, "server.tls.clientCa.choose",
                false));
        serverTlsGenerate.setOnAction(event -> {
            new SelfSignedDialog(window(), new SelfSignedModel(SelfSignedModel.defaultFolder()),
                    viewModel.selfSignedWorker()).showAndWait()
                    .ifPresent(viewModel::useGenerated);
            section.showUnder(serverTlsSettings, serverView.getTop()); // back to the fields it filled in
        });
        // The view model asks for a password through this; the dialog is the view's.
        Supplier<Window> window = ViewListeners.window(serverView); // the model outlives this view
        tls.setPasswordAsker((file, wrongBefore) -> PasswordPrompt.ask(window.get(), file, wrongBefore));
    }

    private Window window() {
        return serverView.getScene() == null ? null : serverView.getScene().getWindow();
    }

    private void bindClientTable() {
        ClientColumns.address(addressColumn, viewModel.countsRevisionProperty());
        ClientColumns.since(sinceColumn);
        ClientColumns.count(rxColumn, row -> row.rxBytes().getAsLong(), viewModel.countsRevisionProperty());
        ClientColumns.count(txColumn, row -> row.txBytes().getAsLong(), viewModel.countsRevisionProperty());
        ClientColumns.tls(tlsColumn, viewModel.countsRevisionProperty());
        tlsColumn.visibleProperty().bind(viewModel.tls().enabledProperty()); // no TLS, no column

        // The table does not sort a copy of the rows on the FX thread: the model keeps them in
        // the chosen order, sorting a big table on a worker and applying it as one permutation.
        // The rows, and the user's choice among them kept in the model (survives a language switch).
        TableSelections.show(serverClients, viewModel.clients(), viewModel.selectedClients());
        CellPrimer.prime(serverClients, PRIMER_ROW);
        // The sort the user chose survives a view built again (a language switch): the header
        // shows it, and the rows, kept by the model, are in that order already.
        serverClients.setSortPolicy(table -> true);
        ClientColumns.show(serverClients, viewModel.clientSort());
        serverClients.setSortPolicy(table -> {
            viewModel.sortClients(ClientColumns.choice(table.getSortOrder()), ClientColumns.order(table.getSortOrder()));
            return true;
        });
        serverClients.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        serverClientCount.textProperty().bind(viewModel.clientSummary());
        serverDisconnect.disableProperty().bind(Bindings.isEmpty(viewModel.selectedClients()));
        serverDisconnect.setOnAction(event -> viewModel.disconnectSelected());
        serverEnd.bind(Bindings.isNotEmpty(viewModel.selectedClients()), viewModel::resetSelected,
                viewModel::halfCloseSelected);
        serverOptionsPane.bind(viewModel.socketOptions());
        serverOptionsPane.lockConnectionFieldsWhile(viewModel.stateProperty().isNotEqualTo(ConnectionState.IDLE));
    }
}
