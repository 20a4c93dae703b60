package io.socketdeck.core.tcp;

import io.socketdeck.core.session.ReadOnlyCounters;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One client of a server, as its client list shows it: who and since when, fixed for the life of
 * the connection, and its byte counts, live. Made once per connection, so a list of ten thousand
 * clients is ten thousand references, not ten thousand copies.
 *
 * @param connection        the connection's id, as on its events
 * @param remote            the client's address and port
 * @param connectedAtMillis when the server accepted it, epoch milliseconds
 * @param counters          its own counts, read live from any thread
 * @param peerFinished      whether it finished sending (its FIN) while staying for our answer, live
 */
public record ServerClient(long connection, InetSocketAddress remote, long connectedAtMillis,
                           ReadOnlyCounters counters, BooleanSupplier peerFinished) {

    public ServerClient {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(peerFinished, "peerFinished");
    }

    /** True once it finished sending: it may still read our answer. */
    public boolean hasFinishedSending() {
        return peerFinished.getAsBoolean();
    }

    /** Bytes received from it so far. */
    public long rxBytes() {
        return counters.rxBytes();
    }

    /** Bytes sent to it so far, counted as the system took them (a send under way's too). */
    public long txBytes() {
        return counters.txBytes();
    }
}
