package io.socketdeck.core.tcp;

import io.socketdeck.core.session.TrafficCounters;
import java.net.InetSocketAddress;

/** One client of a server: who, since when, and its live byte counts. */
public record ServerClient(long connection, InetSocketAddress remote, long connectedAtMillis, TrafficCounters counters) {

    public long rxBytes() {
        return counters.rxBytes();
    }

    public long txBytes() {
        return counters.txBytes();
    }
}
