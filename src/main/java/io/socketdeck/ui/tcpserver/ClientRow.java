package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.session.TlsHandshake;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One connected client in the table: immutable, and one per connection (a client that leaves and
 * one that later arrives from the same address and port are two rows, told apart by the engine's
 * connection id). The byte counts are read live from the engine's counters when a cell is drawn,
 * so a row never holds a stale copy and needs no listener of its own.
 *
 * @param address as the log names the client: {@code 192.168.1.20:50123}, {@code [::1]:50123}
 * @param secure  true when the server speaks TLS: the client's handshake is then shown
 * @param tls     its completed TLS handshake, read live; null until then (and for plain TCP)
 */
public record ClientRow(long id, InetSocketAddress remote, String address, long connectedAtMillis,
                        LongSupplier rxBytes, LongSupplier txBytes, BooleanSupplier finishedSending,
                        boolean secure, Supplier<TlsHandshake> tls) {

    /** A client of a plain TCP server. */
    public static ClientRow of(long id, InetSocketAddress remote, long connectedAtMillis, LongSupplier rxBytes,
                               LongSupplier txBytes, BooleanSupplier finishedSending) {
        return new ClientRow(id, remote, Addresses.format(remote), connectedAtMillis, rxBytes, txBytes,
                finishedSending, false, () -> null);
    }

    /** A client of a TLS server, whose handshake {@code tls} gives once it completed. */
    public static ClientRow secure(long id, InetSocketAddress remote, long connectedAtMillis, LongSupplier rxBytes,
                                   LongSupplier txBytes, BooleanSupplier finishedSending,
                                   Supplier<TlsHandshake> tls) {
        return new ClientRow(id, remote, Addresses.format(remote), connectedAtMillis, rxBytes, txBytes,
                finishedSending, true, tls);
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
