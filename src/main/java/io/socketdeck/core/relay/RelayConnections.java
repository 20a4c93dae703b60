package io.socketdeck.core.relay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live connections of a relay by id, and a version that moves when one arrives, leaves or
 * changes state: written on the loop thread, read from any (the table polls the version and
 * rebuilds its rows only when it moved).
 */
final class RelayConnections {

    private final ConcurrentHashMap<Long, RelayLink> links = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    void add(RelayLink link) {
        links.put(link.id(), link);
        version.incrementAndGet();
    }

    void remove(RelayLink link) {
        links.remove(link.id(), link);
        version.incrementAndGet();
    }

    void changed() {
        version.incrementAndGet();
    }

    RelayLink get(long id) {
        return links.get(id);
    }

    int size() {
        return links.size();
    }

    long version() {
        return version.get();
    }

    /** Every live connection, oldest first. */
    List<RelayLink> all() {
        List<RelayLink> all = new ArrayList<>(links.values());
        all.sort(Comparator.comparingLong(RelayLink::id));
        return all;
    }

    List<RelayConnection> snapshot() {
        List<RelayLink> all = all();
        List<RelayConnection> rows = new ArrayList<>(all.size());
        for (RelayLink link : all) {
            rows.add(link.snapshot());
        }
        return rows;
    }

    long heldBytes() {
        long held = 0;
        for (RelayLink link : links.values()) {
            held += link.heldBytes();
        }
        return held;
    }
}
