package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.testfx.api.FxRobot;

/**
 * Drives the real server tab the way a user does, through its automation ids; reads state on
 * the FX thread. Shared by the server tab's TestFX tests, and by other tabs' tests that need the
 * server listening (on loopback: the tab's default, 0.0.0.0, would reach the network).
 */
public final class ServerTabDriver {

    private final FxRobot robot;
    private final TcpServerViewModel viewModel;

    public ServerTabDriver(FxRobot robot, TcpServerViewModel viewModel) {
        this.robot = robot;
        this.viewModel = viewModel;
        Parent root = FxTesting.lookup(robot, ".session-tabs").query().getScene().getRoot();
        runFx(() -> MainWindowFixture.showTab(root, "tabTcpServer"));
    }

    TcpServerViewModel viewModel() {
        return viewModel;
    }

    void type(String id, String text) {
        FxTesting.setText(robot, id, text);
    }

    void typeBindAddress(String text) {
        @SuppressWarnings("unchecked")
        ComboBox<BindAddress> bind = FxTesting.lookup(robot, "#serverBind").queryAs(ComboBox.class);
        runFx(() -> bind.getEditor().setText(text));
    }

    String label(String id) {
        return FxTesting.labelText(robot, id);
    }

    void awaitState(ConnectionState state) {
        awaitFx(() -> viewModel.stateProperty().get() == state, () -> "state " + state + ", log: " + logLines());
    }

    /**
     * Listens on 127.0.0.1 at {@code port} (0 for any) with the Listen button; returns the address.
     * Fails unless the socket the session opened is on 127.0.0.1 (never the network's wildcard).
     */
    public InetSocketAddress listenOnLoopback(int port) {
        typeBindAddress("127.0.0.1");
        type("#serverPort", Integer.toString(port));
        click(robot, "#serverListen");
        awaitState(ConnectionState.OPEN);
        String address = onFx(() -> viewModel.listeningAddressProperty().get());
        if (!address.matches("127\\.0\\.0\\.1:\\d+")) {
            throw new AssertionError("the server listens on " + address + ", not on 127.0.0.1");
        }
        int colon = address.lastIndexOf(':');
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(address.substring(colon + 1)));
    }

    void stop() {
        click(robot, "#serverListen");
        awaitState(ConnectionState.IDLE);
    }

    @SuppressWarnings("unchecked")
    TableView<ClientRow> table() {
        return FxTesting.lookup(robot, "#serverClients").queryAs(TableView.class);
    }

    /** The addresses the table shows, as the user reads them. */
    List<String> tableAddresses() {
        TableView<ClientRow> table = table();
        return onFx(() -> table.getItems().stream().map(ClientRow::address).toList());
    }

    /**
     * The texts the table shows in {@code address}'s row, column by column, as a user reads them
     * (the row is scrolled into view first).
     */
    List<String> shownRow(String address) {
        TableView<ClientRow> table = table();
        return onFx(() -> {
            table.getItems().stream().filter(r -> r.address().equals(address)).findFirst().ifPresent(table::scrollTo);
            table.layout();
            for (Node node : table.lookupAll(".table-row-cell")) {
                if (node instanceof javafx.scene.control.TableRow<?> row && row.getItem() instanceof ClientRow client
                        && client.address().equals(address)) {
                    return row.getChildrenUnmodifiable().stream().filter(TableCell.class::isInstance)
                            .map(cell -> ((TableCell<?, ?>) cell).getText()).toList();
                }
            }
            return List.<String>of();
        });
    }

    void awaitTableRows(int count) {
        awaitFx(() -> table().getItems().size() == count, () -> "table rows " + count + ": " + tableAddresses());
    }

    /** Clicks the row showing {@code address}; with {@code add}, adds it to the selection. */
    void clickRow(String address, boolean add) {
        TableView<ClientRow> table = table();
        runFx(() -> table.scrollTo(table.getItems().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow()));
        Node cell = FxTesting.lookup(robot, (Node node) -> node instanceof TableCell<?, ?> tableCell
                && address.equals(tableCell.getText())).query();
        if (add) {
            robot.press(javafx.scene.input.KeyCode.CONTROL);
            click(robot, cell);
            robot.release(javafx.scene.input.KeyCode.CONTROL);
        } else {
            click(robot, cell);
        }
    }

    void recipients(Recipients recipients) {
        @SuppressWarnings("unchecked")
        ComboBox<Recipients> combo = FxTesting.lookup(robot, "#serverTarget").queryAs(ComboBox.class);
        runFx(() -> combo.setValue(recipients));
    }

    void send(String text) {
        TextArea input = FxTesting.lookup(robot, "#serverInput").queryAs(TextArea.class);
        runFx(() -> input.setText(text));
        click(robot, "#serverSend");
    }

    ListView<LogEntry> log() {
        return FxTesting.lookup(robot, "#serverLog").queryListView();
    }

    void awaitLog(Predicate<LogEntry> entry, String what) {
        ListView<LogEntry> log = log();
        awaitFx(() -> log.getItems().stream().anyMatch(entry), () -> what + "; log: " + logLines());
    }

    List<String> logLines() {
        ListView<LogEntry> log = log();
        return onFx(() -> log.getItems().stream()
                .map(e -> e.kind() + " " + e.peer() + " " + (e.isData() ? e.text() : e.message())).toList());
    }
}
