package io.socketdeck.core.tcp;

import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TargetOps;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The clients one sender sends to, all or those at given addresses, at the moment of each
 * send; loop thread only.
 *
 * <p>One client's send is that client's TX data, like the client tab's. A send to several is
 * reported once, as {@link SessionEvent.SentToMany}: a broadcast to 10,000 clients must not
 * become 10,000 log lines. Counters count every client's bytes either way. Clients that could
 * not take the bytes (their queues are full) are named in one {@link SessionEvent.SendQueueFull}.
 *
 * <p>A sender's completion is told once every recipient has written the bytes or dropped them:
 * true when at least one wrote them. A file sent to many clients so goes at the pace of the
 * slowest, and a client leaving midway does not stop it for the others.
 *
 * <p>A tracked group (a repeat or a file send) remembers what each client still owes it, so it
 * can name who it waits for and leave a client out ({@link #skip}); a client whose queue is full
 * is left out at once. Those left out are reported together, at most once a second, and at once
 * when nobody is left, because the sender then stops.
 *
 * <p>A client that has gone and owes nothing is let go at the next send after the server's
 * clients changed: a repeat that runs for hours while clients come and go holds only those still
 * there, not every connection (queue, framer, socket, TLS engine) it ever sent to.
 */
final class ClientGroup implements TargetOps {

    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The server's events and timers, which a session keeps to itself. */
    interface Host {
        void emit(SessionEvent event);

        void schedule(long delayNanos, Runnable task);
    }

    private final ServerClients clients;
    private final Host host;
    private final List<InetSocketAddress> remotes;
    private final boolean tracked;
    private final Map<TcpConnection, Track> tracks = new HashMap<>();
    private final Set<TcpConnection> skipped = new HashSet<>();
    private final List<InetSocketAddress> unreported = new ArrayList<>();
    private boolean reportedRecently;
    /** The server's clients as of the last look for tracks of clients that have gone. */
    private long clientsSeen = -1;

    /**
     * @param clients the server's clients
     * @param host    the server's events and timers
     * @param remotes the clients' addresses, or null for every client
     * @param tracked whether the group follows what each client owes it (a repeat or a file send)
     */
    ClientGroup(ServerClients clients, Host host, List<InetSocketAddress> remotes, boolean tracked) {
        this.clients = clients;
        this.host = host;
        this.remotes = remotes;
        this.tracked = tracked;
    }

    @Override
    public void send(byte[] bytes, SendTarget.SendCompletion done) {
        deliver(bytes, done);
    }

    void deliver(byte[] bytes, SendTarget.SendCompletion done) {
        List<TcpConnection> targets = remotes == null ? clients.all() : live(remotes);
        if (!skipped.isEmpty()) {
            skipped.removeIf(TcpConnection::isClosed);
            targets.removeIf(skipped::contains);
        }
        letGoOfDeparted();
        if (targets.isEmpty()) {
            reportSkipped(); // nobody left: the sender stops now, so say why now
            Faults.completeQuietly(done, false);
            return;
        }
        boolean one = targets.size() == 1;
        // One more than the recipients: the sender hears of the outcome only after this send's
        // events, so "no recipient can take more" never comes before the row that says why.
        Delivery delivery = new Delivery(targets.size() + 1, done);
        List<TcpConnection> full = null;
        int taken = 0;
        for (TcpConnection client : targets) {
            SendTarget.SendCompletion each = tracked ? track(client).expect(delivery) : delivery;
            // A lone untracked recipient reports its own refusal, as the client tab's connection does.
            TcpConnection.Offer offer = client.offer(bytes, one, one && !tracked, each);
            if (offer == TcpConnection.Offer.TAKEN) {
                taken++;
            } else if (offer == TcpConnection.Offer.FULL) {
                full = full == null ? new ArrayList<>() : full;
                full.add(client);
            }
        }
        if (!one && (taken > 0 || full == null)) {
            host.emit(new SessionEvent.SentToMany(System.currentTimeMillis(), bytes, taken));
        }
        if (full != null) {
            if (tracked) {
                for (TcpConnection client : full) {
                    leaveOut(client);
                }
                if (taken == 0) {
                    reportSkipped();
                } else {
                    reportSoon();
                }
            } else if (!one) {
                host.emit(new SessionEvent.SendQueueFull(System.currentTimeMillis(), remotesOf(full), false));
            }
        }
        delivery.completed(false); // the extra count: written or not is the recipients' to say
    }

    private Track track(TcpConnection client) {
        return tracks.computeIfAbsent(client, Track::new);
    }

    /**
     * Drops the tracks of clients that have closed and owe nothing (one that still owes is
     * dropped as its queue tells it the rest). Only when the server's clients changed since the
     * last look: a repeat to clients that stay pays one volatile read per send for it.
     */
    private void letGoOfDeparted() {
        long now = clients.version();
        if (tracks.isEmpty() || now == clientsSeen) {
            clientsSeen = now;
            return;
        }
        clientsSeen = now;
        tracks.values().removeIf(track -> track.client.isClosed() && !track.owes());
    }

    /** No more sends to {@code client}; what it still owes this group counts as not written. */
    private void leaveOut(TcpConnection client) {
        skipped.add(client);
        unreported.add(client.remote());
        Track track = tracks.remove(client);
        if (track != null) {
            track.abandon();
        }
    }

    private void reportSoon() {
        if (!reportedRecently) {
            reportSkipped();
            reportedRecently = true;
            host.schedule(REPORT_EVERY_NANOS, () -> {
                reportedRecently = false;
                reportSkipped(); // those left out within the second, together
            });
        }
    }

    private void reportSkipped() {
        if (!unreported.isEmpty()) {
            host.emit(new SessionEvent.SendQueueFull(System.currentTimeMillis(), List.copyOf(unreported), true));
            unreported.clear();
        }
    }

    @Override
    public List<InetSocketAddress> waitingOn() {
        List<TcpConnection> waiting = new ArrayList<>();
        for (Track track : tracks.values()) {
            if (track.owes() && !track.client.isClosed()) {
                waiting.add(track.client);
            }
        }
        waiting.sort(Comparator.comparingLong(TcpConnection::id));
        return remotesOf(waiting);
    }

    /** How many clients this group follows: those that owe it a send, and those it has not let go yet. Loop thread. */
    int tracked() {
        return tracks.size();
    }

    @Override
    public boolean canSkip() {
        return tracked;
    }

    @Override
    public boolean skip(InetSocketAddress peer) {
        TcpConnection client = clients.get(peer);
        if (!tracked || client == null || skipped.contains(client)
                || remotes != null && !remotes.contains(peer)) {
            return false;
        }
        skipped.add(client);
        Track track = tracks.remove(client);
        if (track != null) {
            track.abandon();
        }
        return true;
    }

    /**
     * What one client still owes this group, oldest first. The client's queue tells it of each
     * send in order, whether it was written or dropped; once the group left the client out, it
     * no longer listens.
     */
    private final class Track implements SendTarget.SendCompletion {
        private final TcpConnection client;
        private final ArrayDeque<Delivery> owed = new ArrayDeque<>();

        Track(TcpConnection client) {
            this.client = client;
        }

        SendTarget.SendCompletion expect(Delivery delivery) {
            owed.addLast(delivery);
            return this;
        }

        boolean owes() {
            return !owed.isEmpty();
        }

        @Override
        public void completed(boolean written) {
            Delivery delivery = owed.pollFirst();
            if (delivery != null) {
                delivery.completed(written);
            }
            if (owed.isEmpty() && client.isClosed()) {
                tracks.remove(client, this);
            }
        }

        /** Counts everything owed as not written by this client; later news of it is ignored. */
        void abandon() {
            Delivery delivery;
            while ((delivery = owed.pollFirst()) != null) {
                delivery.completed(false);
            }
        }
    }

    /** One send to several clients: tells its sender once all have written or dropped it. Loop thread. */
    private static final class Delivery implements SendTarget.SendCompletion {
        private final SendTarget.SendCompletion done;
        private int pending;
        private boolean anyWritten;

        Delivery(int recipients, SendTarget.SendCompletion done) {
            this.pending = recipients;
            this.done = done;
        }

        @Override
        public void completed(boolean written) {
            anyWritten |= written;
            if (--pending == 0) {
                Faults.completeQuietly(done, anyWritten);
            }
        }
    }

    private static List<InetSocketAddress> remotesOf(List<TcpConnection> connections) {
        List<InetSocketAddress> addresses = new ArrayList<>(connections.size());
        for (TcpConnection connection : connections) {
            addresses.add(connection.remote());
        }
        return addresses;
    }

    private List<TcpConnection> live(List<InetSocketAddress> remotes) {
        List<TcpConnection> live = new ArrayList<>(remotes.size());
        for (InetSocketAddress remote : remotes) {
            TcpConnection client = clients.get(remote);
            if (client != null) {
                live.add(client);
            }
        }
        return live;
    }
}
