package io.socketdeck.core.tcp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connected clients of one server, by remote address (unique among live connections). The
 * loop thread adds and removes; any thread may read, and gets the same {@link ClientList} until
 * the membership changes.
 *
 * <p>The I/O thread pays one map update and one volatile write per join or leave, never a copy of
 * the set: a storm of ten thousand connects stays linear. Readers build the list themselves, at
 * most once per version. A reader that sees a version also sees every change made before it was
 * published, so its list never holds a client that had left by then.
 */
final class ServerClients {

    private final Map<InetSocketAddress, TcpConnection> byRemote = new ConcurrentHashMap<>();
    /** Written by the loop thread only, after the map change it stands for. */
    private volatile long version;
    /** The last list built, by whichever reader asked. */
    private volatile ClientList lastList = ClientList.EMPTY;

    /** Loop thread. */
    void add(TcpConnection client) {
        byRemote.put(client.remote(), client);
        version++; // one writer: no lost update
    }

    /** Loop thread; a connection no longer (or never) listed is ignored. */
    void remove(TcpConnection client) {
        if (byRemote.remove(client.remote(), client)) {
            version++;
        }
    }

    TcpConnection get(InetSocketAddress remote) {
        return byRemote.get(remote);
    }

    /** A copy of the connections, for a send to all of them. */
    List<TcpConnection> all() {
        return new ArrayList<>(byRemote.values());
    }

    long version() {
        return version;
    }

    int size() {
        return byRemote.size();
    }

    /** The clients at the current version, oldest connection first; any thread. */
    ClientList list() {
        long seen = version; // first: the map read below is at least this new
        ClientList last = lastList;
        if (last.version() == seen) {
            return last;
        }
        List<ServerClient> now = new ArrayList<>(byRemote.size());
        for (TcpConnection client : byRemote.values()) {
            now.add(client.asServerClient());
        }
        now.sort(Comparator.comparingLong(ServerClient::connection));
        ClientList built = new ClientList(seen, now);
        lastList = built; // a slower reader may put back an older list: the next one rebuilds
        return built;
    }
}
