package io.socketdeck.ui.udp;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.MulticastInterfaces;
import io.socketdeck.ui.common.BindAddressChoices;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.ViewIds;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.options.SocketOptionsPane;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.send.SendPane;
import io.socketdeck.ui.tab.ConnectButton;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.TrafficPanes;
import io.socketdeck.ui.fx.FieldMessageLane;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the UDP view to its view model; no logic lives here. */
public final class UdpController {

    @FXML private ComboBox<BindAddress> udpBindHost;
    @FXML private TextField udpBindPort;
    @FXML private Button udpOpen;
    @FXML private CheckBox udpConnected;
    @FXML private TextField udpRemoteHost;
    @FXML private TextField udpRemotePort;
    @FXML private MenuButton udpRecentSenders;
    @FXML private CheckBox udpReplyToSender;
    @FXML private TextField udpMulticastGroup;
    @FXML private ComboBox<MulticastInterfaces.Choice> udpMulticastInterface;
    @FXML private Button udpJoin;
    @FXML private TextField udpMulticastTtl;
    @FXML private CheckBox udpMulticastLoop;
    @FXML private Label udpJoinedGroups;
    @FXML private ToggleButton udpMulticast;
    @FXML private FlowPane multicastRow;
    @FXML private FieldMessageLane multicastMessages;
    @FXML private Label udpBindHostError;
    @FXML private Label udpBindPortError;
    @FXML private Label udpRemoteHostError;
    @FXML private Label udpRemotePortError;
    @FXML private Label udpMulticastGroupError;
    @FXML private Label udpMulticastTtlError;
    @FXML private SocketOptionsPane udpOptionsPane;
    @FXML private TrafficLogPane trafficPane;
    @FXML private SendPane sendPane;

    @FXML private BorderPane udpView;

    private final UdpViewModel viewModel;
    private final QuickCommandsModel quickCommands;

    public UdpController(UdpViewModel viewModel, QuickCommandsModel quickCommands) {
        this.viewModel = viewModel;
        this.quickCommands = quickCommands;
    }

    @FXML
    private void initialize() {
        bindLocalSocket();
        bindRemote();
        bindMulticast();
        TrafficPanes.bind(trafficPane, sendPane, viewModel.traffic(), quickCommands, udpView);
        udpOptionsPane.bind(viewModel.socketOptions());
    }

    private void bindLocalSocket() {
        BindAddressChoices.install(udpBindHost);
        udpBindHost.getEditor().textProperty().bindBidirectional(viewModel.bindHostProperty());
        udpBindPort.textProperty().bindBidirectional(viewModel.bindPortProperty());
        udpConnected.selectedProperty().bindBidirectional(viewModel.connectToRemoteProperty());
        FieldErrorBinding.bind(viewModel.bindHostErrorProperty(), udpBindHostError, udpBindHost);
        FieldErrorBinding.bind(viewModel.bindPortErrorProperty(), udpBindPortError, udpBindPort);

        ConnectButton.bind(udpOpen, viewModel,
                state -> state == ConnectionState.IDLE ? "udp.open" : "udp.close", "fth-play", "fth-x-circle",
                udpBindHost, udpBindPort, udpConnected);
        // Enter in the local port opens the socket, as Enter connects or listens in the TCP tabs.
        udpBindPort.setOnAction(event -> viewModel.open());
    }

    private void bindRemote() {
        UdpRemoteModel remote = viewModel.remote();
        udpRemoteHost.textProperty().bindBidirectional(remote.hostProperty());
        udpRemotePort.textProperty().bindBidirectional(remote.portProperty());
        udpReplyToSender.selectedProperty().bindBidirectional(remote.replyToSenderProperty());
        FieldErrorBinding.bind(remote.hostErrorProperty(), udpRemoteHostError, udpRemoteHost);
        FieldErrorBinding.bind(remote.portErrorProperty(), udpRemotePortError, udpRemotePort);

        // A connected socket has one remote for its life; in reply mode the sender is the target.
        BooleanBinding connected = viewModel.connectToRemoteProperty()
                .and(Bindings.notEqual(viewModel.stateProperty(), ConnectionState.IDLE));
        BooleanBinding fixed = connected.or(remote.replyToSenderProperty());
        udpRemoteHost.disableProperty().bind(fixed);
        udpRemotePort.disableProperty().bind(fixed);
        udpRecentSenders.disableProperty().bind(connected);
        udpReplyToSender.disableProperty().bind(viewModel.connectToRemoteProperty());
        // The open menu keeps its items: rebuilt under the pointer, a click could pick another
        // sender than the one the user read. It catches up when it closes.
        ViewListeners.onListChange(udpView, remote.recentSenders(), change -> {
            if (!udpRecentSenders.isShowing()) {
                showRecentSenders();
            }
        });
        udpRecentSenders.setOnHidden(event -> showRecentSenders());
        showRecentSenders();
    }

    private void showRecentSenders() {
        udpRecentSenders.getItems().clear();
        for (InetSocketAddress sender : viewModel.remote().recentSenders()) {
            MenuItem item = new MenuItem(Addresses.format(sender));
            // Numbered like the quick commands' buttons: udpRecentSender1 is the newest
            item.setId(ViewIds.late(udpRecentSenders, "udpRecentSender" + (udpRecentSenders.getItems().size() + 1)));
            item.setOnAction(event -> viewModel.remote().use(sender));
            udpRecentSenders.getItems().add(item);
        }
        if (udpRecentSenders.getItems().isEmpty()) {
            MenuItem none = new MenuItem(I18n.text("udp.recent.none"));
            none.setDisable(true);
            udpRecentSenders.getItems().add(none);
        }
    }

    private void bindMulticast() {
        UdpMulticastModel multicast = viewModel.multicast();
        udpMulticastGroup.textProperty().bindBidirectional(multicast.groupProperty());
        udpMulticastInterface.setItems(multicast.interfaces());
        udpMulticastInterface.valueProperty().bindBidirectional(multicast.interfaceProperty());
        udpMulticastInterface.setConverter(new StringConverter<>() {
            @Override
            public String toString(MulticastInterfaces.Choice choice) {
                return choice == null ? "" : choice.name();
            }

            @Override
            public MulticastInterfaces.Choice fromString(String name) {
                return multicast.interfaces().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            }
        });
        udpMulticastInterface.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MulticastInterfaces.Choice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.name() + "  \u2014  " + choice.addresses().stream()
                        .map(Addresses::formatHost).collect(Collectors.joining(", ")));
            }
        });
        udpMulticastTtl.textProperty().bindBidirectional(multicast.ttlProperty());
        udpMulticastLoop.selectedProperty().bindBidirectional(multicast.loopbackProperty());
        FieldErrorBinding.bind(multicast.groupErrorProperty(), udpMulticastGroupError, udpMulticastGroup,
                udpMulticastInterface);
        FieldErrorBinding.bind(multicast.ttlErrorProperty(), udpMulticastTtlError, udpMulticastTtl);

        udpJoin.setOnAction(event -> viewModel.toggleJoin());
        udpJoin.disableProperty().bind(Bindings.notEqual(viewModel.stateProperty(), ConnectionState.OPEN));
        udpJoin.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text(multicast.selectedJoinedProperty().get() ? "udp.leave" : "udp.join"),
                multicast.selectedJoinedProperty()));
        udpJoin.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(multicast.selectedJoinedProperty().get() ? "fth-log-out" : "fth-log-in"),
                multicast.selectedJoinedProperty()));
        udpJoinedGroups.textProperty().bind(multicast.joinedSummaryProperty());

        // Shown on request: most UDP work needs no multicast, and the room goes to the log.
        udpMulticast.selectedProperty().bindBidirectional(multicast.shownProperty());
        udpMulticast.textProperty().bind(Bindings.createStringBinding(() -> multicast.joined().isEmpty()
                ? I18n.text("udp.multicast") : I18n.format("udp.multicast.joinedCount", multicast.joined().size()),
                multicast.joined()));
        for (javafx.scene.Node row : List.of(multicastRow, multicastMessages)) {
            row.visibleProperty().bind(multicast.shownProperty());
            row.managedProperty().bind(multicast.shownProperty());
        }
    }
}
