package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The table's rows are the engine's list of clients, applied in one change per update, in the table's order. */
@ExtendWith(ApplicationExtension.class) // a big table sorts on a worker and comes back on the FX thread
class ClientTableTest {

    private final ClientTable table = new ClientTable();
    private final List<String> changes = new ArrayList<>();
    private final AtomicLong bytes = new AtomicLong();

    ClientTableTest() {
        table.rows().addListener((ListChangeListener<ClientRow>) change -> {
            StringBuilder one = new StringBuilder();
            while (change.next()) {
                one.append(change.wasRemoved() ? "-" + change.getRemovedSize() : "")
                        .append(change.wasAdded() ? "+" + change.getAddedSize() : "");
            }
            changes.add(one.toString());
        });
    }

    private ClientRow row(long id, int port) {
        return ClientRow.of(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1L, bytes::get, () -> 0, () -> false);
    }

    private List<Long> shown() {
        return table.rows().stream().map(ClientRow::id).toList();
    }

    @Test
    void aStormOfArrivalsIsOneListChange() {
        List<ClientRow> clients = IntStream.range(0, 5_000).mapToObj(i -> row(i, 40_000 + i)).toList();
        table.show(1, clients);
        assertEquals(5_000, table.rows().size());
        assertEquals(List.of("+5000"), changes);
    }

    @Test
    void departuresAndArrivalsAreOneChangeAndTheRestKeepTheirPlaceAndTheirRow() {
        ClientRow a = row(1, 5001);
        ClientRow b = row(2, 5002);
        ClientRow c = row(3, 5003);
        table.show(1, List.of(a, b, c));
        ClientRow d = row(4, 5004);
        table.show(2, List.of(row(3, 5003), d, a)); // the engine's list is in no particular order
        assertEquals(List.of(1L, 3L, 4L), shown(), "kept rows keep their place, new ones come last");
        assertSame(c, table.rows().get(1), "a kept client keeps its row object: selection stays on it");
        assertEquals(List.of("+3", "-1+1"), changes);
        assertEquals(2, table.shownVersion());
    }

    @Test
    void aClientThatLeftIsGoneWhateverArrivedMeanwhile() {
        table.show(1, List.of(row(1, 5001), row(2, 5002)));
        table.show(2, List.of(row(7, 5001))); // same address and port, another connection
        assertEquals(List.of(7L), shown(), "no ghost: the row is the connection, not the address");
    }

    @Test
    void countCellsAreToldOnlyWhenBytesMoved() {
        table.show(1, List.of(row(1, 5001)));
        assertTrue(table.refreshCounts(), "first look");
        long revision = table.countsRevisionProperty().get();
        assertFalse(table.refreshCounts(), "nothing moved");
        assertEquals(revision, table.countsRevisionProperty().get());
        bytes.addAndGet(100);
        assertTrue(table.refreshCounts());
        assertEquals(revision + 1, table.countsRevisionProperty().get());
    }

    @Test
    void aSortIsOnePermutationAndNewClientsGoWhereTheOrderPutsThem() {
        table.show(1, List.of(row(1, 5003), row(2, 5001), row(3, 5002)));
        changes.clear();
        table.sortBy(ClientColumns.BY_ADDRESS);
        assertEquals(List.of(2L, 3L, 1L), shown(), "by port");
        assertEquals(List.of(""), changes, "one change, a permutation (neither removed nor added)");
        table.show(2, List.of(row(1, 5003), row(2, 5001), row(3, 5002), row(4, 5000), row(5, 5004)));
        assertEquals(List.of(4L, 2L, 3L, 1L, 5L), shown(), "arrivals inserted in order");
        table.sortBy(null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), shown(), "no sort column: arrival order again");
    }

    @Test
    void aBigTableIsSortedOffTheFxThreadAndAppliedWhole() throws Exception {
        int count = 3 * ClientTable.SORT_IN_BACKGROUND_ABOVE;
        List<ClientRow> clients = IntStream.range(0, count).mapToObj(i -> row(i, 60_000 - i)).toList();
        runFx(() -> {
            table.show(1, clients);
            table.sortBy(ClientColumns.BY_ADDRESS);
        });
        awaitFx(() -> table.rows().get(0).id() == count - 1, "sorted by port, lowest first");
        assertEquals(count, (int) onFx(() -> table.rows().size()));
    }

    @Test
    void anUpdatePlannedOnAnotherThreadIsAppliedAsOneChangeLikeAShow() throws Exception {
        table.show(1, List.of(row(1, 5001), row(2, 5002), row(3, 5003)));
        changes.clear();
        var base = table.base();
        List<ClientRow> next = List.of(row(1, 5001), row(3, 5003), row(4, 5004), row(5, 5005));
        var planner = java.util.concurrent.Executors.newSingleThreadExecutor();
        ClientTable.Update update;
        try {
            update = planner.submit(() -> ClientTable.plan(base, 2, next)).get();
        } finally {
            planner.shutdown();
        }
        assertEquals(List.of(1L, 2L, 3L), shown(), "planning changes nothing shown");
        assertTrue(table.apply(update));
        assertEquals(List.of(1L, 3L, 4L, 5L), shown());
        assertEquals(List.of("-1+2"), changes, "one change: the one gone and the two new");
        assertEquals(2, table.shownVersion());
    }

    @Test
    void anUpdatePlannedBeforeASortIsDroppedAndChangesNothing() {
        table.show(1, List.of(row(1, 5003), row(2, 5001), row(3, 5002)));
        ClientTable.Update stale = ClientTable.plan(table.base(), 2, List.of(row(1, 5003)));
        table.sortBy(ClientColumns.BY_ADDRESS);
        changes.clear();
        assertFalse(table.apply(stale), "planned against the rows before the sort");
        assertEquals(List.of(2L, 3L, 1L), shown());
        assertEquals(List.of(), changes);
        assertEquals(1, table.shownVersion(), "still the version shown before");
    }

    @Test
    void clearEmptiesInOneChange() {
        table.show(1, List.of(row(1, 5001), row(2, 5002)));
        table.clear();
        assertEquals(List.of(), shown());
        assertEquals(List.of("+2", "-2"), changes);
        assertEquals(-1, table.shownVersion());
    }

    @Test
    void maxClientsIsEmptyForNoLimitOrAPositiveNumber() {
        assertEquals(0, TcpServerViewModel.parseMaxClients(""));
        assertEquals(0, TcpServerViewModel.parseMaxClients("  "));
        assertEquals(10_000, TcpServerViewModel.parseMaxClients(" 10000 "));
        assertEquals(-1, TcpServerViewModel.parseMaxClients("0"));
        assertEquals(-1, TcpServerViewModel.parseMaxClients("-5"));
        assertEquals(-1, TcpServerViewModel.parseMaxClients("1000001"));
        assertEquals(-1, TcpServerViewModel.parseMaxClients("ten"));
    }
}
