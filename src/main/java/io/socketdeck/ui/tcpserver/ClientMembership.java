package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.tcp.ClientList;
import io.socketdeck.core.tcp.ServerClient;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.ui.fx.IoWorkers;
import io.socketdeck.ui.fx.SyncedList;
import io.socketdeck.ui.fx.UiTick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the client table's rows equal to the engine's list of clients, with the work off the FX
 * thread: a worker reads the list (ten thousand clients, sorted by arrival), makes or reuses a row
 * for each and plans the change against the rows as they were ({@link ClientTable#plan}); the FX
 * thread only applies it, in time linear in what changed. A storm of connects or disconnects thus
 * never holds a pulse for the whole table. One plan at a time; one planned against rows that have
 * changed since (a sort) is dropped and planned again; one for a server since stopped is dropped.
 *
 * <p>During a storm the worker takes at most a quarter of a core: a plan that took 8 ms waits
 * 24 ms before the next one (at most {@value #MAX_DELAY_MILLIS} ms), so the I/O thread accepting
 * the clients keeps the rest.
 */
final class ClientMembership {

    private static final Logger LOGGER = LoggerFactory.getLogger(ClientMembership.class);
    private static final long MAX_DELAY_MILLIS = 100;
    private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MILLIS);

    /** A plan made on the worker, for the FX thread. */
    private record Planned(TcpServerSession server, ClientTable.Update update, RowsById rowsById,
                           long costNanos) {
    }

    /** What a worker hands back when it failed: the next pulse plans again. */
    private static final Planned FAILED = new Planned(null, null, null, 0);

    private final ClientTable table;
    private final Map<Long, TlsHandshake> handshakes;
    private final AtomicReference<Planned> ready = new AtomicReference<>();
    private UiTick.Handle job;
    /** The rows shown, by connection id: a client keeps its row object for its whole life. */
    private RowsById rowsById = RowsById.NONE;
    private boolean planning;
    private long nextPlanNanos;

    /** @param handshakes the current server's completed handshakes by connection id, written on the I/O thread */
    ClientMembership(ClientTable table, Map<Long, TlsHandshake> handshakes) {
        this.table = table;
        this.handshakes = handshakes;
    }

    /** The tick job to wake when a plan is ready. */
    void wakes(UiTick.Handle job) {
        this.job = job;
    }

    /**
     * FX thread, from the tick's job: applies a plan that is ready, and starts the next one when the
     * engine's list moved on. Returns when to run again: {@link UiTick#IDLE} when a worker's plan
     * will wake the job, or the end of a storm's pause.
     */
    long follow(TcpServerSession server, boolean servingTls, long nowNanos) {
        Planned planned = ready.getAndSet(null);
        if (planned != null) {
            planning = false;
            if (planned != FAILED && planned.server() == server && table.apply(planned.update())) {
                rowsById = planned.rowsById();
                nextPlanNanos = nowNanos + Math.min(3 * planned.costNanos(), MAX_DELAY_NANOS);
            }
        }
        if (planning || server.clientVersion() == table.shownVersion()) {
            return UiTick.IDLE;
        }
        if (nowNanos - nextPlanNanos < 0) {
            return nextPlanNanos; // a storm: the table catches up a little later
        }
        planning = true;
        SyncedList.Base<ClientRow> base = table.base();
        RowsById known = rowsById;
        IoWorkers.run(() -> plan(server, servingTls, base, known));
        return UiTick.IDLE;
    }

    /** Forgets the rows of a server that stopped. FX thread. */
    void clear() {
        rowsById = RowsById.NONE;
        nextPlanNanos = 0;
    }

    /** On a worker. */
    private void plan(TcpServerSession server, boolean servingTls, SyncedList.Base<ClientRow> base,
                      RowsById known) {
        Planned planned = FAILED;
        try {
            long started = System.nanoTime();
            ClientList list = server.clientList();
            List<ClientRow> rows = rowsFor(list.clients(), known, servingTls);
            ClientTable.Update update = ClientTable.plan(base, list.version(), rows);
            planned = new Planned(server, update, new RowsById(rows), System.nanoTime() - started);
        } catch (RuntimeException e) {
            LOGGER.warn("cannot follow the server's clients", e);
        } finally {
            ready.set(planned);
            job.wake();
        }
    }

    /** Rows for {@code clients}, in arrival order, reusing the row of every client already shown. */
    private List<ClientRow> rowsFor(List<ServerClient> clients, RowsById known, boolean servingTls) {
        List<ClientRow> rows = new ArrayList<>(clients.size());
        for (ServerClient client : clients) { // oldest connection first, as ClientList promises
            ClientRow row = known.get(client.connection());
            if (row == null) {
                long id = client.connection();
                row = servingTls
                        ? ClientRow.secure(id, client.remote(), client.connectedAtMillis(), client::rxBytes,
                                client::txBytes, client::hasFinishedSending, () -> handshakes.get(id))
                        : ClientRow.of(id, client.remote(), client.connectedAtMillis(), client::rxBytes,
                                client::txBytes, client::hasFinishedSending);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The rows of one plan by connection id, for the next plan to reuse: two arrays in ascending
     * id (the engine lists its clients oldest first, and ids only grow), searched by bisection.
     * A map of boxed ids made anew by every plan was, with the list's own sets, about a third of
     * what a storm of connects allocated; this is two arrays. Immutable once built.
     */
    private static final class RowsById {
        static final RowsById NONE = new RowsById(List.of());

        private final long[] ids;
        private final ClientRow[] rows;

        RowsById(List<ClientRow> inArrivalOrder) {
            rows = inArrivalOrder.toArray(new ClientRow[0]);
            if (!ascending(rows)) { // not as the engine promises; still correct, at a sort's cost
                Arrays.sort(rows, ClientTable.BY_ARRIVAL);
            }
            ids = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                ids[i] = rows[i].id();
            }
        }

        private static boolean ascending(ClientRow[] rows) {
            for (int i = 1; i < rows.length; i++) {
                if (rows[i - 1].id() > rows[i].id()) {
                    return false;
                }
            }
            return true;
        }

        /** The row of connection {@code id}, or null. */
        ClientRow get(long id) {
            int at = Arrays.binarySearch(ids, id);
            return at >= 0 ? rows[at] : null;
        }
    }
}
