package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A language switch builds the views again around the same models: where the user was in them
 * comes back too (the log's auto-scroll, top row and selection, the client table's sort, the
 * pane shown beside the send box), not only the connections and what was typed.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchPlaceTest {

    private static final int ROWS = 400;
    private static final int TOP = 150;

    private final List<AutoCloseable> peers = new ArrayList<>();
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(() -> {
            window.shutdown();
            I18n.use(Locale.ENGLISH);
        });
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void theLogsPlaceTheTablesSortAndTheSidePaneSurviveASwitch(FxRobot robot) throws Exception {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        runFx(() -> {
            server.bindAddressProperty().set("127.0.0.1");
            server.portProperty().set("0");
            server.listen();
        });
        awaitFx(() -> server.stateProperty().get() == ConnectionState.OPEN, "listening");
        String address = onFx(() -> server.listeningAddressProperty().get());
        String[] payloads = {"a", "ccc", "bb"}; // by bytes received, most first: the second, the third, the first
        for (String payload : payloads) {
            TcpProbe probe = TcpProbe.connect(address);
            peers.add(probe);
            awaitFx(() -> server.clients().size() == peers.size(), "client " + peers.size() + " in the table");
            probe.send(payload);
        }
        awaitFx(() -> server.traffic().counters().rxBytesProperty().get() == 6, "every client's bytes in");
        runFx(() -> {
            for (int i = 0; i < ROWS; i++) {
                server.traffic().log().note(LogEntry.Kind.INFO, "row " + i);
            }
        });
        awaitFx(() -> server.traffic().log().shownEntries().size() >= ROWS, "the rows shown");
        click(robot, "#tabTcpServer");

        // Where the user is: auto-scroll off, a row near the middle at the top, two rows chosen,
        // the clients sorted by bytes received, most first, and the auto-reply rules in view.
        click(robot, "#serverAutoScroll");
        ListView<?> log = FxTesting.lookup(robot, "#serverLog").queryListView();
        runFx(() -> {
            log.scrollTo(TOP);
            log.getSelectionModel().clearSelection();
            log.getSelectionModel().selectIndices(TOP + 1, TOP + 3);
        });
        awaitFx(() -> topRow(log) == TOP, () -> "scrolled, top row " + onFx(() -> topRow(log)));
        List<Object> chosenRows = onFx(() -> List.copyOf(log.getSelectionModel().getSelectedItems()));
        TableView<?> table = FxTesting.lookup(robot, "#serverClients").queryTableView();
        runFx(() -> sortByReceived(table));
        awaitFx(() -> clientOrder(server).equals(List.of(3L, 2L, 1L)), () -> "sorted: " + onFx(() -> clientOrder(server)));
        click(robot, "#serverRulesTab");

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));
        awaitFx(() -> FxTesting.lookup(robot, "#serverLog").tryQuery().filter(list -> list != log).isPresent(),
                "the new view is shown");
        ListView<?> logAfter = FxTesting.lookup(robot, "#serverLog").queryListView();
        TableView<?> tableAfter = FxTesting.lookup(robot, "#serverClients").queryTableView();
        assertNotSame(table, tableAfter, "a view built again");

        assertFalse(onFx(() -> FxTesting.lookup(robot, "#serverAutoScroll").queryAs(CheckBox.class).isSelected()),
                "auto-scroll stays off");
        assertEquals(chosenRows, onFx(() -> List.copyOf(logAfter.getSelectionModel().getSelectedItems())),
                "the same rows chosen");
        awaitFx(() -> topRow(logAfter) == TOP, () -> "the same row at the top, was " + onFx(() -> topRow(logAfter)));
        assertEquals(List.of("rxColumn"), onFx(() -> tableAfter.getSortOrder().stream().map(TableColumn::getId).toList()),
                "the header shows the sort");
        assertEquals(TableColumn.SortType.DESCENDING, onFx(() -> tableAfter.getSortOrder().get(0).getSortType()));
        assertEquals(List.of(3L, 2L, 1L), onFx(() -> clientOrder(server)), "the rows stay in that order");
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#serverRulesTab").queryAs(ToggleButton.class).isSelected()),
                "the auto-reply rules stay beside the send box");

        runFx(() -> server.traffic().log().note(LogEntry.Kind.INFO, "one more"));
        awaitFx(() -> logAfter.getItems().size() > ROWS + 3, "the new row shown");
        assertEquals(TOP, onFx(() -> topRow(logAfter)), "auto-scroll off: the view stays where it was");
    }

    /** A second tab's ids are numbered ({@code rxColumn2}) after its controller ran: the sort still comes back. */
    @Test
    void aSecondServerTabsSortSurvivesASwitch(FxRobot robot) throws Exception {
        TcpServerViewModel second = onFx(() -> {
            WindowTab tab = window.openTab(MainWindow.kinds().stream()
                    .filter(kind -> kind.id().equals("tabTcpServer")).findFirst().orElseThrow());
            window.selectedProperty().set(tab);
            TcpServerViewModel model = (TcpServerViewModel) tab.model();
            model.bindAddressProperty().set("127.0.0.1");
            model.portProperty().set("0");
            model.listen();
            return model;
        });
        awaitFx(() -> second.stateProperty().get() == ConnectionState.OPEN, "listening");
        peers.add(TcpProbe.connect(onFx(() -> second.listeningAddressProperty().get())));
        awaitFx(() -> second.clients().size() == 1, "a client in the table");
        awaitFx(() -> FxTesting.lookup(robot, "#serverClients2").tryQuery().isPresent(), "the second tab shown");
        TableView<?> table = FxTesting.lookup(robot, "#serverClients2").queryTableView();
        runFx(() -> sortBy(table, "rxColumn2"));

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));
        awaitFx(() -> FxTesting.lookup(robot, "#serverClients2").tryQuery().filter(found -> found != table).isPresent(),
                "the new view is shown");
        TableView<?> tableAfter = FxTesting.lookup(robot, "#serverClients2").queryTableView();
        assertEquals(List.of("rxColumn2"), onFx(() -> tableAfter.getSortOrder().stream().map(TableColumn::getId).toList()),
                "the header shows the sort");
        assertEquals(TableColumn.SortType.DESCENDING, onFx(() -> tableAfter.getSortOrder().get(0).getSortType()));
    }

    /** An empty table is given placeholder rows once shown (CellPrimer): its sort stays. */
    @Test
    void anEmptyClientTablesSortSurvivesASwitch(FxRobot robot) {
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), "tabTcpServer"));
        TableView<?> table = FxTesting.lookup(robot, "#serverClients").queryTableView();
        runFx(() -> sortByReceived(table));

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));
        awaitFx(() -> FxTesting.lookup(robot, "#serverClients").tryQuery().filter(found -> found != table).isPresent(),
                "the new view is shown");
        TableView<?> tableAfter = FxTesting.lookup(robot, "#serverClients").queryTableView();
        // Primed a couple of frames after it is shown: its rows' cells are made then, and kept.
        awaitFx(() -> tableAfter.lookupAll(".table-row-cell").size() > 1, "the table primed");
        assertEquals(List.of("rxColumn"), onFx(() -> tableAfter.getSortOrder().stream().map(TableColumn::getId).toList()),
                "the header shows the sort");
    }

    private static void sortByReceived(TableView<?> table) {
        sortBy(table, "rxColumn");
    }

    /** Sorts by the column {@code id}, most first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortBy(TableView<?> table, String id) {
        TableColumn received = table.getColumns().stream().filter(column -> id.equals(column.getId()))
                .findFirst().orElseThrow();
        received.setSortType(TableColumn.SortType.DESCENDING);
        ((TableView) table).getSortOrder().setAll(received);
    }

    /** The clients' received byte counts, in the table's order. */
    private static List<Long> clientOrder(TcpServerViewModel server) {
        return server.clients().stream().map(row -> row.rxBytes().getAsLong()).toList();
    }

    /** The index of the first row shown; -1 before the list is laid out. */
    private static int topRow(ListView<?> list) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            return first == null ? -1 : first.getIndex();
        }
        return -1;
    }
}
