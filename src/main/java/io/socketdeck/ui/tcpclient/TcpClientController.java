package io.socketdeck.ui.tcpclient;

import io.socketdeck.core.tls.TlsInputException.Field;
import io.socketdeck.ui.framing.FramingButton;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.options.EndConnectionButtons;
import io.socketdeck.ui.options.SocketOptionsPane;
import io.socketdeck.ui.send.SendPane;
import io.socketdeck.ui.tab.ConnectButton;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.TrafficPanes;
import io.socketdeck.ui.tls.PasswordPrompt;
import io.socketdeck.ui.tls.TlsSectionPopup;
import io.socketdeck.ui.common.I18n;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

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
    @FXML private CheckBox clientTls;
    @FXML private VBox clientTlsSection;
    @FXML private TextField clientTlsSni;
    @FXML private TextField clientTlsVersions;
    @FXML private TextField clientTlsAlpn;
    @FXML private CheckBox clientTlsVerifyHostname;
    @FXML private CheckBox clientTlsInsecure;
    @FXML private TextField clientTlsCaFile;
    @FXML private Button clientTlsCaFileBrowse;
    @FXML private TextField clientTlsPin;
    @FXML private TextField clientTlsClientCert;
    @FXML private Button clientTlsClientCertBrowse;
    @FXML private TextField clientTlsClientKey;
    @FXML private Button clientTlsClientKeyBrowse;
    @FXML private Label clientTlsSniError;
    @FXML private Label clientTlsVersionsError;
    @FXML private Label clientTlsAlpnError;
    @FXML private Label clientTlsCaFileError;
    @FXML private Label clientTlsPinError;
    @FXML private Label clientTlsClientCertError;
    @FXML private Label clientTlsClientKeyError;
    @FXML private Button clientTlsSettings;
    @FXML private VBox clientTlsOffer;
    @FXML private Label clientTlsTrustNote;
    @FXML private TextField clientTlsFingerprint;
    @FXML private Button clientTlsTrust;
    @FXML private TextArea clientTlsPeer;
    @FXML private SocketOptionsPane clientOptionsPane;
    @FXML private EndConnectionButtons clientEnd;
    @FXML private TrafficLogPane trafficPane;
    @FXML private SendPane sendPane;
    @FXML private ReconnectPart clientReconnectPart;

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
        }, "fth-link", "fth-x-circle", clientHost, clientPort, clientTimeout, clientTls, clientTlsSni, clientTlsVersions,
                clientTlsAlpn, clientTlsVerifyHostname, clientTlsInsecure, clientTlsCaFile, clientTlsCaFileBrowse,
                clientTlsPin, clientTlsClientCert, clientTlsClientCertBrowse, clientTlsClientKey,
                clientTlsClientKeyBrowse, clientTlsTrust);
        bindReconnect();
        // Enter in any connection field connects, as in a browser's address bar.
        clientHost.setOnAction(event -> viewModel.connect());
        clientPort.setOnAction(event -> viewModel.connect());
        clientTimeout.setOnAction(event -> viewModel.connect());

        clientOptionsPane.bind(viewModel.socketOptions());
        clientOptionsPane.lockConnectionFieldsWhile(viewModel.stateProperty().isNotEqualTo(ConnectionState.IDLE));
        clientEnd.bind(viewModel.stateProperty().isEqualTo(ConnectionState.OPEN).and(viewModel.halfClosedProperty().not()),
                viewModel::reset, viewModel::halfClose);
        clientEnd.visibleProperty().bind(viewModel.stateProperty().isEqualTo(ConnectionState.OPEN));
        clientEnd.managedProperty().bind(clientEnd.visibleProperty());
        bindTls();
        TrafficPanes.bind(trafficPane, sendPane, viewModel.traffic(), quickCommands, clientView);
    }

    /**
     * Auto-reconnect: during a countdown the Connect button reads Cancel and cancels it; the
     * button goes through the view model, which tells the user's own Disconnect from a loss.
     */
    private void bindReconnect() {
        ClientReconnect reconnect = viewModel.reconnect();
        clientReconnectPart.bind(reconnect, quickCommands, clientView);
        QuickCommandsModel commands = quickCommands; // not the controller: the model outlives this view
        viewModel.useQuickCommands(name -> commands.items().stream()
                .filter(command -> command.name().equals(name)).findFirst());
        clientConnect.setOnAction(event -> viewModel.toggleConnection());
        var state = viewModel.stateProperty();
        clientConnect.textProperty().unbind();
        clientConnect.textProperty().bind(Bindings.createStringBinding(() -> I18n.text(
                reconnect.pendingProperty().get() ? "client.cancel" : switch (state.get()) {
                    case IDLE -> "client.connect";
                    case OPENING -> "client.cancel";
                    case OPEN, CLOSING -> "client.disconnect";
                }), state, reconnect.pendingProperty()));
    }

    private void bindTls() {
        TlsClientFields tls = viewModel.tls();
        clientTls.selectedProperty().bindBidirectional(tls.enabledProperty());
        clientTlsSettings.visibleProperty().bind(tls.enabledProperty());
        clientTlsSettings.managedProperty().bind(tls.enabledProperty());
        clientTlsSni.textProperty().bindBidirectional(tls.serverNameProperty());
        clientTlsVersions.textProperty().bindBidirectional(tls.versionsProperty());
        clientTlsAlpn.textProperty().bindBidirectional(tls.alpnProperty());
        clientTlsVerifyHostname.selectedProperty().bindBidirectional(tls.verifyHostnameProperty());
        clientTlsInsecure.selectedProperty().bindBidirectional(tls.insecureProperty());
        clientTlsCaFile.textProperty().bindBidirectional(tls.caFileProperty());
        clientTlsPin.textProperty().bindBidirectional(tls.pinsProperty());
        clientTlsClientCert.textProperty().bindBidirectional(tls.clientCertProperty());
        clientTlsClientKey.textProperty().bindBidirectional(tls.clientKeyProperty());
        FieldErrorBinding.bind(tls.errorProperty(Field.SERVER_NAME), clientTlsSniError, clientTlsSni);
        FieldErrorBinding.bind(tls.errorProperty(Field.PROTOCOLS), clientTlsVersionsError, clientTlsVersions);
        FieldErrorBinding.bind(tls.errorProperty(Field.ALPN), clientTlsAlpnError, clientTlsAlpn);
        FieldErrorBinding.bind(tls.errorProperty(Field.CA_FILE), clientTlsCaFileError, clientTlsCaFile);
        FieldErrorBinding.bind(tls.errorProperty(Field.PIN), clientTlsPinError, clientTlsPin);
        FieldErrorBinding.bind(tls.errorProperty(Field.CERTIFICATE), clientTlsClientCertError, clientTlsClientCert);
        FieldErrorBinding.bind(tls.errorProperty(Field.KEY), clientTlsClientKeyError, clientTlsClientKey);
        clientTlsCaFileBrowse.setOnAction(event -> TlsFiles.choose(clientView, "client.tls.chooseCaFile", false)
                .ifPresent(tls.caFileProperty()::set));
        clientTlsClientCertBrowse.setOnAction(event -> TlsFiles.choose(clientView, "client.tls.chooseClientCert", true)
                .ifPresent(tls.clientCertProperty()::set));
        clientTlsClientKeyBrowse.setOnAction(event -> TlsFiles.choose(clientView, "client.tls.chooseClientKey", false)
                .ifPresent(tls.clientKeyProperty()::set));
        // Asked when connecting needs it; the answer stays in the view model's memory only.
        Supplier<Window> window = ViewListeners.window(clientView);
        tls.setPasswordAsker((file, wrongBefore) -> PasswordPrompt.ask(window.get(), file, wrongBefore));

        openTlsSectionWhereWanted(tls);

        TlsPeerState peer = viewModel.tlsPeer();
        // A text field's bind holds on to its field strongly: bound only while this view is shown.
        clientTlsPeer.textProperty().bind(peer.chainProperty().when(ViewListeners.shown(clientView)));
        clientTlsOffer.visibleProperty().bind(peer.offeredFingerprintProperty().isNotEmpty());
        clientTlsOffer.managedProperty().bind(clientTlsOffer.visibleProperty());
        clientTlsTrustNote.textProperty().bind(peer.noteProperty());
        clientTlsFingerprint.textProperty().bind(peer.offeredFingerprintProperty().when(ViewListeners.shown(clientView)));
        clientTlsTrust.setOnAction(event -> peer.trustOffered());
        clientTlsTrust.visibleProperty().bind(peer.pinnedProperty().not());
        clientTlsTrust.managedProperty().bind(clientTlsTrust.visibleProperty());
    }

    /**
     * The TLS section opens under its button: when asked, when TLS is switched on (the fields it
     * needs), when one of its fields has a problem (where the message is), and when a certificate
     * was refused (its fingerprint, to trust it). It closes when the
     * user clicks elsewhere, Connect included, which then connects in the same click. The model
     * outlives this view (a language switch builds another): it is listened to while the view is shown.
     */
    private void openTlsSectionWhereWanted(TlsClientFields tls) {
        TlsSectionPopup section = new TlsSectionPopup(clientTlsSection, clientView);
        Runnable show = () -> section.showUnder(clientTlsSettings, clientView.getTop());
        clientTlsSettings.setOnAction(event -> show.run());
        ViewListeners.onChange(clientView, tls.enabledProperty(), (obs, was, on) -> {
            if (on) {
                Platform.runLater(show); // once the button is laid out
            } else {
                section.hide();
            }
        });
        for (Field field : Field.values()) {
            ViewListeners.onChange(clientView, tls.errorProperty(field), (obs, old, now) -> {
                if (now != null) {
                    show.run();
                }
            });
        }
        // A refused certificate: its fingerprint and "Trust this certificate" are at the top of it.
        ViewListeners.onChange(clientView, viewModel.tlsPeer().offeredFingerprintProperty(), (obs, old, now) -> {
            if (!now.isEmpty()) {
                show.run();
            }
        });
    }
}
