package io.socketdeck.ui.relay;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.relay.RelayConnection;

/**
 * One relayed connection in the table: one row object for the connection's whole life, told apart
 * by the engine's id; what it shows is the engine's latest snapshot of it, replaced on the
 * window's tick (FX thread), so a row never holds counts older than the last look.
 */
final class RelayRow {

    private final long id;
    private final String client;
    private RelayConnection now;

    RelayRow(RelayConnection first) {
        this.id = first.id();
        this.client = Addresses.format(first.client());
        this.now = first;
    }

    long id() {
        return id;
    }

    String client() {
        return client;
    }

    /** The target, once connected; "" before. */
    String target() {
        return now.target() == null ? "" : Addresses.format(now.target());
    }

    RelayConnection now() {
        return now;
    }

    void update(RelayConnection latest) {
        now = latest;
    }

    @Override
    public String toString() {
        return client;
    }
}
