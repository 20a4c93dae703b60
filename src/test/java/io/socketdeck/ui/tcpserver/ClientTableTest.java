package io.socketdeck.ui.tcpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.socketdeck.core.tcp.ClientSnapshot;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The table's rows follow arrivals and departures in batches; plain JUnit, no window. */
class ClientTableTest {

    private final ClientTable table = new ClientTable();
    private final List<String> changes = new ArrayList<>();

    ClientTableTest() {
        table.rows().addListener((ListChangeListener<ClientRow>) change -> {
            while (change.next()) {
                changes.add((change.wasRemoved() ? "-" + change.getRemovedSize() : "")
                        + (change.wasAdded() ? "+" + change.getAddedSize() : ""));
            }
        });
    }

    private static InetSocketAddress client(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private List<String> shown() {
        return table.rows().stream().map(ClientRow::address).toList();
    }

    @Test
    void aStormOfArrivalsIsOneListChange() {
        for (int port = 40_000; port < 45_000; port++) {
            table.connected(client(port), 1L);
        }
        assertEquals(0, table.rows().size(), "nothing shown before the batch ends");
        table.applyPending();
        assertEquals(5_000, table.rows().size());
        assertEquals(List.of("+5000"), changes);
        assertEquals("127.0.0.1:40000", table.rows().get(0).address(), "arrival order");
    }

    @Test
    void departuresAreOneRemovalAndAClientThatCameAndWentIsNeverShown() {
        table.connected(client(1001), 1L);
        table.connected(client(1002), 1L);
        table.connected(client(1003), 1L);
        table.applyPending();
        changes.clear();

        table.disconnected(client(1001));
        table.disconnected(client(1003));
        table.connected(client(1004), 2L);
        table.disconnected(client(1004));
        table.applyPending();

        assertEquals(List.of("127.0.0.1:1002"), shown());
        assertEquals(List.of("-1", "-1"), changes, "one removal change (two ranges), no addition");
    }

    @Test
    void aNewClientFromTheSameAddressIsANewRow() {
        table.connected(client(1001), 1L);
        table.applyPending();
        ClientRow first = table.rows().get(0);

        table.disconnected(client(1001));
        table.connected(client(1001), 2L);
        table.applyPending();

        assertEquals(1, table.rows().size());
        assertNotSame(first, table.rows().get(0));
        assertEquals(2L, table.rows().get(0).connectedAtMillis());
    }

    @Test
    void aSnapshotUpdatesTheByteCountsOfLiveRowsOnly() {
        table.connected(client(1001), 1L);
        table.connected(client(1002), 1L);
        table.applyPending();
        table.disconnected(client(1002));

        table.refresh(List.of(new ClientSnapshot(client(1001), 1L, 10, 20),
                new ClientSnapshot(client(1002), 1L, 30, 40)));

        assertEquals(10, table.rows().get(0).rxBytesProperty().get());
        assertEquals(20, table.rows().get(0).txBytesProperty().get());
        assertEquals(0, table.rows().get(1).rxBytesProperty().get(), "a departed client is not updated");
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
