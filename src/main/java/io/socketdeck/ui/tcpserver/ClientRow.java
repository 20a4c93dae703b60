package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.net.Addresses;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One connected client in the table: immutable, and one per connection (a client that leaves and
 * one that later arrives from the same address and port are two rows, told apart by the engine's
 * connection id). The byte counts are read live from the engine's counters when a cell is drawn,
 * so a row never holds a stale copy and needs no listener of its own.
 *
 * @param address as the log names the client: {@code 192.168.1.20:50123}, {@code [::1]:50123}
 */
public record ClientRow(long id, InetSocketAddress remote, String address, long connectedAtMillis,
                        LongSupplier rxBytes, LongSupplier txBytes, BooleanSupplier finishedSending) {

    public static ClientRow of(long id, InetSocketAddress remote, long connectedAtMillis, LongSupplier rxBytes,
                               LongSupplier txBytes, BooleanSupplier finishedSending) {
        return new ClientRow(id, remote, Addresses.format(remote), connectedAtMillis, rxBytes, txBytes,
                finishedSending);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientRow row && row.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return address;
    }
}
