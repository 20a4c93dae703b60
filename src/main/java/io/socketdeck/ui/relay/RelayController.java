package io.socketdeck.ui.relay;

import static io.socketdeck.ui.fx.DialogFields.named;

import io.socketdeck.core.relay.LegFaults;
import io.socketdeck.core.relay.RelayProtocol;
import io.socketdeck.core.session.Leg;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FieldErrorBinding;
import io.socketdeck.ui.fx.TableSelections;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.send.SendPane;
import io.socketdeck.ui.tab.ConnectButton;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.TrafficPanes;
import io.socketdeck.ui.tls.TlsSectionPopup;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

/** Binds the relay view to its view model; no logic lives here. */
public final class RelayController {

    @FXML private ComboBox<RelayProtocol> relayProtocol;
    @FXML private TextField relayListenHost;
    @FXML private TextField relayListenPort;
    @FXML private TextField relayTargetHost;
    @FXML private TextField relayTargetPort;
    @FXML private Button relayStart;
    @FXML private Button relayFaults;
    @FXML private HBox relayBadges;
    @FXML private Label relayListenHostError;
    @FXML private Label relayListenPortError;
    @FXML private Label relayTargetHostError;
    @FXML private Label relayTargetPortError;
    @FXML private Label relayFaultsError;
    @FXML private ToggleButton relayHold;
    @FXML private Button relayDisconnect;
    @FXML private Label relayConnectionCount;
    @FXML private ComboBox<Leg> relayDirection;
    @FXML private TableView<RelayRow> relayConnections;
    @FXML private TableColumn<RelayRow, RelayRow> relayClientColumn;
    @FXML private TableColumn<RelayRow, RelayRow> relayTargetColumn;
    @FXML private TableColumn<RelayRow, RelayRow> relaySinceColumn;
    @FXML private TableColumn<RelayRow, RelayRow> relayUpColumn;
    @FXML private TableColumn<RelayRow, RelayRow> relayDownColumn;
    @FXML private TableColumn<RelayRow, RelayRow> relayHeldColumn;
    @FXML private TableColumn<RelayRow, RelayRow> relayStateColumn;
    @FXML private TrafficLogPane trafficPane;
    @FXML private SendPane sendPane;
    @FXML private BorderPane relayView;

    /** Every badge, one a line: the strip may be too narrow to show them all. */
    private final Tooltip badgeList = new Tooltip();
    private final RelayViewModel viewModel;
    private final QuickCommandsModel quickCommands;

    public RelayController(RelayViewModel viewModel, QuickCommandsModel quickCommands) {
        this.viewModel = viewModel;
        this.quickCommands = quickCommands;
    }

    @FXML
    private void initialize() {
        bindBar();
        bindFaults();
        bindTable();
        TrafficPanes.bind(trafficPane, sendPane, viewModel.traffic(), quickCommands, relayView);
    }

    private void bindBar() {
        relayProtocol.getItems().setAll(RelayProtocol.values());
        relayProtocol.setConverter(named(RelayProtocol::name));
        relayProtocol.valueProperty().bindBidirectional(viewModel.protocolProperty());
        relayListenHost.textProperty().bindBidirectional(viewModel.listenHostProperty());
        relayListenPort.textProperty().bindBidirectional(viewModel.listenPortProperty());
        relayTargetHost.textProperty().bindBidirectional(viewModel.targetHostProperty());
        relayTargetPort.textProperty().bindBidirectional(viewModel.targetPortProperty());
        FieldErrorBinding.bind(viewModel.listenHostErrorProperty(), relayListenHostError, relayListenHost);
        FieldErrorBinding.bind(viewModel.listenPortErrorProperty(), relayListenPortError, relayListenPort);
        FieldErrorBinding.bind(viewModel.targetHostErrorProperty(), relayTargetHostError, relayTargetHost);
        FieldErrorBinding.bind(viewModel.targetPortErrorProperty(), relayTargetPortError, relayTargetPort);
        FieldErrorBinding.bind(viewModel.faultsErrorProperty(), relayFaultsError, relayFaults);
        ConnectButton.bind(relayStart, viewModel,
                state -> state == ConnectionState.IDLE ? "relay.start" : "relay.stop", "fth-play", "fth-square",
                relayProtocol, relayListenHost, relayListenPort, relayTargetHost, relayTargetPort);
        relayListenPort.setOnAction(event -> viewModel.open());
        relayTargetPort.setOnAction(event -> viewModel.open());
        relayTargetHost.setOnAction(event -> viewModel.open());
    }

    private void bindFaults() {
        VBox section = FaultSection.build(viewModel, this::editRules);
        TlsSectionPopup popup = new TlsSectionPopup(section, relayView);
        relayFaults.setOnAction(event -> popup.showUnder(relayFaults, relayView.getTop()));
        // A view built again (another language) leaves this one: its panel goes with it.
        relayView.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                popup.hide();
            }
        });
        // Heard only while this view is shown: one built again leaves no listener on the model behind.
        ViewListeners.onChange(relayView, viewModel.faultsErrorProperty(), (obs, old, now) -> {
            if (now != null) {
                popup.showUnder(relayFaults, relayView.getTop()); // where the wrong value is
            }
        });
        // One line of badges: what does not fit is clipped, and the strip's tooltip lists them all.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(relayBadges.widthProperty());
        clip.heightProperty().bind(relayBadges.heightProperty());
        relayBadges.setClip(clip);
        Runnable badges = () -> showBadges();
        for (Leg leg : Leg.values()) {
            ViewListeners.onChange(relayBadges, viewModel.faultFields(leg).faultsProperty(), (obs, old, now) -> badges.run());
        }
        ViewListeners.onChange(relayBadges, viewModel.holdProperty(), (obs, old, now) -> badges.run());
        ViewListeners.onChange(relayBadges, viewModel.heldBytesProperty(), (obs, old, now) -> badges.run());
        badges.run();
    }

    /** One pill per active fault, and one for hold with the bytes it keeps. */
    private void showBadges() {
        List<Label> pills = new ArrayList<>();
        if (viewModel.holdProperty().get()) {
            pills.add(pill(I18n.format("relay.badge.hold", I18n.count(viewModel.heldBytesProperty().get())), "hold"));
        }
        for (Leg leg : Leg.values()) {
            LegFaults faults = viewModel.faults(leg);
            for (String text : FaultBadges.of(leg, faults)) {
                pills.add(pill(text, null));
            }
        }
        relayBadges.getChildren().setAll(pills);
        badgeList.setText(String.join("\n", pills.stream().map(Label::getText).toList()));
        if (pills.isEmpty()) {
            Tooltip.uninstall(relayBadges, badgeList);
        } else {
            Tooltip.install(relayBadges, badgeList);
        }
    }

    private static Label pill(String text, String extraStyle) {
        Label pill = new Label(text);
        pill.getStyleClass().add("fault-badge");
        if (extraStyle != null) {
            pill.getStyleClass().add(extraStyle);
        }
        pill.setMinWidth(Label.USE_PREF_SIZE);
        return pill;
    }

    private void editRules(Leg leg) {
        new RewriteDialog(window(), leg, viewModel.faultFields(leg).rules(),
                () -> viewModel.traffic().log().charsetProperty().get(), () -> viewModel.rewriteHits(leg),
                viewModel.revisionProperty()).show();
    }

    private Window window() {
        return relayView.getScene() == null ? null : relayView.getScene().getWindow();
    }

    private void bindTable() {
        RelayColumns.client(relayClientColumn, viewModel.revisionProperty());
        RelayColumns.target(relayTargetColumn, viewModel.revisionProperty());
        RelayColumns.since(relaySinceColumn, viewModel.revisionProperty());
        RelayColumns.up(relayUpColumn, viewModel.revisionProperty());
        RelayColumns.down(relayDownColumn, viewModel.revisionProperty());
        RelayColumns.held(relayHeldColumn, viewModel.revisionProperty());
        RelayColumns.state(relayStateColumn, viewModel.revisionProperty());
        // The rows, and the user's choice among them kept in the model (survives a language switch).
        TableSelections.show(relayConnections, viewModel.connections(), viewModel.selectedConnections());
        relayConnections.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        relayConnectionCount.textProperty().bind(viewModel.connectionSummary());
        relayDisconnect.disableProperty().bind(Bindings.isEmpty(viewModel.selectedConnections()));
        relayDisconnect.setOnAction(event -> viewModel.disconnectSelected());
        relayHold.selectedProperty().bindBidirectional(viewModel.holdProperty());
        // Short words, so the toolbar fits its narrowest; the held bytes show in the count and a badge.
        relayHold.textProperty().bind(Bindings.createStringBinding(() -> I18n.text(viewModel.holdProperty().get()
                ? "relay.release" : "relay.hold"), viewModel.holdProperty()));
        relayDirection.getItems().setAll(Leg.values());
        relayDirection.setConverter(named(leg -> I18n.text("relay.direction." + leg.name())));
        relayDirection.valueProperty().bindBidirectional(viewModel.directionProperty());
    }
}
