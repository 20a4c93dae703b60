package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.net.Addresses;
import java.net.InetSocketAddress;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * One connected client in the table. Rows are identities: a client that leaves and one that
 * later arrives from the same address and port are two rows, so equality is not overridden.
 */
public final class ClientRow {

    private final InetSocketAddress remote;
    private final String address;
    private final long connectedAtMillis;
    private final ReadOnlyLongWrapper rxBytes = new ReadOnlyLongWrapper(this, "rxBytes");
    private final ReadOnlyLongWrapper txBytes = new ReadOnlyLongWrapper(this, "txBytes");

    ClientRow(InetSocketAddress remote, long connectedAtMillis) {
        this.remote = remote;
        this.address = Addresses.format(remote);
        this.connectedAtMillis = connectedAtMillis;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** {@code 192.168.1.20:50123}, {@code [::1]:50123}: as the log names the client. */
    public String address() {
        return address;
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    public ReadOnlyLongProperty rxBytesProperty() {
        return rxBytes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty txBytesProperty() {
        return txBytes.getReadOnlyProperty();
    }

    /** Setting an unchanged value notifies nobody, so idle rows cost nothing per refresh. */
    void update(long rx, long tx) {
        rxBytes.set(rx);
        txBytes.set(tx);
    }

    @Override
    public String toString() {
        return address;
    }
}
